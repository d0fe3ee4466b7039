import type { SandboxJob, SandboxTestReport } from '../harnesses/harness.js';
import type { CompileError, Language } from '../verdict.js';

/**
 * Messages between the supervisor (judge process) and a worker process, over the fork IPC channel.
 * The supervisor checks every message it receives: a worker runs hostile code and is trusted no more
 * than needed.
 */
export interface WorkerJobLimits {
  memoryLimitMb: number;
  consoleLimit: number;
  outputLimit: number;
  /** Time limit for running the candidate's top-level code. */
  loadTimeoutMs: number;
  /** The whole submission's budget, from the moment the worker receives it. */
  totalTimeMs: number;
}

export interface WorkerJob {
  jobId: number;
  kind: string;
  language: Language;
  source: string;
  job: SandboxJob;
  limits: WorkerJobLimits;
  seed: number;
  epochMs: number;
  allowWebAssembly: boolean;
  allowSharedMemory: boolean;
}

export type SupervisorMessage = { type: 'judge'; job: WorkerJob } | { type: 'retire' };

export type WorkerMessage =
  | { type: 'ready'; pid: number }
  | { type: 'test'; jobId: number; report: SandboxTestReport }
  | {
      type: 'done';
      jobId: number;
      compileError?: CompileError;
      internalError?: string;
      rssBytes: number;
      retiring: boolean;
    };
