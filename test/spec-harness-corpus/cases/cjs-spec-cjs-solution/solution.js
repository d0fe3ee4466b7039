/* global module */
class Stack {
  constructor() {
    this.items = [];
  }
  get size() {
    return this.items.length;
  }
  push(value) {
    this.items.push(value);
  }
  pop() {
    // Subtly wrong: returns undefined instead of throwing on an empty stack.
    return this.items.pop();
  }
  peek() {
    return this.items[this.items.length - 1];
  }
  toArray() {
    // Subtly wrong: bottom first.
    return [...this.items];
  }
}
module.exports = { Stack };
