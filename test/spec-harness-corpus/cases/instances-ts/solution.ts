export class Animal {
  tags: string[] = [];
  constructor(readonly kind: string) {}
}
export class Dog extends Animal {
  constructor() {
    super('dog');
  }
}
export class Cat extends Animal {
  constructor() {
    super('cat');
  }
}
export function adopt(kind: 'dog' | 'cat'): Animal {
  return kind === 'dog' ? new Dog() : new Cat();
}
export class NotFoundError extends Error {
  constructor(what: string) {
    super(`${what} not found`);
    this.name = 'NotFoundError';
  }
}
export function findPet(name: string): NotFoundError {
  return new NotFoundError(name);
}
