/** The file that `requested` (a percent-encoded path from the URL) names inside `root`, or null. */
export function resolveUploadPath(root: string, requested: string): string | null {
  if (requested === '' || requested.startsWith('/') || requested.includes('..')) return null;
  const decoded = decodeURIComponent(requested);
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
