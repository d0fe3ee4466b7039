export interface Finding {
  rule: string;
  path: string;
}

type Json = Record<string, unknown>;

const SECRET_NAME = /PASSWORD|SECRET|TOKEN|API_KEY/i;

function object(value: unknown): Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The tag is after the last ':' of the last path segment (a digest, `@sha256:<hex>`, reads as a pinned tag). */
function isUnpinned(image: unknown): boolean {
  if (typeof image !== 'string') return true;
  const name = image.slice(image.lastIndexOf('/') + 1);
  const colon = name.lastIndexOf(':');
  return colon < 0 || name.slice(colon + 1) === 'latest';
}

type Report = (rule: string, path: string) => void;

function checkContainer(
  container: Json,
  path: string,
  podRunAsNonRoot: unknown,
  isInit: boolean,
  report: Report,
): void {
  const security = object(container.securityContext);
  if (isUnpinned(container.image)) report('image-tag', `${path}.image`);
  if (security.privileged === true) report('privileged', `${path}.securityContext.privileged`);
  const runAsNonRoot = 'runAsNonRoot' in security ? security.runAsNonRoot : podRunAsNonRoot;
  if (runAsNonRoot !== true) report('run-as-root', `${path}.securityContext.runAsNonRoot`);
  list(container.env).forEach((entry, index) => {
    const variable = object(entry);
    if (typeof variable.name === 'string' && SECRET_NAME.test(variable.name) && 'value' in variable)
      report('secret-in-env', `${path}.env[${index}].value`);
  });
  if (isInit) return;
  const resources = object(container.resources);
  const requests = object(resources.requests);
  if (object(resources.limits).memory === undefined) report('missing-limits', `${path}.resources.limits.memory`);
  if (requests.cpu === undefined || requests.memory === undefined)
    report('missing-requests', `${path}.resources.requests`);
  if (container.readinessProbe === undefined) report('no-readiness-probe', `${path}.readinessProbe`);
}

export function lintDeployment(manifest: Json): Finding[] {
  if (manifest.kind !== 'Deployment') return [{ rule: 'not-a-deployment', path: 'kind' }];
  const findings: Finding[] = [];
  const report: Report = (rule, path) => findings.push({ rule, path });
  const spec = object(manifest.spec);
  // Missing means one replica.
  if (!(typeof spec.replicas === 'number' && spec.replicas >= 2)) report('single-replica', 'spec.replicas');
  const pod = object(object(spec.template).spec);
  const podRunAsNonRoot = object(pod.securityContext).runAsNonRoot;
  for (const [field, isInit] of [
    ['containers', false],
    ['initContainers', true],
  ] as const) {
    list(pod[field]).forEach((container, index) =>
      checkContainer(object(container), `spec.template.spec.${field}[${index}]`, podRunAsNonRoot, isInit, report),
    );
  }
  // Every finding has a path of its own, so the path alone orders them.
  return findings.sort((a, b) => (a.path < b.path ? -1 : 1));
}
