import { describe, expect, it } from '@jest/globals';
import { parseDiffForView } from './diff-lines.js';

const DIFF = [
  'diff --git a/src/user.ts b/src/user.ts',
  'index 1..2 100644',
  '--- a/src/user.ts',
  '+++ b/src/user.ts',
  '@@ -10,3 +10,4 @@ export class Users {',
  ' const a = 1;',
  '-const b = 2;',
  '+const b = 3;',
  '+const c = 4;',
  ' return a;',
  '\\ No newline at end of file',
  '--- a/old.ts',
  '+++ /dev/null',
  '@@ -1 +0,0 @@',
  '-gone',
].join('\n');

describe('parseDiffForView', () => {
  it('numbers old and new lines as a pull request does', () => {
    const [sut] = parseDiffForView(DIFF);
    expect(sut.path).toBe('src/user.ts');
    expect(sut.lines.filter((line) => line.kind !== 'hunk')).toEqual([
      { kind: 'context', text: 'const a = 1;', oldLine: 10, newLine: 10 },
      { kind: 'removed', text: 'const b = 2;', oldLine: 11 },
      { kind: 'added', text: 'const b = 3;', newLine: 11 },
      { kind: 'added', text: 'const c = 4;', newLine: 12 },
      { kind: 'context', text: 'return a;', oldLine: 12, newLine: 13 },
    ]);
  });

  it('names a deleted file by its old path', () => {
    const files = parseDiffForView(DIFF);
    expect(files[1]).toMatchObject({
      path: 'old.ts',
      lines: [{ kind: 'hunk' }, { kind: 'removed', text: 'gone', oldLine: 1 }],
    });
  });

  it('returns nothing for text that is not a diff', () => {
    expect(parseDiffForView('hello\nworld')).toEqual([]);
  });
});
