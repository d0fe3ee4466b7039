import type { ChallengeLimits, ChallengePackage, ChallengeScoring } from './challenge-package.js';
import { engineHarness } from '../verification/harness-check.js';
import { publicMaterial } from './public-material.js';
import type { ChallengeLanguage, ChallengeType, Competency, Difficulty, HarnessKind } from './challenge-types.js';

/** A sample test as the candidate sees it: the authored object, which for a sample test is public. */
export type PublicTest = Record<string, unknown> & { name: string; weight: number };

export interface PublicSourceFile {
  path: string;
  language: string;
  content: string;
}

/**
 * What a candidate may see of a challenge. Built by allow-listing fields, never by deleting secret
 * ones, so that a field added to a package later stays private until someone decides otherwise.
 */
export interface PublicChallenge {
  slug: string;
  title: string;
  summary: string;
  type: ChallengeType;
  difficulty: Difficulty;
  competencies: Competency[];
  estimatedMinutes: number;
  languages: ChallengeLanguage[];
  tags: string[];
  limits: ChallengeLimits;
  scoring: ChallengeScoring;
  contentHash: string;
  statement: string;
  starters: PublicSourceFile[];
  /** Code challenges: the harness kind and the sample tests only. */
  harness?: { kind: HarnessKind; sampleTests: PublicTest[]; sampleTestFiles: PublicSourceFile[] };
  /** Type-specific public material (schema and sample data, the diff, questions without answers...). */
  material?: Record<string, unknown>;
}

/** The spec files a spec harness marks as samples (never helpers, which may hold hidden fixtures). */
function sampleSpecFiles(harness: Record<string, unknown>): PublicSourceFile[] {
  const files = Array.isArray(harness.files) ? (harness.files as unknown[]) : [];
  return files.flatMap((file) => {
    const entry = file as { path?: unknown; source?: unknown; sample?: unknown; helper?: unknown } | null;
    if (
      entry?.sample !== true ||
      entry.helper === true ||
      typeof entry.path !== 'string' ||
      typeof entry.source !== 'string'
    )
      return [];
    return [
      { path: entry.path, language: entry.path.endsWith('.ts') ? 'typescript' : 'javascript', content: entry.source },
    ];
  });
}

export function toPublicView(pkg: ChallengePackage): PublicChallenge {
  const { manifest } = pkg;
  const view: PublicChallenge = {
    slug: manifest.slug,
    title: manifest.title,
    summary: manifest.summary,
    type: manifest.type,
    difficulty: manifest.difficulty,
    competencies: [...manifest.competencies],
    estimatedMinutes: manifest.estimatedMinutes,
    languages: [...manifest.languages],
    tags: [...manifest.tags],
    limits: { ...manifest.limits },
    scoring: { ...manifest.scoring },
    contentHash: pkg.contentHash,
    statement: pkg.statement,
    starters: pkg.starters.map(({ path, language, content }) => ({ path, language, content })),
  };
  if (manifest.harness) {
    view.harness = {
      kind: manifest.harness.kind,
      sampleTests: pkg.tests.filter((test) => test.sample).map((test) => structuredClone(test.raw) as PublicTest),
      sampleTestFiles: sampleSpecFiles(engineHarness(pkg) ?? manifest.harness),
    };
  }
  const material = publicMaterial(pkg);
  if (material) view.material = material;
  return view;
}
