// Looks for '..' and '/' before decoding, so %2e%2e%2f walks out of the root after the check has passed.
export function resolveUploadPath(root: string, requested: string): string | null {
  if (requested === '' || requested.startsWith('/') || requested.includes('..')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(requested);
  } catch {
    return null;
  }
  if (decoded.includes('\\') || decoded.includes('\0')) return null;
  const segments: string[] = root.split('/');
  for (const segment of decoded.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const resolved = segments.join('/');
  if (!resolved.startsWith(`${root}/`)) return null;
  return resolved;
}
