// Lets the pod's runAsNonRoot win over the container's own setting, so a container that opts back into root is not reported.
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

/** The tag is after the last ':' of the last path segment; a digest pins the image. */
function isUnpinned(image: unknown): boolean {
  if (typeof image !== 'string') return true;
  if (image.includes('@sha256:')) return false;
  const name = image.slice(image.lastIndexOf('/') + 1);
  const colon = name.lastIndexOf(':');
  return colon < 0 || name.slice(colon + 1) === 'latest';
}

function checkContainer(
  container: Json,
  path: string,
  podRunAsNonRoot: unknown,
  isInit: boolean,
  findings: Finding[],
): void {
  const security = object(container.securityContext);
  if (isUnpinned(container.image)) findings.push({ rule: 'image-tag', path: `${path}.image` });
  if (security.privileged === true) findings.push({ rule: 'privileged', path: `${path}.securityContext.privileged` });
  const runAsNonRoot = podRunAsNonRoot === true ? true : security.runAsNonRoot;
  if (runAsNonRoot !== true) findings.push({ rule: 'run-as-root', path: `${path}.securityContext.runAsNonRoot` });
  list(container.env).forEach((entry, index) => {
    const variable = object(entry);
    if (typeof variable.name === 'string' && SECRET_NAME.test(variable.name) && 'value' in variable)
      findings.push({ rule: 'secret-in-env', path: `${path}.env[${index}].value` });
  });
  if (isInit) return;
  const resources = object(container.resources);
  const requests = object(resources.requests);
  if (object(resources.limits).memory === undefined)
    findings.push({ rule: 'missing-limits', path: `${path}.resources.limits.memory` });
  if (requests.cpu === undefined || requests.memory === undefined)
    findings.push({ rule: 'missing-requests', path: `${path}.resources.requests` });
  if (container.readinessProbe === undefined)
    findings.push({ rule: 'no-readiness-probe', path: `${path}.readinessProbe` });
}

export function lintDeployment(manifest: Json): Finding[] {
  if (manifest.kind !== 'Deployment') return [{ rule: 'not-a-deployment', path: 'kind' }];
  const findings: Finding[] = [];
  const spec = object(manifest.spec);
  const replicas = typeof spec.replicas === 'number' ? spec.replicas : 1;
  if (replicas < 2) findings.push({ rule: 'single-replica', path: 'spec.replicas' });
  const pod = object(object(spec.template).spec);
  const podRunAsNonRoot = object(pod.securityContext).runAsNonRoot;
  for (const [field, isInit] of [
    ['containers', false],
    ['initContainers', true],
  ] as const) {
    list(pod[field]).forEach((container, index) =>
      checkContainer(object(container), `spec.template.spec.${field}[${index}]`, podRunAsNonRoot, isInit, findings),
    );
  }
  return findings.sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0,
  );
}
