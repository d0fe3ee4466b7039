/**
 * `npm run bench:plagiarism`: how well the similarity detector separates disguised copies from
 * independent solutions on the labelled corpus (test/integrity-corpus), and how long comparing 1,000
 * submissions of one challenge takes. Writes bench-results/plagiarism.json.
 * Targets: recall >= 90 % at <= 5 % false positives; 1,000 submissions in <= 10 s.
 *   npm run bench:plagiarism -- --submissions 1000 --problem deploy-order
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import {
  DEFAULT_SIMILARITY_PARAMETERS,
  FingerprintIndex,
  SimilarityDetector,
  pairSimilarity,
  type SubmissionFingerprints,
} from '../libs/integrity/src/index.js';
import {
  areaUnderCurve,
  crossValidatedMetrics,
  detectionMetrics,
  recallByDisguise,
  scoreCorpusPairs,
  thresholdForFalsePositiveRate,
  type DetectionMetrics,
  type ScoredPair,
} from '../libs/integrity/src/evaluation/detector-evaluation.js';
import { readIntegrityCorpus, type CorpusProblem } from '../libs/integrity/src/evaluation/integrity-corpus.js';
import { SubmissionMutator } from '../libs/integrity/src/evaluation/submission-mutator.js';

const TARGET_RECALL = 0.9;
const MAX_FALSE_POSITIVE_RATE = 0.05;
const TARGET_MS = 10_000;
const SWEEP_K = [8, 10, 12, 14, 16, 20];
const SWEEP_WINDOW = [4, 6, 8];
const TABLE_THRESHOLDS = [0.15, 0.2, 0.22, 0.25, 0.28, 0.3, 0.35, 0.4, 0.5];

const argument = (name: string): string | undefined => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? undefined : process.argv[at + 1];
};
const submissionCount = Number(argument('submissions') ?? 1000);
const timedProblem = argument('problem') ?? 'deploy-order';

const percent = (value: number): string => `${(value * 100).toFixed(1)} %`;

function summarise(metrics: Omit<DetectionMetrics, 'threshold'>) {
  return {
    precision: round(metrics.precision),
    recall: round(metrics.recall),
    falsePositiveRate: round(metrics.falsePositiveRate),
    truePositives: metrics.truePositives,
    falsePositives: metrics.falsePositives,
    falseNegatives: metrics.falseNegatives,
    trueNegatives: metrics.trueNegatives,
  };
}

function round(value: number, digits = 4): number {
  return Number(value.toFixed(digits));
}

function sweep(problems: CorpusProblem[]) {
  const rows = [];
  for (const k of SWEEP_K) {
    for (const window of SWEEP_WINDOW) {
      const pairs = scoreCorpusPairs(problems, { k, window });
      const { minSharedFingerprints } = DEFAULT_SIMILARITY_PARAMETERS;
      const threshold = thresholdForFalsePositiveRate(pairs, MAX_FALSE_POSITIVE_RATE, minSharedFingerprints);
      const inSample = detectionMetrics(pairs, threshold, minSharedFingerprints);
      const crossValidated = crossValidatedMetrics(pairs, MAX_FALSE_POSITIVE_RATE, minSharedFingerprints);
      rows.push({
        k,
        window,
        auc: round(areaUnderCurve(pairs)),
        bestThreshold: round(threshold),
        recallAtBestThreshold: round(inSample.recall),
        falsePositiveRateAtBestThreshold: round(inSample.falsePositiveRate),
        crossValidatedRecall: round(crossValidated.recall),
        crossValidatedFalsePositiveRate: round(crossValidated.falsePositiveRate),
      });
    }
  }
  return rows;
}

function evaluateDefaults(pairs: ScoredPair[]) {
  const { threshold, minSharedFingerprints } = DEFAULT_SIMILARITY_PARAMETERS;
  const atThreshold = detectionMetrics(pairs, threshold, minSharedFingerprints);
  const crossValidated = crossValidatedMetrics(pairs, MAX_FALSE_POSITIVE_RATE, minSharedFingerprints);
  const thresholds = [...new Set([...TABLE_THRESHOLDS, threshold])]
    .sort((x, y) => x - y)
    .map((value) => ({ threshold: value, ...summarise(detectionMetrics(pairs, value, minSharedFingerprints)) }));
  const missed = pairs
    .filter((pair) => pair.copied && !(pair.score >= threshold && pair.shared >= minSharedFingerprints))
    .map((pair) => `${pair.a.problem}: ${pair.a.file} ~ ${pair.b.file} (${pair.score.toFixed(2)})`);
  const falseAlarms = pairs
    .filter((pair) => !pair.copied && pair.score >= threshold && pair.shared >= minSharedFingerprints)
    .map((pair) => `${pair.a.problem}: ${pair.a.file} ~ ${pair.b.file} (${pair.score.toFixed(2)})`);
  return {
    atThreshold: { threshold, ...summarise(atThreshold) },
    crossValidated: { ...summarise(crossValidated), thresholds: crossValidated.thresholds },
    auc: round(areaUnderCurve(pairs)),
    thresholds,
    byDisguise: recallByDisguise(pairs, threshold, minSharedFingerprints),
    missed,
    falseAlarms,
  };
}

/** 1,000 submissions of one challenge: the problem's entries, each mutated many times. */
function generateSubmissions(problems: CorpusProblem[], problemId: string, count: number): string[] {
  const problem = problems.find((candidate) => candidate.id === problemId);
  if (!problem) throw new Error(`no problem ${problemId} in the corpus`);
  const donors = problems
    .filter((other) => other.id !== problemId)
    .flatMap((other) => other.entries.map((e) => e.source));
  const mutator = new SubmissionMutator(20260101, donors);
  return Array.from({ length: count }, (_, index) =>
    mutator.mutate(problem.entries[index % problem.entries.length].source),
  );
}

/** Wall-clock and CPU milliseconds of a synchronous piece of work. */
function measure<T>(work: () => T): { value: T; wallMs: number; cpuMs: number } {
  const cpuBefore = process.cpuUsage();
  const startedAt = performance.now();
  const value = work();
  const cpu = process.cpuUsage(cpuBefore);
  return {
    value,
    wallMs: Math.round(performance.now() - startedAt),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
  };
}

function timeScale(problems: CorpusProblem[]) {
  const sources = generateSubmissions(problems, timedProblem, submissionCount);
  const starter = problems.find((problem) => problem.id === timedProblem)?.starter;
  const detector = new SimilarityDetector({ starterSources: starter === undefined ? [] : [starter] });
  const loadBefore = loadAverage();

  // Warm the JIT on a few submissions so that the figure measures the steady state, as in a worker.
  detector.flagAll(sources.slice(0, 20).map((source, index) => ({ id: `warm-${index}`, source })));

  const flagging = measure(() => detector.flagAll(sources.map((source, index) => ({ id: `s${index}`, source }))));
  const flags = flagging.value;
  const evidence = measure(() => flags.reduce((total, flag) => total + flag.regions.length, 0));
  const loadAfter = loadAverage();

  // The same run in phases, to show where the time goes.
  const fingerprinting = measure(() => sources.map((source) => detector.fingerprint(source)));
  const fingerprints = fingerprinting.value;
  const lookups = measure(() => {
    const index = new FingerprintIndex<number>();
    let candidatePairs = 0;
    fingerprints.forEach((fingerprint, id) => {
      candidatePairs += index.candidates(fingerprint, DEFAULT_SIMILARITY_PARAMETERS.minSharedFingerprints).length;
      index.add(id, fingerprint);
    });
    return candidatePairs;
  });

  // One new submission against the other 999: what the job does after each final submission.
  const screenIndex = new FingerprintIndex<number>();
  fingerprints.slice(0, -1).forEach((fingerprint, id) => screenIndex.add(id, fingerprint));
  const screenTimes = generateSubmissions(problems, timedProblem, 51)
    .slice(1)
    .map(
      (source) =>
        measure(() => detector.screen(-1, detector.fingerprint(source), screenIndex).map((flag) => flag.regions))
          .wallMs,
    )
    .sort((x, y) => x - y);

  // Brute force over every pair, for comparison with the index.
  const bruteForce = measure(() => {
    let flagged = 0;
    for (let i = 0; i < fingerprints.length; i++) {
      for (let j = i + 1; j < fingerprints.length; j++) {
        const similarity = pairSimilarity(fingerprints[i], fingerprints[j]);
        if (flagsPair(similarity.score, similarity.shared)) flagged++;
      }
    }
    return flagged;
  });

  return {
    problem: timedProblem,
    submissions: sources.length,
    meanSourceCharacters: Math.round(sources.reduce((total, source) => total + source.length, 0) / sources.length),
    targetMs: TARGET_MS,
    compare: { wallMs: flagging.wallMs, cpuMs: flagging.cpuMs, flaggedPairs: flags.length },
    regionsOfEveryFlag: { wallMs: evidence.wallMs, cpuMs: evidence.cpuMs, regions: evidence.value },
    allPairs: (sources.length * (sources.length - 1)) / 2,
    phases: {
      fingerprint: { wallMs: fingerprinting.wallMs, cpuMs: fingerprinting.cpuMs },
      indexLookups: { wallMs: lookups.wallMs, cpuMs: lookups.cpuMs, candidatePairs: lookups.value },
    },
    bruteForceScores: { wallMs: bruteForce.wallMs, cpuMs: bruteForce.cpuMs, flaggedPairs: bruteForce.value },
    screenOneAgainstRestMs: { median: screenTimes[Math.floor(screenTimes.length / 2)], max: screenTimes.at(-1)! },
    loadAverage: { before: loadBefore, after: loadAfter, cores: cpus().length },
  };
}

function loadAverage(): number {
  return round(loadavg()[0], 2);
}

function flagsPair(score: number, shared: number): boolean {
  const { threshold, minSharedFingerprints } = DEFAULT_SIMILARITY_PARAMETERS;
  return score >= threshold && shared >= minSharedFingerprints;
}

function distinctFingerprints(fingerprints: SubmissionFingerprints[]): number {
  return fingerprints.reduce((total, fingerprint) => total + fingerprint.distinct.length, 0);
}

function main(): void {
  const corpusDir = join(process.cwd(), 'test', 'integrity-corpus');
  const problems = readIntegrityCorpus(corpusDir);
  const entries = problems.reduce((total, problem) => total + problem.entries.length, 0);
  const pairs = scoreCorpusPairs(problems, DEFAULT_SIMILARITY_PARAMETERS);
  const copiedPairs = pairs.filter((pair) => pair.copied).length;
  const detector = new SimilarityDetector();
  const meanFingerprints =
    distinctFingerprints(problems.flatMap((problem) => problem.entries.map((e) => detector.fingerprint(e.source)))) /
    entries;

  console.log(
    `corpus: ${problems.length} problems, ${entries} entries, ${copiedPairs} copied pairs, ${pairs.length - copiedPairs} independent pairs`,
  );
  const defaults = evaluateDefaults(pairs);
  const { k, window, threshold, minSharedFingerprints } = DEFAULT_SIMILARITY_PARAMETERS;
  console.log(`parameters: k=${k} window=${window} threshold=${threshold} minShared=${minSharedFingerprints}`);
  console.log(
    `at the threshold: precision ${percent(defaults.atThreshold.precision)}, recall ${percent(defaults.atThreshold.recall)}, ` +
      `false positives ${percent(defaults.atThreshold.falsePositiveRate)} (${defaults.atThreshold.falsePositives}/${pairs.length - copiedPairs})`,
  );
  console.log(
    `cross-validated (threshold chosen on the other problems): recall ${percent(defaults.crossValidated.recall)}, ` +
      `false positives ${percent(defaults.crossValidated.falsePositiveRate)}`,
  );
  console.log('threshold  precision  recall  false positives');
  for (const row of defaults.thresholds) {
    console.log(
      `${row.threshold.toFixed(2).padStart(9)}  ${percent(row.precision).padStart(9)}  ${percent(row.recall).padStart(6)}  ${percent(row.falsePositiveRate).padStart(15)}`,
    );
  }
  console.log('disguise       vs original  all pairs');
  for (const row of defaults.byDisguise) {
    const cell = (part: { detected: number; total: number }) => `${part.detected}/${part.total}`;
    console.log(
      `${row.disguise.padEnd(14)} ${cell(row.againstOriginal).padStart(11)}  ${cell(row.allPairs).padStart(9)}`,
    );
  }

  const parameterSweep = sweep(problems);
  console.log('k  window  AUC     best threshold  recall  cross-validated recall / false positives');
  for (const row of parameterSweep) {
    console.log(
      `${String(row.k).padEnd(2)} ${String(row.window).padStart(6)}  ${row.auc.toFixed(4)}  ${row.bestThreshold.toFixed(3).padStart(14)}  ${percent(row.recallAtBestThreshold).padStart(6)}  ${percent(row.crossValidatedRecall)} / ${percent(row.crossValidatedFalsePositiveRate)}`,
    );
  }

  const scale = timeScale(problems);
  console.log(
    `${scale.submissions} submissions of ${scale.problem}: compared in ${scale.compare.wallMs} ms ` +
      `(${scale.compare.cpuMs} ms CPU; target ${TARGET_MS} ms), ${scale.compare.flaggedPairs} flagged pairs of ${scale.allPairs}; ` +
      `regions of every flag: ${scale.regionsOfEveryFlag.wallMs} ms more (${scale.regionsOfEveryFlag.cpuMs} ms CPU)`,
  );
  console.log(
    `one new submission against ${scale.submissions - 1} (flags and regions): ${scale.screenOneAgainstRestMs.median} ms median; ` +
      `load average ${scale.loadAverage.before} -> ${scale.loadAverage.after} on ${scale.loadAverage.cores} cores`,
  );

  const meetsTargets = {
    recall: defaults.atThreshold.recall >= TARGET_RECALL,
    falsePositiveRate: defaults.atThreshold.falsePositiveRate <= MAX_FALSE_POSITIVE_RATE,
    time: scale.compare.wallMs <= TARGET_MS,
  };
  const result = {
    corpus: {
      directory: 'test/integrity-corpus',
      problems: problems.map((problem) => problem.id),
      entries,
      copiedPairs,
      independentPairs: pairs.length - copiedPairs,
      meanFingerprintsPerEntry: round(meanFingerprints, 1),
    },
    parameters: DEFAULT_SIMILARITY_PARAMETERS,
    targets: { recall: TARGET_RECALL, maxFalsePositiveRate: MAX_FALSE_POSITIVE_RATE, timeMs: TARGET_MS },
    meetsTargets,
    detection: defaults,
    parameterSweep,
    scale,
    machine: { node: process.version, platform: process.platform, arch: process.arch },
    at: new Date().toISOString(),
  };
  mkdirSync('bench-results', { recursive: true });
  writeFileSync(join('bench-results', 'plagiarism.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`targets: ${JSON.stringify(meetsTargets)}; wrote bench-results/plagiarism.json`);
}

main();
