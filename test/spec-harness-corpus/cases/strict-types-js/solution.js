export class Money {
  constructor(amount, currency) {
    this.amount = amount;
    this.currency = currency;
  }
}
export function money(amount) {
  return new Money(amount, 'EUR');
}
export function toRecord() {
  const list = [1, 2];
  list.extra = true;
  return list;
}
export function nullProto() {
  const value = Object.create(null);
  value.a = 1;
  return value;
}
export function typed() {
  return new Uint8Array([1, 2, 3]);
}
