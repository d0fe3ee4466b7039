// Truncates seconds x 1000 instead of rounding it, and 1.005 * 1000 is 1004.9999999999999 in floating point.
const { readFileSync } = require('fs');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LINE = /^\S+ (\S+) (\S+) (\d{3}) rt=(\d+(?:\.\d{1,3})?)(?: \S+)*$/;

const routes = new Map();
let skipped = 0;
for (const raw of readFileSync(0, 'utf8').split('\n')) {
  const line = raw.trim();
  if (line === '') continue;
  const match = LINE.exec(line);
  if (!match) {
    skipped++;
    continue;
  }
  const [, method, target, status, seconds] = match;
  const path = target
    .split('?')[0]
    .split('/')
    .map((part) => (/^\d+$/.test(part) || UUID.test(part) ? ':id' : part))
    .join('/');
  const route = `${method} ${path}`;
  if (!routes.has(route)) routes.set(route, { latencies: [], errors: 0 });
  const stats = routes.get(route);
  stats.latencies.push(Math.floor(parseFloat(seconds) * 1000));
  if (Number(status) >= 500) stats.errors++;
}
const at = (sorted, p) => sorted[Math.ceil((p / 100) * sorted.length) - 1];
const rows = [...routes].map(([route, { latencies, errors }]) => {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    route,
    p50: at(sorted, 50),
    p99: at(sorted, 99),
    count: sorted.length,
    errors: ((errors / sorted.length) * 100).toFixed(1),
  };
});
rows.sort((a, b) => b.p99 - a.p99 || (a.route < b.route ? -1 : 1));
console.log('route count errors% p50 p99');
for (const row of rows) console.log(`${row.route} ${row.count} ${row.errors} ${row.p50} ${row.p99}`);
console.log(`skipped ${skipped}`);
