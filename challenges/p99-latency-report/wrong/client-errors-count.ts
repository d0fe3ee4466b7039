// Counts 4xx responses as errors, so a route that returns many 404s looks broken.
import { readFileSync } from 'fs';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LINE = /^\S+ (\S+) (\S+) (\d{3}) rt=(\d+(?:\.\d{1,3})?)(?: \S+)*$/;

interface RouteStats {
  latencies: number[];
  errors: number;
}

function routeOf(method: string, target: string): string {
  const path = target.split('?')[0]!;
  const segments = path.split('/').map((segment) => (/^\d+$/.test(segment) || UUID.test(segment) ? ':id' : segment));
  return `${method} ${segments.join('/')}`;
}

/** Nearest rank: the value at 1-based position ceil(p/100 * n) of the sorted values. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.ceil((p / 100) * sorted.length) - 1]!;
}

const routes = new Map<string, RouteStats>();
let skipped = 0;
for (const line of readFileSync(0, 'utf8').split('\n')) {
  if (line.trim() === '') continue;
  const match = LINE.exec(line.trim());
  if (!match) {
    skipped += 1;
    continue;
  }
  const [, method, target, status, seconds] = match;
  const route = routeOf(method!, target!);
  const stats = routes.get(route) ?? { latencies: [], errors: 0 };
  stats.latencies.push(Math.round(Number(seconds) * 1000));
  if (Number(status) >= 400) stats.errors += 1;
  routes.set(route, stats);
}

const rows = [...routes].map(([route, stats]) => {
  const sorted = [...stats.latencies].sort((a, b) => a - b);
  const errors = ((stats.errors / sorted.length) * 100).toFixed(1);
  return {
    route,
    text: `${route} ${sorted.length} ${errors} ${percentile(sorted, 50)} ${percentile(sorted, 99)}`,
    p99: percentile(sorted, 99),
  };
});
rows.sort((a, b) => b.p99 - a.p99 || (a.route < b.route ? -1 : 1));
console.log('route count errors% p50 p99');
for (const row of rows) console.log(row.text);
console.log(`skipped ${skipped}`);
