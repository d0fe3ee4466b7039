/* eslint-disable @typescript-eslint/no-unused-vars -- a starter: the parameters are for the candidate to use */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

export class HashRing {
  constructor(private readonly options: { virtualNodes: number }) {}

  addNode(node: string): boolean {
    return false;
  }

  removeNode(node: string): boolean {
    return false;
  }

  nodeFor(key: string): string | null {
    return null;
  }

  nodesFor(key: string, count: number): string[] {
    return [];
  }
}
