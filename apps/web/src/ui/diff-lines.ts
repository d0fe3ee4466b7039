/** One line of a unified diff as the review view shows it. */
export interface DiffLine {
  kind: 'context' | 'added' | 'removed' | 'hunk';
  text: string;
  /** Line number in the old version (context and removed lines). */
  oldLine?: number;
  /** Line number in the new version (context and added lines): where comments attach. */
  newLine?: number;
}

export interface DiffFileView {
  path: string;
  lines: DiffLine[];
}

const HUNK = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@(.*)$/;

function pathOf(header: string): string {
  const path = header.slice(4).split('\t')[0].trim();
  return path.startsWith('a/') || path.startsWith('b/') ? path.slice(2) : path;
}

/** Reads `git diff` output into files and numbered lines; tolerant of anything it does not know. */
export function parseDiffForView(text: string): DiffFileView[] {
  const files: DiffFileView[] = [];
  let current: DiffFileView | null = null;
  let oldLine = 0;
  let newLine = 0;
  let oldPath = '';
  let inHunk = false;
  for (const line of text.replace(/\r\n/g, '\n').split('\n')) {
    if (line.startsWith('--- ')) {
      oldPath = pathOf(line);
      inHunk = false;
      continue;
    }
    if (line.startsWith('+++ ')) {
      const path = pathOf(line);
      current = { path: path === '/dev/null' ? oldPath : path, lines: [] };
      files.push(current);
      inHunk = false;
      continue;
    }
    const hunk = HUNK.exec(line);
    if (hunk && current) {
      oldLine = Number(hunk[1]);
      newLine = Number(hunk[2]);
      current.lines.push({ kind: 'hunk', text: line });
      inHunk = true;
      continue;
    }
    if (!current || !inHunk) continue;
    if (line.startsWith('+')) current.lines.push({ kind: 'added', text: line.slice(1), newLine: newLine++ });
    else if (line.startsWith('-')) current.lines.push({ kind: 'removed', text: line.slice(1), oldLine: oldLine++ });
    else if (line.startsWith(' '))
      current.lines.push({ kind: 'context', text: line.slice(1), oldLine: oldLine++, newLine: newLine++ });
    else if (line.startsWith('\\')) continue;
    else if (line.startsWith('diff ') || line.startsWith('index ')) inHunk = false;
  }
  return files;
}
