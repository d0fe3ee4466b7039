/* global setTimeout */
export function readLater(key, callback) {
  setTimeout(() => callback(key.toUpperCase()), 10);
}
export function readFails(callback) {
  setTimeout(() => callback(new Error('disk on fire')), 5);
}
