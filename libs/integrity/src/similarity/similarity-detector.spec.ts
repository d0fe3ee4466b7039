import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { detectionMetrics, recallByDisguise, scoreCorpusPairs } from '../evaluation/detector-evaluation.js';
import { readIntegrityCorpus } from '../evaluation/integrity-corpus.js';
import { FingerprintIndex } from './fingerprint-index.js';
import { DEFAULT_SIMILARITY_PARAMETERS, SimilarityDetector } from './similarity-detector.js';

/** The original answer every disguise below is made from (a problem that is not in the corpus). */
const original = `/** Sliding-window log rate limiter: at most \`limit\` events per \`windowMs\` per key. */
export class SlidingWindowLimiter {
  constructor(limit, windowMs, now = Date.now) {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new RangeError('limit must be a positive integer');
    }
    this.limit = limit;
    this.windowMs = windowMs;
    this.now = now;
    this.events = new Map();
  }

  prune(key, current) {
    const log = this.events.get(key) || [];
    let first = 0;
    while (first < log.length && log[first] <= current - this.windowMs) {
      first += 1;
    }
    const kept = log.slice(first);
    this.events.set(key, kept);
    return kept;
  }

  tryAcquire(key) {
    const current = this.now();
    const log = this.prune(key, current);
    if (log.length >= this.limit) {
      return false;
    }
    log.push(current);
    return true;
  }

  retryAfter(key) {
    const current = this.now();
    const log = this.prune(key, current);
    if (log.length < this.limit) {
      return 0;
    }
    return log[0] + this.windowMs - current;
  }
}
`;

const disguises: { kind: string; source: string }[] = [
  {
    kind: 'renamed identifiers',
    source: `export class SlidingWindowLimiter {
  constructor(max, spanMs, clock = Date.now) {
    if (!Number.isInteger(max) || max < 1) {
      throw new RangeError('max must be a positive integer');
    }
    this.max = max;
    this.spanMs = spanMs;
    this.clock = clock;
    this.history = new Map();
  }

  evict(id, t) {
    const stamps = this.history.get(id) || [];
    let start = 0;
    while (start < stamps.length && stamps[start] <= t - this.spanMs) {
      start += 1;
    }
    const recent = stamps.slice(start);
    this.history.set(id, recent);
    return recent;
  }

  tryAcquire(id) {
    const t = this.clock();
    const stamps = this.evict(id, t);
    if (stamps.length >= this.max) {
      return false;
    }
    stamps.push(t);
    return true;
  }

  retryAfter(id) {
    const t = this.clock();
    const stamps = this.evict(id, t);
    if (stamps.length < this.max) {
      return 0;
    }
    return stamps[0] + this.spanMs - t;
  }
}
`,
  },
  {
    kind: 'comments, whitespace, brace style and semicolons',
    source: `// Rate limiting, sliding log flavour.
export class SlidingWindowLimiter
{
    constructor(limit, windowMs, now = Date.now)
    {
        if (!Number.isInteger(limit) || limit < 1) throw new RangeError("limit must be a positive integer")
        this.limit = limit       // max events
        this.windowMs = windowMs // window length
        this.now = now
        this.events = new Map()
    }

    /* drop timestamps that left the window */
    prune(key, current)
    {
        const log = this.events.get(key) || []
        let first = 0
        while (first < log.length && log[first] <= current - this.windowMs) first += 1
        const kept = log.slice(first)
        this.events.set(key, kept)
        return kept
    }

    tryAcquire(key)
    {
        const current = this.now()
        const log = this.prune(key, current)
        if (log.length >= this.limit) return false
        log.push(current)
        return true
    }

    retryAfter(key)
    {
        const current = this.now()
        const log = this.prune(key, current)
        if (log.length < this.limit) return 0
        return log[0] + this.windowMs - current
    }
}
`,
  },
  {
    kind: 'reordered methods and statements',
    source: `export class SlidingWindowLimiter {
  retryAfter(key) {
    const current = this.now();
    const log = this.prune(key, current);
    if (log.length < this.limit) {
      return 0;
    }
    return log[0] + this.windowMs - current;
  }

  tryAcquire(key) {
    const current = this.now();
    const log = this.prune(key, current);
    if (log.length >= this.limit) {
      return false;
    }
    log.push(current);
    return true;
  }

  prune(key, current) {
    const log = this.events.get(key) || [];
    let first = 0;
    while (first < log.length && log[first] <= current - this.windowMs) {
      first += 1;
    }
    const kept = log.slice(first);
    this.events.set(key, kept);
    return kept;
  }

  constructor(limit, windowMs, now = Date.now) {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new RangeError('limit must be a positive integer');
    }
    this.events = new Map();
    this.now = now;
    this.windowMs = windowMs;
    this.limit = limit;
  }
}
`,
  },
  {
    kind: 'inserted dead code',
    source: `const VERSION = 3;

function debugDump(map) {
  for (const [key, log] of map) console.log(key, log.length);
}

export class SlidingWindowLimiter {
  constructor(limit, windowMs, now = Date.now) {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new RangeError('limit must be a positive integer');
    }
    this.limit = limit;
    this.windowMs = windowMs;
    this.now = now;
    this.events = new Map();
    this.rejected = 0;
  }

  prune(key, current) {
    const log = this.events.get(key) || [];
    let first = 0;
    const unused = current * 2;
    while (first < log.length && log[first] <= current - this.windowMs) {
      first += 1;
    }
    const kept = log.slice(first);
    this.events.set(key, kept);
    if (false) {
      debugDump(this.events);
    }
    return kept;
  }

  tryAcquire(key) {
    const current = this.now();
    const log = this.prune(key, current);
    if (log.length >= this.limit) {
      return false;
    }
    log.push(current);
    return true;
  }

  stats() {
    return { keys: this.events.size, version: VERSION };
  }

  retryAfter(key) {
    const current = this.now();
    const log = this.prune(key, current);
    if (log.length < this.limit) {
      return 0;
    }
    return log[0] + this.windowMs - current;
  }
}
`,
  },
  {
    kind: 'expression rewrites (=== false, 1 > limit, ??, for instead of while, unbraced bodies)',
    source: `export class SlidingWindowLimiter {
  constructor(limit, windowMs, now = Date.now) {
    if (Number.isInteger(limit) === false || 1 > limit) {
      throw new RangeError(\`limit must be a positive integer\`);
    }
    this.limit = limit;
    this.windowMs = windowMs;
    this.now = now;
    this.events = new Map();
  }

  prune(key, current) {
    const log = this.events.get(key) ?? [];
    let first = 0;
    for (; first < log.length && log[first] <= current - this.windowMs; first++) {}
    const kept = log.slice(first);
    this.events.set(key, kept);
    return kept;
  }

  tryAcquire(key) {
    const current = this.now();
    const log = this.prune(key, current);
    if (this.limit <= log.length) return false;
    log.push(current);
    return true;
  }

  retryAfter(key) {
    const current = this.now();
    const log = this.prune(key, current);
    if (log.length < this.limit) return 0;
    return log[0] + this.windowMs - current;
  }
}
`,
  },
  {
    kind: 'extracted helper functions',
    source: `function assertLimit(limit) {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError('limit must be a positive integer');
  }
}

function firstInWindow(log, boundary) {
  let first = 0;
  while (first < log.length && log[first] <= boundary) {
    first += 1;
  }
  return first;
}

export class SlidingWindowLimiter {
  constructor(limit, windowMs, now = Date.now) {
    assertLimit(limit);
    this.limit = limit;
    this.windowMs = windowMs;
    this.now = now;
    this.events = new Map();
  }

  prune(key, current) {
    const log = this.events.get(key) || [];
    const kept = log.slice(firstInWindow(log, current - this.windowMs));
    this.events.set(key, kept);
    return kept;
  }

  tryAcquire(key) {
    const current = this.now();
    const log = this.prune(key, current);
    if (log.length >= this.limit) {
      return false;
    }
    log.push(current);
    return true;
  }

  retryAfter(key) {
    const current = this.now();
    const log = this.prune(key, current);
    if (log.length < this.limit) {
      return 0;
    }
    return log[0] + this.windowMs - current;
  }
}
`,
  },
  {
    kind: 'TypeScript types added to the JavaScript original',
    source: `type Clock = () => number;

/** Sliding-window log rate limiter: at most \`limit\` events per \`windowMs\` per key. */
export class SlidingWindowLimiter<K = string> {
  private readonly events: Map<K, number[]>;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: Clock = Date.now,
  ) {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new RangeError('limit must be a positive integer');
    }
    this.events = new Map<K, number[]>();
  }

  private prune(key: K, current: number): number[] {
    const log: number[] = this.events.get(key) || [];
    let first: number = 0;
    while (first < log.length && log[first]! <= current - this.windowMs) {
      first += 1;
    }
    const kept = log.slice(first) as number[];
    this.events.set(key, kept);
    return kept;
  }

  tryAcquire(key: K): boolean {
    const current: number = this.now();
    const log = this.prune(key, current);
    if (log.length >= this.limit) {
      return false;
    }
    log.push(current);
    return true;
  }

  retryAfter(key: K): number {
    const current: number = this.now();
    const log = this.prune(key, current);
    if (log.length < this.limit) {
      return 0;
    }
    return log[0]! + this.windowMs - current;
  }
}
`,
  },
];

/** The same problem solved independently: a ring buffer of the last `limit` timestamps per key. */
const independent = `// Each key keeps a ring buffer of its last \`limit\` timestamps: an event is allowed when the oldest
// of them has left the window.
export class SlidingWindowLimiter {
  #limit;
  #span;
  #clock;
  #rings = new Map();

  constructor(limit, windowMs, now = Date.now) {
    if (!(Number.isSafeInteger(limit) && limit > 0)) throw new RangeError(\`bad limit \${limit}\`);
    this.#limit = limit;
    this.#span = windowMs;
    this.#clock = now;
  }

  #ring(key) {
    let ring = this.#rings.get(key);
    if (!ring) {
      ring = { stamps: new Array(this.#limit).fill(-Infinity), next: 0 };
      this.#rings.set(key, ring);
    }
    return ring;
  }

  tryAcquire(key) {
    const t = this.#clock();
    const ring = this.#ring(key);
    const oldest = ring.stamps[ring.next];
    if (t - oldest < this.#span) return false;
    ring.stamps[ring.next] = t;
    ring.next = (ring.next + 1) % this.#limit;
    return true;
  }

  retryAfter(key) {
    const ring = this.#ring(key);
    const wait = ring.stamps[ring.next] + this.#span - this.#clock();
    return wait > 0 ? wait : 0;
  }
}
`;

const corpus = readIntegrityCorpus(join(process.cwd(), 'test', 'integrity-corpus'));

describe('SimilarityDetector', () => {
  const sut = new SimilarityDetector();

  it.each(disguises)('flags a copy disguised by $kind', ({ source }) => {
    const comparison = sut.compare(sut.fingerprint(original), sut.fingerprint(source));
    expect(comparison.flagged).toBe(true);
    expect(comparison.score).toBeGreaterThanOrEqual(DEFAULT_SIMILARITY_PARAMETERS.threshold);
    expect(comparison.regions.length).toBeGreaterThan(0);
  });

  it('does not flag an independent solution of the same problem', () => {
    const comparison = sut.compare(sut.fingerprint(original), sut.fingerprint(independent));
    expect(comparison.flagged).toBe(false);
  });

  it('does not flag any independent corpus solution against its problem original', () => {
    const flagged: string[] = [];
    for (const problem of corpus) {
      const detector = new SimilarityDetector({
        starterSources: problem.starter === undefined ? [] : [problem.starter],
      });
      const originalEntry = problem.entries.find((entry) => entry.author === 'original' && !entry.disguise)!;
      for (const entry of problem.entries.filter((candidate) => candidate.author !== 'original')) {
        if (detector.compare(detector.fingerprint(originalEntry.source), detector.fingerprint(entry.source)).flagged) {
          flagged.push(`${problem.id}/${entry.file}`);
        }
      }
    }
    expect(flagged).toEqual([]);
  });

  it('meets the targets on the labelled corpus: recall >= 90 % at <= 5 % false positives', () => {
    const pairs = scoreCorpusPairs(corpus, DEFAULT_SIMILARITY_PARAMETERS);
    const { threshold, minSharedFingerprints } = DEFAULT_SIMILARITY_PARAMETERS;
    const metrics = detectionMetrics(pairs, threshold, minSharedFingerprints);
    expect(metrics.recall).toBeGreaterThanOrEqual(0.9);
    expect(metrics.falsePositiveRate).toBeLessThanOrEqual(0.05);
  });

  it('detects every corpus disguise kind against its original in at least 8 problems of 10', () => {
    const pairs = scoreCorpusPairs(corpus, DEFAULT_SIMILARITY_PARAMETERS);
    const { threshold, minSharedFingerprints } = DEFAULT_SIMILARITY_PARAMETERS;
    for (const row of recallByDisguise(pairs, threshold, minSharedFingerprints)) {
      expect({ disguise: row.disguise, rate: row.againstOriginal.detected / row.againstOriginal.total >= 0.8 }).toEqual(
        {
          disguise: row.disguise,
          rate: true,
        },
      );
    }
  });

  it('does not flag two answers that share only the starter code', () => {
    const starter = `${original}\nexport function describeLimiter(limiter) {\n  // your code here\n}\n`;
    const answerOne = starter.replace('  // your code here', '  return `${limiter.limit} per ${limiter.windowMs} ms`;');
    const answerTwo = starter.replace(
      '  // your code here',
      "  const seconds = limiter.windowMs / 1000;\n  return 'at most ' + limiter.limit + ' every ' + seconds + ' s';",
    );
    const naive = new SimilarityDetector();
    expect(naive.compare(naive.fingerprint(answerOne), naive.fingerprint(answerTwo)).flagged).toBe(true);

    const withStarter = new SimilarityDetector({ starterSources: [starter] });
    const comparison = withStarter.compare(withStarter.fingerprint(answerOne), withStarter.fingerprint(answerTwo));
    expect(comparison.flagged).toBe(false);
    expect(comparison.shared).toBe(0);
  });

  it('screens a new submission against the indexed earlier ones without adding it', () => {
    const index = new FingerprintIndex<string>();
    index.add('earlier-copy', sut.fingerprint(disguises[0].source));
    index.add('earlier-independent', sut.fingerprint(independent));

    const flags = sut.screen('new', sut.fingerprint(original), index);

    expect(flags.map((flag) => [flag.a, flag.b])).toEqual([['new', 'earlier-copy']]);
    expect(flags[0].regions.length).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(flags[0]))).toEqual(
      expect.objectContaining({ a: 'new', b: 'earlier-copy', regions: flags[0].regions }),
    );
    expect(index.has('new')).toBe(false);
  });

  it('refuses a threshold outside 0..1 and a non-positive minimum of shared fingerprints', () => {
    expect(() => new SimilarityDetector({ parameters: { threshold: 1.5 } })).toThrow(RangeError);
    expect(() => new SimilarityDetector({ parameters: { minSharedFingerprints: 0 } })).toThrow(RangeError);
  });
});
