export function connect(target) {
  if (target === 'bad') throw new Error('connection refused');
  return `connected:${target}`;
}
