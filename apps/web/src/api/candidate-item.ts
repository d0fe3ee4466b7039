import type { CandidateItem, CandidateSession, ItemDraft, SampleTest, SourceFile } from './api-types.js';

/** `items[].content` of `GET /candidate/session`: the challenge's public view (never hidden tests). */
interface PublicContent {
  statement?: string;
  languages?: string[];
  starters?: SourceFile[];
  harness?: { sampleTests?: SampleTest[] };
  material?: Record<string, unknown>;
  estimatedMinutes?: number;
  difficulty?: string;
}

type WireItem = CandidateItem & {
  content?: PublicContent | null;
  draft?: (ItemDraft & { updatedAt?: string }) | null;
};

/** One item as the API sends it, flattened into what the screens read. */
export function toCandidateItem(wire: WireItem): CandidateItem {
  const { content, draft, ...item } = wire;
  return {
    ...item,
    statement: item.statement ?? content?.statement,
    languages: item.languages ?? content?.languages,
    starters: item.starters ?? content?.starters,
    sampleTests: item.sampleTests ?? content?.harness?.sampleTests,
    material: item.material ?? content?.material,
    estimatedMinutes: item.estimatedMinutes ?? content?.estimatedMinutes,
    difficulty: item.difficulty ?? content?.difficulty,
    draft: draft ? { ...draft, savedAt: draft.savedAt ?? draft.updatedAt } : (draft ?? null),
  };
}

export function toCandidateSession(wire: CandidateSession): CandidateSession {
  return { ...wire, items: wire.items.map((item) => toCandidateItem(item as WireItem)) };
}
