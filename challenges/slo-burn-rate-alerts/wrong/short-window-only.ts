// Pages on the five-minute window alone, so a one-minute blip at low traffic pages although the hour's budget is barely touched.
import { readFileSync } from 'fs';

const LONG_WINDOW_S = 3600;
const SHORT_WINDOW_S = 300;
const PAGE_BURN_RATE = 14.4;

const lines = readFileSync(0, 'utf8').split('\n');
const slo = Number(/^SLO\s+(\S+)\s*$/.exec(lines[0] ?? '')?.[1]);
const budget = 1 - slo / 100;

const events: { at: number; bad: boolean }[] = [];
let skipped = 0;
for (const line of lines.slice(1)) {
  if (line.trim() === '') continue;
  const fields = line.trim().split(/\s+/);
  const [at, status] = fields.map(Number);
  if (fields.length !== 3 || !Number.isInteger(at) || !Number.isInteger(status) || status! < 100 || status! > 599) {
    skipped += 1;
    continue;
  }
  // Only server errors burn the budget: a 4xx is the client's mistake, not an outage.
  events.push({ at: at!, bad: status! >= 500 });
}

/** Burn rate over (t - window, t]: the error rate as a multiple of the rate the SLO allows. */
function burnRate(t: number, window: number): number {
  let total = 0;
  let bad = 0;
  for (const event of events) {
    if (event.at > t - window && event.at <= t) {
      total += 1;
      if (event.bad) bad += 1;
    }
  }
  return total === 0 ? 0 : bad / total / budget;
}

let firing = false;
let alerts = 0;
if (events.length > 0) {
  const first = Math.min(...events.map((event) => event.at));
  const last = Math.max(...events.map((event) => event.at));
  for (let t = Math.floor(first / 60) * 60 + 60; t <= Math.floor(last / 60) * 60 + 60; t += 60) {
    const long = burnRate(t, LONG_WINDOW_S);
    const short = burnRate(t, SHORT_WINDOW_S);
    const condition = short >= PAGE_BURN_RATE;
    if (condition && !firing) {
      alerts += 1;
      console.log(`${t} FIRING long=${long.toFixed(2)} short=${short.toFixed(2)}`);
    } else if (!condition && firing) {
      console.log(`${t} RESOLVED`);
    }
    firing = condition;
  }
}
console.log(`alerts: ${alerts}`);
console.log(`skipped: ${skipped}`);
