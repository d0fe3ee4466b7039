export { ApiConfig } from './api.config.js';
export { CommonConfig, DatabaseConfig, LOG_LEVELS, NODE_ENVS, type LogLevel, type NodeEnv } from './common.config.js';
export { ConfigValidationError, type ConfigProblem } from './config-validation.error.js';
export { JudgeConfig, MAX_JUDGE_CONCURRENCY } from './judge.config.js';
export { loadConfig, redactUrl } from './load-config.js';
export { PlatformConfig } from './platform.config.js';
export { buildLoggerOptions } from './logger-options.js';
export { exitAfterGracePeriod, stopWithSupervisor } from './shutdown.js';
