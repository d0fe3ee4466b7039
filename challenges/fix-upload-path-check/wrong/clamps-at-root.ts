// Clamps '..' at the root instead of refusing, so a traversal attempt is served some other file instead of being rejected.
/** The file that `requested` (a percent-encoded path from the URL) names inside `root`, or null. */
export function resolveUploadPath(root: string, requested: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requested);
  } catch {
    return null; // malformed percent-encoding
  }
  // Checked after decoding: the encoded forms (%2e%2e, %2f, %00, %5c) must not slip past.
  if (decoded === '' || decoded.startsWith('/') || decoded.includes('\\') || decoded.includes('\0')) return null;
  const segments: string[] = [];
  for (const segment of decoded.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      segments.pop();
    } else segments.push(segment);
  }
  if (segments.length === 0) return null; // the root itself is not a file
  return `${root}/${segments.join('/')}`;
}
