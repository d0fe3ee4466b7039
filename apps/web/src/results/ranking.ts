import type { SessionResult } from '../api/api-types.js';

/** `total` or a competency id. */
export type RankKey = { kind: 'total' } | { kind: 'competency'; id: string };

export interface RankedResult {
  rank: number;
  result: SessionResult;
}

function valueOf(result: SessionResult, key: RankKey): number | null {
  const value = key.kind === 'total' ? result.total : result.competencies[key.id];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * Best first; equal scores share a rank (1, 2, 2, 4); pending scores come last, unranked, in name
 * order so the table does not jump around.
 */
export function rankResults(
  results: SessionResult[],
  key: RankKey = { kind: 'total' },
): (RankedResult | { rank: null; result: SessionResult })[] {
  const scored = results
    .map((result) => ({ result, value: valueOf(result, key) }))
    .filter((entry): entry is { result: SessionResult; value: number } => entry.value !== null)
    .sort((a, b) => b.value - a.value || a.result.candidateName.localeCompare(b.result.candidateName));
  const pending = results
    .filter((result) => valueOf(result, key) === null)
    .sort((a, b) => a.candidateName.localeCompare(b.candidateName));
  const ranked: RankedResult[] = [];
  scored.forEach((entry, index) => {
    const previous = ranked[index - 1];
    const rank = previous && scored[index - 1].value === entry.value ? previous.rank : index + 1;
    ranked.push({ rank, result: entry.result });
  });
  return [...ranked, ...pending.map((result) => ({ rank: null, result }))];
}

/** The competencies that appear in any result, in the order of the competency model where known. */
export function competenciesOf(results: SessionResult[], order: readonly string[]): string[] {
  const seen = new Set(results.flatMap((result) => Object.keys(result.competencies ?? {})));
  return [...order.filter((id) => seen.has(id)), ...[...seen].filter((id) => !order.includes(id)).sort()];
}
