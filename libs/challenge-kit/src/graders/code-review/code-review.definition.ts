import { DefinitionReader, fieldPath } from '../definition/definition-reader.js';
import { type ParsedDiff, parseUnifiedDiff } from './unified-diff.js';

export const REVIEW_CATEGORIES = ['security', 'correctness', 'performance', 'design', 'testing'] as const;
export type ReviewCategory = (typeof REVIEW_CATEGORIES)[number];

export const DEFECT_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type DefectSeverity = (typeof DEFECT_SEVERITIES)[number];

export const DEFAULT_SEVERITY_WEIGHTS: Readonly<Record<DefectSeverity, number>> = {
  low: 1,
  medium: 2,
  high: 3,
  critical: 5,
};

/** A defect planted in the diff, on lines of the new version. */
export interface PlantedDefect {
  id: string;
  file: string;
  lineStart: number;
  lineEnd: number;
  category: ReviewCategory;
  severity: DefectSeverity;
  /** For interviewers: what is wrong and what a good comment says. */
  description: string;
}

export interface ReviewScoring {
  /** A comment may sit this many lines before lineStart or after lineEnd and still match. */
  lineWindow: number;
  severityWeights: Record<DefectSeverity, number>;
  /** Share of the full credit a comment earns at the right place with another category (0 = none). */
  categoryMismatchCredit: number;
  /** Score lost per noise comment beyond the allowance, as a share of the whole (0.05 = 5 points of 100). */
  noisePenalty: number;
  /** Noise comments that cost nothing: a reviewer may rightly note things nobody planted. */
  noiseAllowance: number;
}

/** The `codeReview` section of challenge.yaml. */
export interface CodeReviewDefinition {
  diff: string;
  defects: PlantedDefect[];
  scoring: ReviewScoring;
}

/** A code-review definition with its diff parsed once. */
export interface CodeReviewChallenge extends CodeReviewDefinition {
  parsedDiff: ParsedDiff;
}

/** What a candidate may see: the diff, never the defects. */
export interface CodeReviewCandidateView {
  diff: string;
  files: string[];
  categories: readonly ReviewCategory[];
}

const ID = {
  minLength: 1,
  maxLength: 60,
  pattern: /^[a-z0-9]+(-[a-z0-9]+)*$/,
  patternHint: 'lowercase words joined by hyphens',
};
const MAX_DIFF_LENGTH = 500_000;

export function parseCodeReviewChallenge(raw: unknown, subject = 'The codeReview section'): CodeReviewChallenge {
  const reader = new DefinitionReader(subject);
  const root = reader.object(raw, '', ['diff', 'defects', 'scoring']);
  const diff = reader.string(root, 'diff', '', { minLength: 1, maxLength: MAX_DIFF_LENGTH });
  const parsed = diff ? parseUnifiedDiff(diff) : undefined;
  if (parsed && 'error' in parsed) reader.report('diff', `must be a unified diff: ${parsed.error}`);
  const parsedDiff = parsed && 'diff' in parsed ? parsed.diff : undefined;

  const defects = reader.list(root, 'defects', '', { minItems: 1, maxItems: 50 }).map((item, index): PlantedDefect => {
    const path = fieldPath('defects', index);
    const fields = reader.object(item, path, [
      'id',
      'file',
      'lineStart',
      'lineEnd',
      'category',
      'severity',
      'description',
    ]);
    const defect: PlantedDefect = {
      id: reader.string(fields, 'id', path, ID),
      file: reader.string(fields, 'file', path, { minLength: 1, maxLength: 500 }),
      lineStart: reader.number(fields, 'lineStart', path, { integer: true, min: 1 }),
      lineEnd: reader.number(fields, 'lineEnd', path, { integer: true, min: 1 }),
      category: reader.choice(fields, 'category', path, REVIEW_CATEGORIES),
      severity: reader.choice(fields, 'severity', path, DEFECT_SEVERITIES),
      description: reader.string(fields, 'description', path, { minLength: 1, maxLength: 5000 }),
    };
    if (defect.lineEnd < defect.lineStart)
      reader.report(fieldPath(path, 'lineEnd'), `must be at least lineStart (${defect.lineStart})`);
    const file = parsedDiff?.files.find((candidate) => candidate.path === defect.file);
    if (parsedDiff && defect.file && !file) {
      reader.report(
        fieldPath(path, 'file'),
        `must be a file of the diff (${parsedDiff.files.map((f) => f.path).join(', ')}), got "${defect.file}"`,
      );
    }
    if (file) {
      for (const key of ['lineStart', 'lineEnd'] as const) {
        if (defect[key] > 0 && !file.visibleLines.has(defect[key]))
          reader.report(
            fieldPath(path, key),
            `must be a line of ${defect.file} that the diff shows (new-version numbering)`,
          );
      }
    }
    return defect;
  });
  reader.unique(
    defects.map((defect, index) => ({ value: defect.id, path: fieldPath(fieldPath('defects', index), 'id') })),
    'defect id',
  );

  const scoringFields =
    root.scoring === undefined
      ? {}
      : reader.object(root.scoring, 'scoring', [
          'lineWindow',
          'severityWeights',
          'categoryMismatchCredit',
          'noisePenalty',
          'noiseAllowance',
        ]);
  const weights = { ...DEFAULT_SEVERITY_WEIGHTS };
  if (scoringFields.severityWeights !== undefined) {
    const weightFields = reader.object(scoringFields.severityWeights, 'scoring.severityWeights', DEFECT_SEVERITIES);
    for (const severity of DEFECT_SEVERITIES) {
      weights[severity] =
        reader.optionalNumber(weightFields, severity, 'scoring.severityWeights', {
          min: 0,
          exclusiveMin: true,
          max: 100,
        }) ?? weights[severity];
    }
  }
  const scoring: ReviewScoring = {
    lineWindow: reader.optionalNumber(scoringFields, 'lineWindow', 'scoring', { integer: true, min: 0, max: 20 }) ?? 3,
    severityWeights: weights,
    categoryMismatchCredit:
      reader.optionalNumber(scoringFields, 'categoryMismatchCredit', 'scoring', { min: 0, max: 1 }) ?? 0,
    noisePenalty: reader.optionalNumber(scoringFields, 'noisePenalty', 'scoring', { min: 0, max: 1 }) ?? 0.05,
    noiseAllowance:
      reader.optionalNumber(scoringFields, 'noiseAllowance', 'scoring', { integer: true, min: 0, max: 50 }) ?? 2,
  };
  return reader.done({ diff, defects, scoring, parsedDiff: parsedDiff ?? { files: [] } });
}

export function codeReviewCandidateView(challenge: CodeReviewChallenge): CodeReviewCandidateView {
  return {
    diff: challenge.diff,
    files: challenge.parsedDiff.files.map((file) => file.path),
    categories: REVIEW_CATEGORIES,
  };
}
