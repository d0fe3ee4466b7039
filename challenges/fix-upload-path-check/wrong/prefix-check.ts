// Decodes first but checks containment with startsWith(root), so /srv/uploads-private passes for /srv/uploads.
export function resolveUploadPath(root: string, requested: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requested);
  } catch {
    return null;
  }
  if (decoded === '' || decoded.startsWith('/') || decoded.includes('\\') || decoded.includes('\0')) return null;
  const segments: string[] = root.split('/');
  for (const segment of decoded.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const resolved = segments.join('/');
  if (!resolved.startsWith(root) || resolved === root) return null;
  return resolved;
}
