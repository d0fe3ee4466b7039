/** A monotonic clock in ms: immune to the candidate changing the computer's time. */
export const monotonicNow = (): number => performance.now();

/**
 * Time left as the server counts it. The server sends seconds left (not a deadline to compare with
 * a local clock that may be wrong); the page counts down from there and re-syncs on every answer.
 */
export class ServerCountdown {
  private endsAt: number;

  constructor(remainingSeconds: number, now = monotonicNow()) {
    this.endsAt = now + Math.max(0, remainingSeconds) * 1000;
  }

  sync(remainingSeconds: number, now = monotonicNow()): void {
    this.endsAt = now + Math.max(0, remainingSeconds) * 1000;
  }

  remainingSeconds(now = monotonicNow()): number {
    return Math.max(0, Math.ceil((this.endsAt - now) / 1000));
  }
}

const pad = (value: number) => String(value).padStart(2, '0');

/** `1:05:09` with hours, `05:09` without. */
export function formatRemaining(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(rest)}` : `${pad(minutes)}:${pad(rest)}`;
}

/** Words for a screen reader, which should not hear "zero five colon zero nine". */
export function spokenRemaining(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (hours > 0) return `${hours} hour${hours === 1 ? '' : 's'} ${minutes} minute${minutes === 1 ? '' : 's'} left`;
  if (minutes > 0) return `${minutes} minute${minutes === 1 ? '' : 's'} left`;
  return `${seconds} second${seconds === 1 ? '' : 's'} left`;
}

export type TimeUrgency = 'calm' | 'soon' | 'critical';

export function urgencyOf(remainingSeconds: number): TimeUrgency {
  if (remainingSeconds <= 60) return 'critical';
  if (remainingSeconds <= 5 * 60) return 'soon';
  return 'calm';
}
