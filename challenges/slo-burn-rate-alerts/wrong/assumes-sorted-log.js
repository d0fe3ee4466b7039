// Takes the first and last lines as the earliest and latest requests, which holds only for a sorted log, not for merged hosts.
import { readFileSync } from 'fs';
const LONG_WINDOW_S = 3600;
const SHORT_WINDOW_S = 300;
const PAGE_BURN_RATE = 14.4;
const lines = readFileSync(0, 'utf8').split('\n');
const slo = Number(/^SLO\s+(\S+)\s*$/.exec(lines[0] ?? '')?.[1]);
const budget = 1 - slo / 100;
const events = [];
let skipped = 0;
for (const line of lines.slice(1)) {
  if (line.trim() === '') continue;
  const fields = line.trim().split(/\s+/);
  const [at, status] = fields.map(Number);
  if (fields.length !== 3 || !Number.isInteger(at) || !Number.isInteger(status) || status < 100 || status > 599) {
    skipped += 1;
    continue;
  }
  events.push({ at, bad: status >= 500 });
}
function burnRate(t, window) {
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
  const first = events[0].at;
  const last = events[events.length - 1].at;
  for (let t = Math.floor(first / 60) * 60 + 60; t <= Math.floor(last / 60) * 60 + 60; t += 60) {
    const long = burnRate(t, LONG_WINDOW_S);
    const short = burnRate(t, SHORT_WINDOW_S);
    const condition = long >= PAGE_BURN_RATE && short >= PAGE_BURN_RATE;
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
