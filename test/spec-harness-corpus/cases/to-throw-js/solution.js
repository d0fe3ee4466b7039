export class ValidationError extends Error {
  constructor(message) {
    super(message);
    this.name = 'ValidationError';
  }
}
export function parseAge(text) {
  const value = Number(text);
  if (Number.isNaN(value)) throw new ValidationError(`${text} is Not a Number`);
  if (value < 0) throw new Error('age is negative');
  return value;
}
export function safeDivide(a, b) {
  if (b === 0) throw new ValidationError('division by zero');
  return a / b;
}
export function throwsString() {
  throw 'plain string';
}
export function throwsNull() {
  throw null;
}
