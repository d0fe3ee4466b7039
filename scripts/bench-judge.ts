/**
 * `npm run bench:judge`: the judge engine on the reference workload — a hash-map `twoSum(nums, target)`
 * returning the two indices, 10 hidden tests of 1,000 numbers each, every submission's source unique —
 * sequentially and with 2, 4 and 8 submissions in flight, against the ceiling measured in the same run:
 * the same workload on bare isolated-vm, a fresh isolate per submission, in this one process.
 * Prints p50/p99 ms, submissions/s, peak RSS of every process and the ratio to the ceiling; writes
 * bench-results/judge.json.
 *
 *   npm run bench:judge                          # the standard run
 *   npm run bench:judge -- --sequential 500      # more sequential submissions (default 300)
 *   npm run bench:judge -- --soak 10000          # add the RSS-growth check over 10,000 submissions
 *   npm run bench:judge -- --isolate-uses 1      # engine with a fresh isolate per submission
 *
 * Targets (2 cores): throughput >= 0.8x the ceiling, p50 <= 10 ms, RSS of all processes <= 250 MB,
 * no RSS growth over 10,000 submissions.
 */
import { fork } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { JudgeEngine, type Challenge, type PreparedChallenge, type PreparedSubmissionInput } from '@app/judge-engine';

type Ivm = typeof import('isolated-vm');
const ivm = createRequire(import.meta.url)('isolated-vm') as Ivm;

const argv = process.argv.slice(2);
function option(name: string, fallback: number): number {
  const at = argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(argv[at + 1]) : fallback;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}
const SEQUENTIAL = Math.max(300, option('sequential', 300));
const CONCURRENT_PER_LEVEL = option('concurrent', 400);
const SOAK = option('soak', 0);
const ISOLATE_USES = option('isolate-uses', 50);
const WORKERS = option('workers', 2);
const CEILING_RUNS = option('ceiling', 300);
const LEVELS = [2, 4, 8];
const TARGETS = { ratio: 0.8, p50Ms: 10, rssMb: 250 };

// ---- the reference workload ---------------------------------------------------------------------------
interface TwoSumTest {
  name: string;
  args: [number[], number];
  expected: [number, number];
}

function buildTests(): TwoSumTest[] {
  let seed = 12345;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  return Array.from({ length: 10 }, (_, index) => {
    const nums = Array.from({ length: 1000 }, () => Math.floor(random() * 1_000_000));
    const i = 100 + index * 37;
    const j = 900 - index * 11;
    // Only this pair can reach the target: every other number is below 1e6.
    nums[i] = 10_000_000 + index;
    nums[j] = 20_000_000 + index;
    return { name: `hidden ${index + 1}`, args: [nums, nums[i] + nums[j]], expected: [i, j] };
  });
}

function twoSumSource(serial: number): string {
  // Unique text per submission: no compile cache can help.
  return `// submission ${serial}
function twoSum(nums, target) {
  const seen${serial} = new Map();
  for (let i = 0; i < nums.length; i++) {
    const j = seen${serial}.get(target - nums[i]);
    if (j !== undefined) return [j, i];
    seen${serial}.set(nums[i], i);
  }
  return [];
}
module.exports = { twoSum };
`;
}

const TESTS = buildTests();

const CHALLENGE: Challenge = {
  harness: { kind: 'function', export: 'twoSum' },
  tests: TESTS.map((test) => ({ name: test.name, args: test.args, expected: test.expected })),
  limits: { timeLimitMs: 2_000 },
};

/** As the judge app does: the challenge is validated once, each submission brings only its source. */
function submission(engine: JudgeEngine, serial: number): PreparedSubmissionInput {
  prepared ??= engine.prepareChallenge(CHALLENGE);
  return { language: 'javascript', source: twoSumSource(serial), challenge: prepared };
}
let prepared: PreparedChallenge | undefined;

// ---- measurement helpers ------------------------------------------------------------------------------
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function rssMb(pid: number): number {
  try {
    const pages = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]);
    return (pages * 4096) / 1024 / 1024;
  } catch {
    return 0;
  }
}

function loadAverage(): number[] {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);
  } catch {
    return [];
  }
}

/** Samples the resident size of this process and the engine's workers every 50 ms. */
class RssSampler {
  private readonly peaks = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  peakTotal = 0;
  lastTotal = 0;

  constructor(private readonly engine: JudgeEngine | undefined) {}

  start(): void {
    this.timer = setInterval(() => this.sample(), 50);
    this.sample();
  }

  sample(): void {
    let total = 0;
    const host = rssMb(process.pid);
    this.record('judge (host)', host);
    total += host;
    for (const worker of this.engine?.stats().workers ?? []) {
      const mb = rssMb(worker.pid);
      this.record(`worker ${worker.pid}`, mb);
      total += mb;
    }
    this.lastTotal = total;
    this.peakTotal = Math.max(this.peakTotal, total);
  }

  private record(name: string, mb: number): void {
    this.peaks.set(name, Math.max(this.peaks.get(name) ?? 0, mb));
  }

  stop(): Record<string, number> {
    clearInterval(this.timer);
    this.sample();
    return Object.fromEntries([...this.peaks].map(([name, mb]) => [name, round(mb)]));
  }
}

function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

interface Figures {
  submissions: number;
  inFlight: number;
  p50Ms: number;
  p99Ms: number;
  submissionsPerSecond: number;
  failures: number;
  wallMs: number;
}

function figures(latencies: number[], wallMs: number, inFlight: number, failures: number): Figures {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    submissions: latencies.length,
    inFlight,
    p50Ms: round(percentile(sorted, 50)),
    p99Ms: round(percentile(sorted, 99)),
    submissionsPerSecond: round((latencies.length / wallMs) * 1000, 1),
    failures,
    wallMs: round(wallMs, 0),
  };
}

// ---- the ceiling: bare isolated-vm, fresh isolate per submission, one process -------------------------
function ceilingRun(count: number, startSerial: number): { figures: Figures; peakRssMb: number } {
  const inputs = TESTS.map((test) => JSON.stringify(test.args));
  const expected = TESTS.map((test) => JSON.stringify(test.expected));
  const latencies: number[] = [];
  let failures = 0;
  let peak = 0;
  const started = performance.now();
  for (let n = 0; n < count; n++) {
    const t0 = performance.now();
    const isolate = new ivm.Isolate({ memoryLimit: 64 });
    try {
      const context = isolate.createContextSync();
      const script = isolate.compileScriptSync(
        `(function (exports, require, module) {\n${twoSumSource(startSerial + n)}\n})`,
        { filename: 'solution.js' },
      );
      const factory = script.runSync(context, { reference: true });
      const run = context.evalSync(
        `(function (factory) { const module = { exports: {} }; factory(module.exports, undefined, module); const fn = module.exports.twoSum;
           return function (input) { const args = JSON.parse(input); return JSON.stringify(fn(args[0], args[1])); }; })`,
        { reference: true },
      );
      const test = run.applySync(undefined, [factory.derefInto()], { result: { reference: true } });
      for (let i = 0; i < inputs.length; i++) {
        const actual: unknown = test.applySync(undefined, [inputs[i]], { timeout: 2_000 });
        if (actual !== expected[i]) failures++;
      }
    } finally {
      isolate.dispose();
    }
    latencies.push(performance.now() - t0);
    if (n % 20 === 0) peak = Math.max(peak, rssMb(process.pid));
  }
  return {
    figures: figures(latencies, performance.now() - started, 1, failures),
    peakRssMb: round(Math.max(peak, rssMb(process.pid))),
  };
}

// ---- the engine ----------------------------------------------------------------------------------------
async function engineRun(engine: JudgeEngine, count: number, inFlight: number, startSerial: number): Promise<Figures> {
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  const lane = async (): Promise<void> => {
    while (next < count) {
      const serial = startSerial + next++;
      const t0 = performance.now();
      const result = await engine.judge(submission(engine, serial));
      latencies.push(performance.now() - t0);
      if (result.verdict !== 'ACCEPTED') failures++;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, lane));
  return figures(latencies, performance.now() - started, inFlight, failures);
}

async function soak(engine: JudgeEngine, count: number, startSerial: number): Promise<Record<string, unknown>> {
  const sampler = new RssSampler(engine);
  const points: { submissions: number; totalRssMb: number }[] = [];
  let done = 0;
  let next = 0;
  const started = performance.now();
  const lane = async (): Promise<void> => {
    while (next < count) {
      const serial = startSerial + next++;
      await engine.judge(submission(engine, serial));
      done++;
      if (done % Math.max(1, Math.floor(count / 20)) === 0) {
        sampler.sample();
        points.push({ submissions: done, totalRssMb: round(sampler.lastTotal) });
      }
    }
  };
  sampler.start();
  await Promise.all(Array.from({ length: 4 }, lane));
  const peaks = sampler.stop();
  // Growth: the last quarter of the run against the second quarter (after warm-up and the first recycles).
  const quarter = Math.max(1, Math.floor(points.length / 4));
  const mean = (slice: typeof points): number =>
    slice.reduce((sum, point) => sum + point.totalRssMb, 0) / Math.max(1, slice.length);
  const early = mean(points.slice(quarter, 2 * quarter));
  const late = mean(points.slice(-quarter));
  return {
    submissions: count,
    wallMs: round(performance.now() - started, 0),
    points,
    peakRssMbPerProcess: peaks,
    peakTotalRssMb: round(sampler.peakTotal),
    earlyMeanTotalRssMb: round(early),
    lateMeanTotalRssMb: round(late),
    growthMb: round(late - early),
  };
}

/**
 * The ceiling runs in a process of its own (this script, forked with --ceiling-only) so that the
 * engine's figures (RSS of the judge process above all) are not inflated by its isolates.
 */
function measureCeiling(): Promise<{ figures: Figures; peakRssMb: number }> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--ceiling-only', '--ceiling', String(CEILING_RUNS)], {
      execArgv: ['--no-node-snapshot'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.once('message', (message) => resolve(message as { figures: Figures; peakRssMb: number }));
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the ceiling process exited with code ${code ?? '?'}`));
    });
  });
}

async function main(): Promise<void> {
  const loadBefore = loadAverage();
  console.log(
    `judge benchmark: ${availableParallelism()} cores, load average ${loadBefore.join(' ')}, ${WORKERS} workers, isolate reuse ${ISOLATE_USES}`,
  );

  const ceiling = await measureCeiling();
  console.log(
    `ceiling (bare isolated-vm, fresh isolate each): p50 ${ceiling.figures.p50Ms} ms, p99 ${ceiling.figures.p99Ms} ms, ${ceiling.figures.submissionsPerSecond}/s, RSS ${ceiling.peakRssMb} MB, failures ${ceiling.figures.failures}`,
  );

  (globalThis as { gc?: () => void }).gc?.();
  const engine = await JudgeEngine.start({ workers: WORKERS, isolateMaxUses: ISOLATE_USES });
  const sampler = new RssSampler(engine);
  sampler.start();
  await engineRun(engine, 30, 1, 3_000_000);
  const runs: Figures[] = [];
  const sequential = await engineRun(engine, SEQUENTIAL, 1, 4_000_000);
  runs.push(sequential);
  for (const level of LEVELS)
    runs.push(await engineRun(engine, CONCURRENT_PER_LEVEL, level, 5_000_000 + level * 100_000));
  const peaks = sampler.stop();
  for (const run of runs) {
    console.log(
      `engine, ${run.inFlight} in flight: p50 ${run.p50Ms} ms, p99 ${run.p99Ms} ms, ${run.submissionsPerSecond}/s (${round(run.submissionsPerSecond / ceiling.figures.submissionsPerSecond)}x ceiling), failures ${run.failures}`,
    );
  }
  console.log(
    `peak RSS per process (MB): ${JSON.stringify(peaks)}; all processes together: ${round(sampler.peakTotal)} MB`,
  );

  const soakResult = SOAK > 0 ? await soak(engine, SOAK, 10_000_000) : undefined;
  if (soakResult !== undefined) {
    console.log(
      `soak ${SOAK}: total RSS early ${String(soakResult.earlyMeanTotalRssMb)} MB, late ${String(soakResult.lateMeanTotalRssMb)} MB, growth ${String(soakResult.growthMb)} MB, peak ${String(soakResult.peakTotalRssMb)} MB`,
    );
  }
  await engine.stop();

  const best = Math.max(...runs.map((run) => run.submissionsPerSecond));
  const summary = {
    bestRatioToCeiling: round(best / ceiling.figures.submissionsPerSecond),
    sequentialRatioToCeiling: round(sequential.submissionsPerSecond / ceiling.figures.submissionsPerSecond),
    sequentialP50Ms: sequential.p50Ms,
    peakTotalRssMb: round(sampler.peakTotal),
    meets: {
      throughput: best / ceiling.figures.submissionsPerSecond >= TARGETS.ratio,
      p50: sequential.p50Ms <= TARGETS.p50Ms,
      rss: sampler.peakTotal <= TARGETS.rssMb,
      ...(soakResult === undefined ? {} : { noGrowth: Number(soakResult.growthMb) <= 10 }),
    },
  };
  console.log(`summary: ${JSON.stringify(summary)}`);
  const report = {
    measuredAt: new Date().toISOString(),
    machine: {
      cores: availableParallelism(),
      loadAverageBefore: loadBefore,
      loadAverageAfter: loadAverage(),
      node: process.version,
    },
    workload: { tests: TESTS.length, numbersPerTest: 1000, uniqueSources: true },
    settings: { workers: WORKERS, isolateMaxUses: ISOLATE_USES },
    targets: TARGETS,
    ceiling: { ...ceiling.figures, peakRssMb: ceiling.peakRssMb },
    engine: runs,
    peakRssMbPerProcess: peaks,
    peakTotalRssMb: round(sampler.peakTotal),
    soak: soakResult,
    summary,
  };
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/judge.json', `${JSON.stringify(report, null, 2)}\n`);
  console.log('wrote bench-results/judge.json');
}

if (argv.includes('--ceiling-only')) {
  ceilingRun(20, 1_000_000);
  process.send?.(ceilingRun(CEILING_RUNS, 2_000_000), () => process.exit(0));
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
