// Looks the project up before checking the role, so an editor probing DELETE learns which ids exist.
interface HttpRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

interface HttpResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

interface Project {
  id: string;
  tenant: string;
  name: string;
  version: number;
}

type Role = 'viewer' | 'editor' | 'admin';

const ALLOWED: Record<Role, readonly string[]> = {
  viewer: ['GET'],
  editor: ['GET', 'POST', 'PATCH'],
  admin: ['GET', 'POST', 'PATCH', 'DELETE'],
};

const projects = new Map<string, Project>();
let lastId = 0;

const reply = (status: number, body?: unknown, headers: Record<string, string> = {}): HttpResponse =>
  body === undefined
    ? { status, headers }
    : { status, headers: { 'content-type': 'application/json', ...headers }, body };

const view = (project: Project) => ({ id: project.id, name: project.name, version: project.version });
const etag = (project: Project) => `"${project.version}"`;
const withProject = (status: number, project: Project, headers: Record<string, string> = {}) =>
  reply(status, view(project), { etag: etag(project), ...headers });

function isRole(role: string | undefined): role is Role {
  return role === 'viewer' || role === 'editor' || role === 'admin';
}

/** The name the body asks for, or the error response. */
function readName(body: unknown): string | HttpResponse {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return reply(422, { error: 'invalid_name' });
  const unknown = Object.keys(body).find((key) => key !== 'name');
  if (unknown !== undefined) return reply(422, { error: 'unknown_field', field: unknown });
  const name = (body as { name?: unknown }).name;
  if (typeof name !== 'string') return reply(422, { error: 'invalid_name' });
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > 80) return reply(422, { error: 'invalid_name' });
  return trimmed;
}

function nameTaken(tenant: string, name: string, except?: Project): boolean {
  const wanted = name.toLowerCase();
  for (const project of projects.values()) {
    if (project.tenant === tenant && project !== except && project.name.toLowerCase() === wanted) return true;
  }
  return false;
}

function checkIfMatch(request: HttpRequest, project: Project): HttpResponse | undefined {
  const ifMatch = request.headers['if-match'];
  if (ifMatch === undefined) return reply(428, { error: 'precondition_required' });
  if (ifMatch !== etag(project)) return reply(412, { error: 'version_mismatch' });
  return undefined;
}

export function handle(request: HttpRequest): HttpResponse {
  const tenant = request.headers['x-tenant-id'];
  if (!tenant) return reply(401, { error: 'unauthenticated' });

  const isCollection = request.path === '/projects';
  const item = /^\/projects\/([^/]+)$/.exec(request.path);
  if (!isCollection && !item) return reply(404, { error: 'not_found' });
  const methods = isCollection ? ['GET', 'POST'] : ['GET', 'PATCH', 'DELETE'];
  if (!methods.includes(request.method)) return reply(405, { error: 'method_not_allowed' });

  const role = request.headers['x-role'];
  const allowed = isRole(role) && ALLOWED[role].includes(request.method);
  if (!allowed && (isCollection || projects.get(item![1]!)?.tenant === tenant))
    return reply(403, { error: 'forbidden' });

  if (isCollection) {
    if (request.method === 'GET') {
      const items = [...projects.values()].filter((project) => project.tenant === tenant).map(view);
      return reply(200, { items });
    }
    const name = readName(request.body);
    if (typeof name !== 'string') return name;
    if (nameTaken(tenant, name)) return reply(409, { error: 'name_taken' });
    lastId += 1;
    const project: Project = { id: `prj_${lastId}`, tenant, name, version: 1 };
    projects.set(project.id, project);
    return withProject(201, project, { location: `/projects/${project.id}` });
  }

  const project = projects.get(item![1]!);
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
