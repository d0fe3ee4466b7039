export class Account {
  #cents: number;
  constructor(cents: number) {
    this.#cents = cents;
  }
  get balance(): number {
    return this.#cents;
  }
  deposit(cents: number): void {
    this.#cents += cents;
  }
}

export function config() {
  return {
    name: 'svc',
    db: { host: 'localhost', port: 5432 },
    servers: [{ name: 'a' }, { name: 'b' }],
    optional: undefined,
    'a.b': 1,
  };
}
