// Compares names case-sensitively, so 'Billing' and 'billing' become two projects the users cannot tell apart.
const ALLOWED = {
  viewer: ['GET'],
  editor: ['GET', 'POST', 'PATCH'],
  admin: ['GET', 'POST', 'PATCH', 'DELETE'],
};
const projects = /* @__PURE__ */ new Map();
let lastId = 0;
const reply = (status, body, headers = {}) =>
  body === void 0 ? { status, headers } : { status, headers: { 'content-type': 'application/json', ...headers }, body };
const view = (project) => ({ id: project.id, name: project.name, version: project.version });
const etag = (project) => `"${project.version}"`;
const withProject = (status, project, headers = {}) =>
  reply(status, view(project), { etag: etag(project), ...headers });
function isRole(role) {
  return role === 'viewer' || role === 'editor' || role === 'admin';
}
function readName(body) {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return reply(422, { error: 'invalid_name' });
  const unknown = Object.keys(body).find((key) => key !== 'name');
  if (unknown !== void 0) return reply(422, { error: 'unknown_field', field: unknown });
  const name = body.name;
  if (typeof name !== 'string') return reply(422, { error: 'invalid_name' });
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > 80) return reply(422, { error: 'invalid_name' });
  return trimmed;
}
function nameTaken(tenant, name, except) {
  const wanted = name;
  for (const project of projects.values()) {
    if (project.tenant === tenant && project !== except && project.name === wanted) return true;
  }
  return false;
}
function checkIfMatch(request, project) {
  const ifMatch = request.headers['if-match'];
  if (ifMatch === void 0) return reply(428, { error: 'precondition_required' });
  if (ifMatch !== etag(project)) return reply(412, { error: 'version_mismatch' });
  return void 0;
}
function handle(request) {
  const tenant = request.headers['x-tenant-id'];
  if (!tenant) return reply(401, { error: 'unauthenticated' });
  const isCollection = request.path === '/projects';
  const item = /^\/projects\/([^/]+)$/.exec(request.path);
  if (!isCollection && !item) return reply(404, { error: 'not_found' });
  const methods = isCollection ? ['GET', 'POST'] : ['GET', 'PATCH', 'DELETE'];
  if (!methods.includes(request.method)) return reply(405, { error: 'method_not_allowed' });
  const role = request.headers['x-role'];
  if (!isRole(role) || !ALLOWED[role].includes(request.method)) return reply(403, { error: 'forbidden' });
  if (isCollection) {
    if (request.method === 'GET') {
      const items = [...projects.values()].filter((project3) => project3.tenant === tenant).map(view);
      return reply(200, { items });
    }
    const name2 = readName(request.body);
    if (typeof name2 !== 'string') return name2;
    if (nameTaken(tenant, name2)) return reply(409, { error: 'name_taken' });
    lastId += 1;
    const project2 = { id: `prj_${lastId}`, tenant, name: name2, version: 1 };
    projects.set(project2.id, project2);
    return withProject(201, project2, { location: `/projects/${project2.id}` });
  }
  const project = projects.get(item[1]);
  if (!project || project.tenant !== tenant) return reply(404, { error: 'project_not_found' });
  if (request.method === 'GET') return withProject(200, project);
  const refused = checkIfMatch(request, project);
  if (refused) return refused;
  if (request.method === 'DELETE') {
    projects.delete(project.id);
    return reply(204);
  }
  const name = readName(request.body);
  if (typeof name !== 'string') return name;
  if (nameTaken(tenant, name, project)) return reply(409, { error: 'name_taken' });
  project.name = name;
  project.version += 1;
  return withProject(200, project);
}
export { handle };
