import { DefinitionReader, fieldPath } from '../definition/definition-reader.js';
import {
  type CodeReviewChallenge,
  type PlantedDefect,
  REVIEW_CATEGORIES,
  type ReviewCategory,
} from './code-review.definition.js';

/** A line comment a candidate left on the diff. */
export interface ReviewComment {
  file: string;
  /** A line of the new version. */
  line: number;
  category: ReviewCategory;
  body: string;
}

export const MAX_REVIEW_COMMENTS = 200;
const MAX_BODY_LENGTH = 10_000;

/** A comment credited for a defect. */
export interface DefectMatch {
  defectId: string;
  commentIndex: number;
  /** Weight earned: the severity weight, times the mismatch credit when the category differs. */
  credit: number;
  categoryMatches: boolean;
  /** Lines between the comment and the defect's range (0 inside it). */
  distance: number;
}

export interface CodeReviewGrade {
  /** In [0, 1]: found / possible, minus the noise penalty. */
  score: number;
  found: number;
  possible: number;
  penalty: number;
  matches: DefectMatch[];
  /** Defects no comment was credited for, with what they were (interviewers see everything). */
  missed: PlantedDefect[];
  /** Comments near no defect at all (or not on a line the diff shows): what the penalty counts. */
  noise: number[];
  /** Comments near a defect that another comment was credited for, or with a category that earns nothing: neither credit nor penalty. */
  unmatched: number[];
}

/** Reads a candidate's comments (hostile input): every problem names the field. */
export function parseReviewComments(raw: unknown, subject = 'The review comments'): ReviewComment[] {
  const reader = new DefinitionReader(subject);
  const list = Array.isArray(raw) ? raw : undefined;
  if (!list) reader.report('', 'must be a list of comments { file, line, category, body }');
  else if (list.length > MAX_REVIEW_COMMENTS)
    reader.report('', `must hold at most ${MAX_REVIEW_COMMENTS} comments (got ${list.length})`);
  const comments = (list ?? []).slice(0, MAX_REVIEW_COMMENTS).map((item, index): ReviewComment => {
    const path = fieldPath('', index);
    const fields = reader.object(item, path, ['file', 'line', 'category', 'body']);
    return {
      file: reader.string(fields, 'file', path, { minLength: 1, maxLength: 500 }),
      line: reader.number(fields, 'line', path, { integer: true, min: 1, max: 1_000_000 }),
      category: reader.choice(fields, 'category', path, REVIEW_CATEGORIES),
      body: reader.string(fields, 'body', path, { minLength: 1, maxLength: MAX_BODY_LENGTH }),
    };
  });
  return reader.done(comments);
}

function distanceTo(defect: PlantedDefect, line: number): number {
  if (line < defect.lineStart) return defect.lineStart - line;
  if (line > defect.lineEnd) return line - defect.lineEnd;
  return 0;
}

/**
 * Minimum-cost assignment of rows to columns (Hungarian algorithm, O(rows² · columns)), rows <= columns.
 * Returns, for each row, its column.
 */
function assign(cost: readonly (readonly number[])[], columns: number): number[] {
  const rows = cost.length;
  const u = new Array<number>(rows + 1).fill(0);
  const v = new Array<number>(columns + 1).fill(0);
  const owner = new Array<number>(columns + 1).fill(0);
  const way = new Array<number>(columns + 1).fill(0);
  for (let row = 1; row <= rows; row += 1) {
    owner[0] = row;
    let column0 = 0;
    const minimum = new Array<number>(columns + 1).fill(Number.POSITIVE_INFINITY);
    const used = new Array<boolean>(columns + 1).fill(false);
    do {
      used[column0] = true;
      const row0 = owner[column0];
      let delta = Number.POSITIVE_INFINITY;
      let column1 = 0;
      for (let column = 1; column <= columns; column += 1) {
        if (used[column]) continue;
        const reduced = cost[row0 - 1][column - 1] - u[row0] - v[column];
        if (reduced < minimum[column]) {
          minimum[column] = reduced;
          way[column] = column0;
        }
        if (minimum[column] < delta) {
          delta = minimum[column];
          column1 = column;
        }
      }
      for (let column = 0; column <= columns; column += 1) {
        if (used[column]) {
          u[owner[column]] += delta;
          v[column] -= delta;
        } else {
          minimum[column] -= delta;
        }
      }
      column0 = column1;
    } while (owner[column0] !== 0);
    do {
      const column1 = way[column0];
      owner[column0] = owner[column1];
      column0 = column1;
    } while (column0 !== 0);
  }
  const result = new Array<number>(rows).fill(-1);
  for (let column = 1; column <= columns; column += 1) if (owner[column] > 0) result[owner[column] - 1] = column - 1;
  return result;
}

/** Ties between equal credits go to the closer comment, never enough to outweigh any credit. */
const DISTANCE_TIE_BREAK = 1e-6;

/**
 * Scores a review: credits each defect to at most one comment and each comment to at most one
 * defect, choosing the assignment with the most credit (then the closest comments). A comment is
 * eligible for a defect in the same file within `lineWindow` lines of its range; with the same
 * category it earns the severity weight, with another `categoryMismatchCredit` of it.
 */
export function gradeCodeReview(challenge: CodeReviewChallenge, comments: readonly ReviewComment[]): CodeReviewGrade {
  const { defects, scoring } = challenge;
  const visible = new Map(challenge.parsedDiff.files.map((file) => [file.path, file.visibleLines]));
  const onDiff = comments.map((comment) => visible.get(comment.file)?.has(comment.line) ?? false);
  const credit = (defect: PlantedDefect, comment: ReviewComment, index: number): number | undefined => {
    if (!onDiff[index] || comment.file !== defect.file || distanceTo(defect, comment.line) > scoring.lineWindow)
      return undefined;
    const weight = scoring.severityWeights[defect.severity];
    return comment.category === defect.category ? weight : weight * scoring.categoryMismatchCredit;
  };

  // Rows are defects; columns are comments plus one "no comment" column per defect.
  const columns = comments.length + defects.length;
  const cost = defects.map((defect) => {
    const row = new Array<number>(columns).fill(0);
    comments.forEach((comment, index) => {
      const earned = credit(defect, comment, index);
      if (earned !== undefined && earned > 0)
        row[index] = -earned + DISTANCE_TIE_BREAK * distanceTo(defect, comment.line);
    });
    return row;
  });
  const assignment = defects.length > 0 ? assign(cost, columns) : [];

  const matches: DefectMatch[] = [];
  const missed: PlantedDefect[] = [];
  defects.forEach((defect, row) => {
    const index = assignment[row];
    const comment = index >= 0 && index < comments.length ? comments[index] : undefined;
    const earned = comment ? credit(defect, comment, index) : undefined;
    if (comment && earned !== undefined && earned > 0) {
      matches.push({
        defectId: defect.id,
        commentIndex: index,
        credit: earned,
        categoryMatches: comment.category === defect.category,
        distance: distanceTo(defect, comment.line),
      });
    } else {
      missed.push(defect);
    }
  });
  const credited = new Set(matches.map((match) => match.commentIndex));
  const noise: number[] = [];
  const unmatched: number[] = [];
  comments.forEach((comment, index) => {
    if (credited.has(index)) return;
    const nearSomething = defects.some((defect) => credit(defect, comment, index) !== undefined);
    (nearSomething ? unmatched : noise).push(index);
  });

  const possible = defects.reduce((sum, defect) => sum + scoring.severityWeights[defect.severity], 0);
  const found = matches.reduce((sum, match) => sum + match.credit, 0);
  const penalty = scoring.noisePenalty * Math.max(0, noise.length - scoring.noiseAllowance);
  const raw = possible > 0 ? found / possible - penalty : 0;
  return { score: Math.min(1, Math.max(0, raw)), found, possible, penalty, matches, missed, noise, unmatched };
}
