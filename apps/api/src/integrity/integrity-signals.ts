import type { ActivityEventKind } from '@app/contracts';

/** What the timeline of one item is made of, as the signals read it. */
export interface ItemActivity {
  itemId: string;
  /** Sizes of the playback snapshots, oldest first. */
  snapshots: { at: Date; length: number }[];
  /** Client-reported events, oldest first. */
  events: { at: Date; kind: ActivityEventKind; length: number | null }[];
}

export const SIGNAL_KINDS = [
  'large_paste_early',
  'absence_then_complete_answer',
  'unreported_large_change',
  'answer_mostly_pasted',
] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

/** A pattern in how an answer was written that a reviewer should look at, with the reason in words. */
export interface IntegritySignal {
  kind: SignalKind;
  itemId: string;
  at: Date;
  reason: string;
}

/** The thresholds, in one place (docs/integrity.md explains each). */
export const SIGNAL_RULES = {
  /** A paste or insertion this large (characters) counts as large. */
  largePasteChars: 200,
  /** "Soon after start": within this long of the first activity on the item. */
  earlyMs: 5 * 60_000,
  /** Focus lost for at least this long is a long absence. */
  longAbsenceMs: 2 * 60_000,
  /** After a long absence, growth within this long of returning counts. */
  afterReturnMs: 3 * 60_000,
  /** ... when it is at least this share of the final answer and at least `largePasteChars`. */
  completeShare: 0.5,
  /** Growth between two snapshots at most this far apart, with no paste reported near it. */
  unreportedChangeChars: 400,
  unreportedChangeWithinMs: 10_000,
  /** Pasted or inserted characters at least this share of a final answer of at least `mostlyPastedMinChars`. */
  mostlyPastedShare: 0.8,
  mostlyPastedMinChars: 300,
} as const;

/** Every signal of one item, in time order. */
export function deriveSignals(activity: ItemActivity): IntegritySignal[] {
  const signals: IntegritySignal[] = [];
  const { itemId, snapshots, events } = activity;
  const rules = SIGNAL_RULES;
  const insertions = events.filter((event) => event.kind === 'paste' || event.kind === 'large_insertion');
  const firstActivity = Math.min(
    ...snapshots.map((snapshot) => snapshot.at.getTime()),
    ...events.map((event) => event.at.getTime()),
  );
  const finalLength = snapshots.at(-1)?.length ?? 0;

  const earlyPaste = insertions.find(
    (event) => (event.length ?? 0) >= rules.largePasteChars && event.at.getTime() - firstActivity <= rules.earlyMs,
  );
  if (earlyPaste) {
    signals.push({
      kind: 'large_paste_early',
      itemId,
      at: earlyPaste.at,
      reason: `${earlyPaste.kind === 'paste' ? 'Pasted' : 'Inserted'} ${count(earlyPaste.length ?? 0)} characters ${duration(earlyPaste.at.getTime() - firstActivity)} after starting this item.`,
    });
  }

  for (let index = 0; index < events.length; index++) {
    const lost = events[index];
    if (lost.kind !== 'focus_lost') continue;
    const back = events.slice(index + 1).find((event) => event.kind === 'focus_returned');
    if (!back) continue;
    const away = back.at.getTime() - lost.at.getTime();
    if (away < rules.longAbsenceMs) continue;
    const before = lengthAt(snapshots, back.at.getTime());
    const after = maxLengthWithin(snapshots, back.at.getTime(), back.at.getTime() + rules.afterReturnMs);
    const growth = after - before;
    if (finalLength > 0 && growth >= rules.largePasteChars && growth >= rules.completeShare * finalLength) {
      signals.push({
        kind: 'absence_then_complete_answer',
        itemId,
        at: back.at,
        reason: `Away from the assessment for ${duration(away)}, then the answer grew by ${count(growth)} characters (${percent(growth / finalLength)} of its final length) within ${duration(rules.afterReturnMs)} of returning.`,
      });
    }
  }

  for (let index = 1; index < snapshots.length; index++) {
    const previous = snapshots[index - 1];
    const current = snapshots[index];
    const gap = current.at.getTime() - previous.at.getTime();
    const growth = current.length - previous.length;
    if (growth < rules.unreportedChangeChars || gap > rules.unreportedChangeWithinMs) continue;
    const reported = insertions.some(
      (event) =>
        event.at.getTime() >= previous.at.getTime() - rules.unreportedChangeWithinMs &&
        event.at.getTime() <= current.at.getTime() + rules.unreportedChangeWithinMs,
    );
    if (!reported) {
      signals.push({
        kind: 'unreported_large_change',
        itemId,
        at: current.at,
        reason: `The answer grew by ${count(growth)} characters between two snapshots ${duration(gap)} apart, and the editor reported no paste.`,
      });
    }
  }

  const inserted = insertions.reduce((sum, event) => sum + (event.length ?? 0), 0);
  if (finalLength >= rules.mostlyPastedMinChars && inserted >= rules.mostlyPastedShare * finalLength) {
    signals.push({
      kind: 'answer_mostly_pasted',
      itemId,
      at: snapshots.at(-1)!.at,
      reason: `${count(inserted)} characters were pasted or inserted, ${percent(Math.min(1, inserted / finalLength))} of the final answer's ${count(finalLength)}.`,
    });
  }
  return signals.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** The answer's size at `time`: the last snapshot at or before it (0 before the first). */
function lengthAt(snapshots: ItemActivity['snapshots'], time: number): number {
  let length = 0;
  for (const snapshot of snapshots) {
    if (snapshot.at.getTime() > time) break;
    length = snapshot.length;
  }
  return length;
}

function maxLengthWithin(snapshots: ItemActivity['snapshots'], from: number, to: number): number {
  let largest = lengthAt(snapshots, from);
  for (const snapshot of snapshots) {
    const time = snapshot.at.getTime();
    if (time > from && time <= to) largest = Math.max(largest, snapshot.length);
  }
  return largest;
}

function count(value: number): string {
  return value.toLocaleString('en-GB');
}

function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

/** "45 s", "3 min 20 s", "1 h 5 min". */
export function duration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 === 0 ? `${minutes} min` : `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
