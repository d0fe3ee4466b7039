const VERDICT_LABELS: Record<string, string> = {
  ACCEPTED: 'Accepted',
  WRONG_ANSWER: 'Wrong answer',
  TIME_LIMIT_EXCEEDED: 'Time limit exceeded',
  MEMORY_LIMIT_EXCEEDED: 'Memory limit exceeded',
  RUNTIME_ERROR: 'Runtime error',
  COMPILATION_ERROR: 'Compilation error',
  OUTPUT_LIMIT_EXCEEDED: 'Output limit exceeded',
  INTERNAL_ERROR: 'Internal error',
};

export function verdictLabel(verdict: string): string {
  return VERDICT_LABELS[verdict] ?? verdict.toLowerCase().replace(/_/g, ' ');
}

export function VerdictBadge({ verdict }: { verdict: string }) {
  const tone = verdict === 'ACCEPTED' ? 'pass' : verdict === 'INTERNAL_ERROR' ? 'neutral' : 'fail';
  return <span className={`verdict verdict-${tone}`}>{verdictLabel(verdict)}</span>;
}
