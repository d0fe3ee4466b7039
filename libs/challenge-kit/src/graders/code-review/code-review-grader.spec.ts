import { describe, expect, it } from '@jest/globals';
import { DefinitionError } from '../definition/definition-error.js';
import {
  codeReviewCandidateView,
  parseCodeReviewChallenge,
  type CodeReviewChallenge,
} from './code-review.definition.js';
import { gradeCodeReview as sut, parseReviewComments, type ReviewComment } from './code-review-grader.js';
import { parseUnifiedDiff } from './unified-diff.js';

/** New-version lines 1-19 of src/orders.ts and 1-4 of test/orders.spec.ts are visible. */
const DIFF = `diff --git a/src/orders.ts b/src/orders.ts
index 1111111..2222222 100644
--- a/src/orders.ts
+++ b/src/orders.ts
@@ -1,15 +1,19 @@
 import { db } from './db';
-import { log } from './log';
+import { logger } from './log';
 
 export async function refund(orderId: string, amount: number) {
-  const order = await db.query('SELECT * FROM orders WHERE id = $1', [orderId]);
+  const order = await db.query(\`SELECT * FROM orders WHERE id = '\${orderId}'\`);
   if (!order) throw new Error('no order');
-  await db.transaction(async (tx) => {
-    await tx.query('UPDATE orders SET refunded = refunded + $1 WHERE id = $2', [amount, orderId]);
-    await tx.query('INSERT INTO ledger (order_id, amount) VALUES ($1, $2)', [orderId, -amount]);
-  });
+  await db.query('UPDATE orders SET refunded = refunded + $1 WHERE id = $2', [amount, orderId]);
+  await db.query('INSERT INTO ledger (order_id, amount) VALUES ($1, $2)', [orderId, -amount]);
+  for (const item of order.items) {
+    await db.query('SELECT * FROM products WHERE id = $1', [item.productId]);
+  }
+  logger.info('refunded', { orderId, amount });
 }
 
 export function total(items: { price: number }[]) {
   return items.reduce((sum, item) => sum + item.price, 0);
 }
+
+export const VERSION = 2;
diff --git a/test/orders.spec.ts b/test/orders.spec.ts
--- a/test/orders.spec.ts
+++ b/test/orders.spec.ts
@@ -1,3 +1,4 @@
 it('refunds', async () => {
-  expect(await refund('1', 5)).toBeUndefined();
+  await refund('1', 5);
+  expect(true).toBe(true);
 });
diff --git a/src/legacy.ts b/src/legacy.ts
deleted file mode 100644
--- a/src/legacy.ts
+++ /dev/null
@@ -1,2 +0,0 @@
-export const old = 1;
-export const older = 2;
`;

const DEFECTS = [
  {
    id: 'sql-injection',
    file: 'src/orders.ts',
    lineStart: 5,
    lineEnd: 5,
    category: 'security',
    severity: 'critical',
    description: 'orderId is interpolated into SQL',
  },
  {
    id: 'no-transaction',
    file: 'src/orders.ts',
    lineStart: 7,
    lineEnd: 8,
    category: 'correctness',
    severity: 'high',
    description: 'refund and ledger entry are no longer atomic',
  },
  {
    id: 'n-plus-one',
    file: 'src/orders.ts',
    lineStart: 9,
    lineEnd: 11,
    category: 'performance',
    severity: 'medium',
    description: 'one query per item',
  },
  {
    id: 'empty-test',
    file: 'test/orders.spec.ts',
    lineStart: 3,
    lineEnd: 3,
    category: 'testing',
    severity: 'low',
    description: 'the test asserts nothing',
  },
];

function challenge(scoring: Record<string, unknown> = {}, defects: unknown[] = DEFECTS): CodeReviewChallenge {
  return parseCodeReviewChallenge({ diff: DIFF, defects, scoring });
}

const comment = (file: string, line: number, category: ReviewComment['category']): ReviewComment => ({
  file,
  line,
  category,
  body: 'note',
});

describe('parseUnifiedDiff', () => {
  it('numbers lines as in the new version and skips deleted files', () => {
    const parsed = parseUnifiedDiff(DIFF);
    if (!('diff' in parsed)) throw new Error(parsed.error);
    expect(parsed.diff.files.map((file) => file.path)).toEqual(['src/orders.ts', 'test/orders.spec.ts']);
    const orders = parsed.diff.files[0];
    expect([...orders.visibleLines]).toEqual(Array.from({ length: 19 }, (_, index) => index + 1));
    expect([...orders.addedLines]).toEqual([2, 5, 7, 8, 9, 10, 11, 12, 18, 19]);
  });

  it('reports a hunk shorter than its header says', () => {
    expect(parseUnifiedDiff('--- a/x\n+++ b/x\n@@ -1,3 +1,3 @@\n a\n b\n')).toEqual({
      error: 'the last hunk is 1 line(s) short',
    });
    expect(parseUnifiedDiff('just text')).toEqual({ error: expect.stringContaining('no file with lines') });
  });
});

describe('gradeCodeReview', () => {
  it('credits comments on each defect with the right category, weighted by severity', () => {
    const grade = sut(challenge(), [
      comment('src/orders.ts', 5, 'security'),
      comment('src/orders.ts', 8, 'correctness'),
      comment('src/orders.ts', 10, 'performance'),
      comment('test/orders.spec.ts', 3, 'testing'),
    ]);
    expect(grade).toMatchObject({
      score: 1,
      found: 11,
      possible: 11,
      penalty: 0,
      missed: [],
      noise: [],
      unmatched: [],
    });
    expect(grade.matches.map((match) => [match.defectId, match.commentIndex, match.credit])).toEqual([
      ['sql-injection', 0, 5],
      ['no-transaction', 1, 3],
      ['n-plus-one', 2, 2],
      ['empty-test', 3, 1],
    ]);
  });

  it('matches within the line window on either side and not one line beyond', () => {
    const defects = [DEFECTS[0]];
    expect(sut(challenge({ lineWindow: 3 }, defects), [comment('src/orders.ts', 8, 'security')]).score).toBe(1);
    expect(sut(challenge({ lineWindow: 3 }, defects), [comment('src/orders.ts', 2, 'security')]).score).toBe(1);
    const beyond = sut(challenge({ lineWindow: 3 }, defects), [comment('src/orders.ts', 9, 'security')]);
    expect(beyond).toMatchObject({ score: 0, noise: [0], missed: [expect.objectContaining({ id: 'sql-injection' })] });
    expect(sut(challenge({ lineWindow: 0 }, defects), [comment('src/orders.ts', 6, 'security')]).score).toBe(0);
  });

  it('gives nothing for the right place with another category, unless the challenge grants partial credit, and never counts it as noise', () => {
    const wrongCategory = [comment('src/orders.ts', 5, 'correctness')];
    const injectionOnly = [DEFECTS[0]];
    expect(sut(challenge({}, injectionOnly), wrongCategory)).toMatchObject({ found: 0, noise: [], unmatched: [0] });
    const partial = sut(challenge({ categoryMismatchCredit: 0.5 }, injectionOnly), wrongCategory);
    expect(partial).toMatchObject({ found: 2.5, score: 0.5 });
    expect(partial.matches[0]).toMatchObject({ defectId: 'sql-injection', categoryMatches: false });
  });

  it('credits a defect once however many comments point at it, without penalising the rest', () => {
    const grade = sut(challenge(), [
      comment('src/orders.ts', 5, 'security'),
      comment('src/orders.ts', 4, 'security'),
      comment('src/orders.ts', 6, 'security'),
    ]);
    expect(grade).toMatchObject({ found: 5, noise: [], unmatched: [1, 2], penalty: 0 });
    expect(grade.matches).toEqual([
      { defectId: 'sql-injection', commentIndex: 0, credit: 5, categoryMatches: true, distance: 0 },
    ]);
  });

  it('credits a comment to one defect only, choosing the assignment with the most credit (not the first fit)', () => {
    const defects = [
      { ...DEFECTS[0], id: 'a', lineStart: 10, lineEnd: 10, severity: 'critical' },
      { ...DEFECTS[0], id: 'b', lineStart: 14, lineEnd: 14, severity: 'low' },
    ];
    // Comment 0 is near both; comment 1 only near a. Greedy would give comment 0 to a and leave b out.
    const grade = sut(challenge({}, defects), [
      comment('src/orders.ts', 12, 'security'),
      comment('src/orders.ts', 9, 'security'),
    ]);
    expect(grade.found).toBe(6);
    expect(grade.matches.map((match) => [match.defectId, match.commentIndex])).toEqual([
      ['a', 1],
      ['b', 0],
    ]);
  });

  it('between equally good comments, credits the closer one', () => {
    const grade = sut(challenge({}, [DEFECTS[1]]), [
      comment('src/orders.ts', 11, 'correctness'),
      comment('src/orders.ts', 9, 'correctness'),
    ]);
    expect(grade.matches).toEqual([
      { defectId: 'no-transaction', commentIndex: 1, credit: 3, categoryMatches: true, distance: 1 },
    ]);
    expect(grade.unmatched).toEqual([0]);
  });

  it('counts comments far from every defect, in another file, or off the diff as noise', () => {
    const grade = sut(challenge(), [
      comment('src/orders.ts', 17, 'design'),
      comment('src/other.ts', 6, 'security'),
      comment('src/orders.ts', 400, 'security'),
      comment('src/legacy.ts', 1, 'design'),
    ]);
    expect(grade.noise).toEqual([0, 1, 2, 3]);
  });

  it('forgives a few noise comments, then takes the penalty per comment, never below 0', () => {
    const found = comment('src/orders.ts', 5, 'security');
    const noise = (count: number): ReviewComment[] =>
      Array.from({ length: count }, () => comment('src/orders.ts', 17, 'design'));
    expect(sut(challenge(), [found, ...noise(2)]).score).toBeCloseTo(5 / 11);
    expect(sut(challenge(), [found, ...noise(4)]).score).toBeCloseTo(5 / 11 - 0.1);
    expect(sut(challenge({ noisePenalty: 0.5, noiseAllowance: 0 }), [found, ...noise(3)]).score).toBe(0);
    expect(sut(challenge(), noise(30)).score).toBe(0);
  });

  it('scores an empty review 0 with every defect missed', () => {
    expect(sut(challenge(), [])).toMatchObject({
      score: 0,
      found: 0,
      possible: 11,
      matches: [],
      missed: DEFECTS.map((defect) => expect.objectContaining({ id: defect.id })),
    });
  });

  it('uses the challenge severity weights', () => {
    const grade = sut(challenge({ severityWeights: { critical: 10 } }), [comment('src/orders.ts', 5, 'security')]);
    expect(grade).toMatchObject({ found: 10, possible: 16 });
  });
});

describe('parseReviewComments', () => {
  it('reads valid comments', () => {
    expect(
      parseReviewComments([{ file: 'src/orders.ts', line: 6, category: 'security', body: 'SQL injection' }]),
    ).toEqual([{ file: 'src/orders.ts', line: 6, category: 'security', body: 'SQL injection' }]);
  });

  it('names each problem of hostile input', () => {
    expect(() => parseReviewComments([{ file: 'x', line: 0, category: 'style', body: '', extra: 1 }])).toThrow(
      DefinitionError,
    );
    try {
      parseReviewComments([{ file: 'x', line: 0, category: 'style', body: '', extra: 1 }]);
    } catch (error) {
      expect((error as DefinitionError).problems.map((problem) => problem.path)).toEqual([
        '[0].extra',
        '[0].line',
        '[0].category',
        '[0].body',
      ]);
    }
    expect(() => parseReviewComments({})).toThrow(/must be a list of comments/);
    expect(() => parseReviewComments(Array.from({ length: 201 }, () => ({})))).toThrow(/at most 200 comments/);
  });
});

describe('parseCodeReviewChallenge', () => {
  it('checks that each defect sits on lines the diff shows', () => {
    const problems = (defects: unknown[]): string[] => {
      try {
        parseCodeReviewChallenge({ diff: DIFF, defects });
        return [];
      } catch (error) {
        return (error as DefinitionError).problems.map((problem) => `${problem.path}: ${problem.message}`);
      }
    };
    expect(problems([{ ...DEFECTS[0], file: 'src/legacy.ts' }])).toEqual([
      'defects[0].file: must be a file of the diff (src/orders.ts, test/orders.spec.ts), got "src/legacy.ts"',
    ]);
    expect(problems([{ ...DEFECTS[0], lineStart: 25, lineEnd: 21 }])).toEqual([
      'defects[0].lineEnd: must be at least lineStart (25)',
      'defects[0].lineStart: must be a line of src/orders.ts that the diff shows (new-version numbering)',
      'defects[0].lineEnd: must be a line of src/orders.ts that the diff shows (new-version numbering)',
    ]);
    expect(problems([DEFECTS[0], { ...DEFECTS[1], id: 'sql-injection', severity: 'blocker' }])).toEqual([
      'defects[1].severity: must be one of low, medium, high, critical (got "blocker")',
      'defects[1].id: repeats the defect id "sql-injection"; each defect id must be unique',
    ]);
  });

  it('keeps the defects out of the candidate view', () => {
    const view = codeReviewCandidateView(challenge());
    expect(view.files).toEqual(['src/orders.ts', 'test/orders.spec.ts']);
    expect(JSON.stringify(view)).not.toMatch(/sql-injection|interpolated/);
  });
});
