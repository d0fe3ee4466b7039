import { describe, expect, it } from '@jest/globals';
import { ApiError } from '../api/api-error.js';
import type { DraftBody } from '../api/api-types.js';
import { DraftAutosave, type DraftBackupEntry, type SaveState, type TimerHost } from './draft-autosave.js';

/** Timers the test advances by hand. */
class ManualTimers implements TimerHost {
  private clock = 1_000;
  private pending: { at: number; callback: () => void; id: number }[] = [];
  private nextId = 1;

  set(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.pending.push({ at: this.clock + ms, callback, id });
    return id;
  }
  clear(handle: unknown): void {
    this.pending = this.pending.filter((timer) => timer.id !== handle);
  }
  now(): number {
    return this.clock;
  }
  async advance(ms: number): Promise<void> {
    const until = this.clock + ms;
    for (;;) {
      const due = this.pending.filter((timer) => timer.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.pending = this.pending.filter((timer) => timer !== due);
      this.clock = due.at;
      due.callback();
      await settle();
    }
    this.clock = until;
    await settle();
  }
}

const settle = async () => {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
};

const code = (text: string): DraftBody => ({ language: 'typescript', code: text });

function setup(save: (body: DraftBody) => Promise<void>) {
  const timers = new ManualTimers();
  const backups: DraftBackupEntry[] = [];
  const sut = new DraftAutosave({
    save,
    timers,
    debounceMs: 500,
    backup: { read: () => backups.at(-1) ?? null, write: (entry) => backups.push(entry) },
  });
  const states: SaveState['kind'][] = [];
  sut.subscribe((state) => states.push(state.kind));
  return { sut, timers, backups, states };
}

describe('DraftAutosave', () => {
  it('saves once, with the newest body, after the typing stops', async () => {
    const saved: DraftBody[] = [];
    const { sut, timers, states } = setup((body) => {
      saved.push(body);
      return Promise.resolve();
    });
    sut.update(code('a'));
    await timers.advance(300);
    sut.update(code('ab'));
    await timers.advance(300);
    expect(saved).toEqual([]);
    expect(sut.current.kind).toBe('unsaved');
    await timers.advance(300);
    expect(saved).toEqual([code('ab')]);
    expect(sut.current.kind).toBe('saved');
    expect(states).toEqual(['unsaved', 'unsaved', 'saving', 'saved']);
    expect(sut.hasUnsavedWork).toBe(false);
  });

  it('keeps a local copy of every change and marks it synced once the server has it', async () => {
    const { sut, timers, backups } = setup(() => Promise.resolve());
    sut.update(code('x'));
    expect(backups.at(-1)).toMatchObject({ body: code('x'), synced: false });
    await timers.advance(500);
    expect(backups.at(-1)).toMatchObject({ body: code('x'), synced: true });
  });

  it('saves again when the work changed while a save was in flight', async () => {
    const saved: string[] = [];
    let release: () => void = () => undefined;
    const { sut, timers } = setup(
      (body) =>
        new Promise<void>((resolve) => {
          saved.push((body as { code: string }).code);
          release = resolve;
        }),
    );
    sut.update(code('first'));
    await timers.advance(500);
    sut.update(code('second'));
    release();
    await settle();
    expect(sut.current.kind).toBe('unsaved');
    await timers.advance(500);
    release();
    await settle();
    expect(saved).toEqual(['first', 'second']);
    expect(sut.current.kind).toBe('saved');
  });

  it('retries with backoff while the network is down, then saves', async () => {
    let failures = 2;
    const saved: DraftBody[] = [];
    const { sut, timers } = setup((body) => {
      if (failures > 0) {
        failures -= 1;
        return Promise.reject(new ApiError(0, 'offline', 'network'));
      }
      saved.push(body);
      return Promise.resolve();
    });
    sut.update(code('work'));
    await timers.advance(500);
    expect(sut.current).toMatchObject({ kind: 'offline', retryInMs: 1_000 });
    await timers.advance(1_000);
    expect(sut.current).toMatchObject({ kind: 'offline', retryInMs: 2_000 });
    expect(sut.hasUnsavedWork).toBe(true);
    await timers.advance(2_000);
    expect(saved).toEqual([code('work')]);
    expect(sut.current.kind).toBe('saved');
  });

  it('stops and says why when the server refuses the draft for good', async () => {
    let calls = 0;
    const { sut, timers } = setup(() => {
      calls += 1;
      return Promise.reject(new ApiError(409, 'This assessment is finished.', 'session_finished'));
    });
    sut.update(code('late'));
    await timers.advance(500);
    expect(sut.current).toEqual({ kind: 'refused', message: 'This assessment is finished.' });
    await timers.advance(60_000);
    expect(calls).toBe(1);
  });

  it('flush saves pending work at once', async () => {
    const saved: DraftBody[] = [];
    const { sut } = setup((body) => {
      saved.push(body);
      return Promise.resolve();
    });
    sut.update(code('now'));
    await sut.flush();
    expect(saved).toEqual([code('now')]);
    expect(sut.hasUnsavedWork).toBe(false);
  });
});
