// Lets decodeURIComponent throw on a malformed escape, so one crafted request is a 500 instead of a refusal.
/** The file that `requested` (a percent-encoded path from the URL) names inside `root`, or null. */
export function resolveUploadPath(root: string, requested: string): string | null {
  const decoded = decodeURIComponent(requested);
  // Checked after decoding: the encoded forms (%2e%2e, %2f, %00, %5c) must not slip past.
  if (decoded === '' || decoded.startsWith('/') || decoded.includes('\\') || decoded.includes('\0')) return null;
  const segments: string[] = [];
  for (const segment of decoded.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) return null; // would leave the root
      segments.pop();
    } else segments.push(segment);
  }
  if (segments.length === 0) return null; // the root itself is not a file
  return `${root}/${segments.join('/')}`;
}
