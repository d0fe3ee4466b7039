/** How Assay writes numbers, dates and the bank's vocabulary on screen. */

const TYPE_LABELS: Record<string, string> = {
  coding: 'Coding',
  class: 'Stateful design',
  stdio: 'Input/output',
  spec: 'Test-driven',
  'api-design': 'API design',
  resilience: 'Resilience',
  'bug-fix': 'Bug fix',
  sql: 'SQL',
  'system-design': 'System design',
  'code-review': 'Code review',
  quiz: 'Quiz',
};

const COMPETENCY_LABELS: Record<string, string> = {
  'api-design': 'API design',
  'data-modeling': 'Data storage',
  architecture: 'Distributed architecture',
  security: 'Security',
  'cloud-infra': 'Cloud and containers',
  delivery: 'Delivery',
  operations: 'Operations',
  'code-quality': 'Code quality',
  leadership: 'Technical leadership',
  programming: 'Core programming',
};

const LANGUAGE_LABELS: Record<string, string> = { typescript: 'TypeScript', javascript: 'JavaScript', sql: 'SQL' };

const DECISION_LABELS: Record<string, string> = {
  strong_no: 'Strong no',
  no: 'No',
  yes: 'Yes',
  strong_yes: 'Strong yes',
};

const titleCase = (text: string) => text.charAt(0).toUpperCase() + text.slice(1).replace(/[-_]/g, ' ');

export const typeLabel = (type: string) => TYPE_LABELS[type] ?? titleCase(type);
export const competencyLabel = (id: string) => COMPETENCY_LABELS[id] ?? titleCase(id);
export const languageLabel = (id: string) => LANGUAGE_LABELS[id] ?? titleCase(id);
export const decisionLabel = (id: string) => DECISION_LABELS[id] ?? titleCase(id);
export const difficultyLabel = (id: string) => titleCase(id);

export function minutesLabel(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}

/** A score in [0, 1] as a whole percentage; a dash when there is none yet. */
export function scoreLabel(score: number | null | undefined): string {
  if (score === null || score === undefined || !Number.isFinite(score)) return '–';
  return `${Math.round(Math.min(1, Math.max(0, score)) * 100)}%`;
}

export function percentileLabel(percentile: number | null | undefined): string {
  if (percentile === null || percentile === undefined || !Number.isFinite(percentile)) return '–';
  return `P${Math.round(Math.min(100, Math.max(0, percentile)))}`;
}

export function dateTimeLabel(iso: string | null | undefined): string {
  if (!iso) return '–';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '–';
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function timeLabel(epochMs: number): string {
  return new Date(epochMs).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

const STATUS_LABELS: Record<string, string> = {
  in_progress: 'In progress',
  finished: 'Finished',
  not_started: 'Not started',
  draft_saved: 'In progress',
  submitted: 'Submitted',
  pending_review: 'Pending review',
  reviewed: 'Reviewed',
  expired: 'Expired',
};

export const statusLabel = (status: string) => STATUS_LABELS[status] ?? titleCase(status);
