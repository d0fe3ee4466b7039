/**
 * Builds the web client (Vite) into apps/web/dist when its sources changed since the last build,
 * so that `npm start` stays fast while always serving current files. `--force` rebuilds anyway.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const WEB = 'apps/web';
const STAMP = join(WEB, 'dist', '.build-stamp');
const INPUTS = [
  join(WEB, 'src'),
  join(WEB, 'index.html'),
  join(WEB, 'vite.config.ts'),
  join(WEB, 'tsconfig.json'),
  'package-lock.json',
];

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestChange(join(path, entry))), stat.mtimeMs);
}

const force = process.argv.includes('--force');
const built = existsSync(STAMP) ? statSync(STAMP).mtimeMs : 0;
const changed = Math.max(...INPUTS.map(newestChange));
if (!existsSync(join(WEB, 'index.html'))) {
  console.log('[web] no web client sources; skipped');
} else if (!force && built > changed) {
  // Up to date: nothing to do.
} else {
  const startedAt = Date.now();
  const vite = spawnSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--config', join(WEB, 'vite.config.ts'), '--logLevel', 'warn'],
    // Production mode whatever the caller's NODE_ENV (tests run with NODE_ENV=test): React's production
    // build, minified, without development-only warnings.
    { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
  );
  if (vite.status !== 0) {
    console.error('[web] the web client failed to build');
    process.exit(vite.status ?? 1);
  }
  writeFileSync(STAMP, new Date().toISOString());
  console.log(`[web] built apps/web/dist in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
}
