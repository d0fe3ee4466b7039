/* global module */
const table = { a: 1 };
function find(key) {
  return key in table ? table[key] : null;
}
function flags() {
  return { one: 1, zero: 0, empty: '', list: [], nothing: undefined };
}
module.exports = { find, flags };
