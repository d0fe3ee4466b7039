/* global module */
function sum(a, b) {
  return a + b;
}
sum.twice = (x) => 2 * x;
module.exports = sum;
