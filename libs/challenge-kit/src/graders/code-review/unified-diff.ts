/** One file of a unified diff, by its path after the change. */
export interface DiffFile {
  path: string;
  /** Line numbers of the new version that the diff shows (context and added lines): where comments can go. */
  visibleLines: ReadonlySet<number>;
  addedLines: ReadonlySet<number>;
}

export interface ParsedDiff {
  files: DiffFile[];
}

export type DiffParse = { diff: ParsedDiff } | { error: string };

const HUNK_HEADER = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/;

function stripPrefix(path: string): string {
  const trimmed = path.split('\t')[0].trim();
  return trimmed.startsWith('b/') || trimmed.startsWith('a/') ? trimmed.slice(2) : trimmed;
}

/**
 * Reads `git diff` / `diff -u` output: file headers (`--- a/x`, `+++ b/x`) and hunks. Comments and
 * defects refer to line numbers of the new version, as on a pull request.
 */
export function parseUnifiedDiff(text: string): DiffParse {
  const files: { path: string; visibleLines: Set<number>; addedLines: Set<number> }[] = [];
  let current: (typeof files)[number] | undefined;
  let nextLine = 0;
  let remaining = 0;
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  // The newline that ends the last line is not an empty context line.
  if (lines.at(-1) === '') lines.pop();
  for (const [index, line] of lines.entries()) {
    if (remaining > 0 && current) {
      if (line.startsWith('+')) {
        current.visibleLines.add(nextLine);
        current.addedLines.add(nextLine);
        nextLine += 1;
        remaining -= 1;
      } else if (line.startsWith(' ') || line === '') {
        current.visibleLines.add(nextLine);
        nextLine += 1;
        remaining -= 1;
      } else if (!line.startsWith('-') && !line.startsWith('\\')) {
        return { error: `line ${index + 1}: the hunk ends ${remaining} line(s) early` };
      }
      continue;
    }
    if (line.startsWith('+++ ')) {
      const path = stripPrefix(line.slice(4));
      current = path === '/dev/null' ? undefined : { path, visibleLines: new Set(), addedLines: new Set() };
      if (current) {
        if (files.some((file) => file.path === current?.path))
          return { error: `line ${index + 1}: the file ${path} appears twice` };
        files.push(current);
      }
      continue;
    }
    const hunk = HUNK_HEADER.exec(line);
    if (hunk) {
      if (!current) {
        // A deleted file's hunks: no line of the new version to comment on.
        remaining = 0;
        continue;
      }
      nextLine = Number(hunk[1]);
      remaining = hunk[2] === undefined ? 1 : Number(hunk[2]);
    }
  }
  if (remaining > 0) return { error: `the last hunk is ${remaining} line(s) short` };
  const withLines = files.filter((file) => file.visibleLines.size > 0);
  if (withLines.length === 0)
    return { error: 'has no file with lines to comment on (no "+++ b/path" header followed by a hunk)' };
  return { diff: { files: withLines } };
}
