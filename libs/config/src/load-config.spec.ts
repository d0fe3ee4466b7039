import { describe, expect, it } from '@jest/globals';
import { ApiConfig } from './api.config.js';
import { ConfigValidationError } from './config-validation.error.js';
import { JudgeConfig } from './judge.config.js';
import { loadConfig, redactUrl } from './load-config.js';
import { PlatformConfig } from './platform.config.js';

const SECRET = 'x'.repeat(32);
const DATABASE_URL = 'postgresql://assay:hunter2@db.internal:5432/assay';

function problemsOf(run: () => unknown): ConfigValidationError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigValidationError) return error;
    throw error;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('loadConfig', () => {
  it('applies defaults and converts numbers', () => {
    const sut = loadConfig('api', ApiConfig, { DATABASE_URL, JWT_SECRET: SECRET, PORT: '8080' });
    expect(sut).toBeInstanceOf(ApiConfig);
    expect(sut.PORT).toBe(8080);
    expect(sut.LOG_LEVEL).toBe('info');
    expect(sut.NODE_ENV).toBe('development');
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig('platform', PlatformConfig, { PORT: '' }).PORT).toBe(3000);
  });

  it.each([
    ['PORT', 'abc', 'must be a whole number between 1 and 65535'],
    ['PORT', '70000', 'must be a whole number between 1 and 65535'],
    ['PORT', '3.5', 'must be a whole number between 1 and 65535'],
    ['LOG_LEVEL', 'loud', 'must be one of fatal, error, warn, info, debug, trace, silent'],
    ['NODE_ENV', 'staging', 'must be one of development, production, test'],
  ])('rejects %s=%s and names the variable and what is allowed', (variable, value, problem) => {
    const error = problemsOf(() => loadConfig('Assay', PlatformConfig, { [variable]: value }));
    expect(error.problems).toEqual([{ variable, problem, received: value }]);
    expect(error.message).toContain(`${variable}: ${problem} (got "${value}")`);
  });

  it('lists every problem at once and never prints a secret', () => {
    const error = problemsOf(() =>
      loadConfig('the API', ApiConfig, { DATABASE_URL: 'mysql://x', JWT_SECRET: 'short', PORT: '0' }),
    );
    expect(error.problems.map((problem) => problem.variable).sort()).toEqual(['DATABASE_URL', 'JWT_SECRET', 'PORT']);
    expect(error.message).not.toContain('short');
    expect(error.message).toContain('JWT_SECRET: must be at least 32 characters long (got "<hidden>")');
  });

  it('requires DATABASE_URL and JWT_SECRET for the API', () => {
    const error = problemsOf(() => loadConfig('the API', ApiConfig, {}));
    expect(error.problems.map((problem) => [problem.variable, problem.received])).toEqual(
      expect.arrayContaining([
        ['DATABASE_URL', undefined],
        ['JWT_SECRET', undefined],
      ]),
    );
    expect(error.message).toContain('(not set)');
  });

  it('bounds the judge concurrency', () => {
    expect(loadConfig('judge', JudgeConfig, { DATABASE_URL, JUDGE_CONCURRENCY: '4' }).JUDGE_CONCURRENCY).toBe(4);
    const error = problemsOf(() => loadConfig('judge', JudgeConfig, { DATABASE_URL, JUDGE_CONCURRENCY: '0' }));
    expect(error.problems[0]?.problem).toBe('must be a whole number between 1 and 64');
  });

  it('hides the password of a database URL in messages', () => {
    expect(redactUrl(DATABASE_URL)).toBe('postgresql://assay:***@db.internal:5432/assay');
    const error = problemsOf(() => loadConfig('Assay', PlatformConfig, { DATABASE_URL: 'http://u:hunter2@h/db' }));
    expect(error.message).not.toContain('hunter2');
  });
});
