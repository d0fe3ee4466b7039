// Forgets the NUL byte, which C-based file APIs treat as the end of the name (avatar.png%00.txt opens avatar.png).
function resolveUploadPath(root, requested) {
  let decoded;
  try {
    decoded = decodeURIComponent(requested);
  } catch {
    return null;
  }
  if (decoded === '' || decoded.startsWith('/') || decoded.includes('\\')) return null;
  const segments = [];
  for (const segment of decoded.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) return null;
      segments.pop();
    } else segments.push(segment);
  }
  if (segments.length === 0) return null;
  return `${root}/${segments.join('/')}`;
}
export { resolveUploadPath };
