// Takes the next virtual nodes as replicas, so two replicas can land on the same physical node.
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

interface Point {
  position: number;
  node: string;
}

export class HashRing {
  /** Sorted by position, so a key's owner is found by binary search. */
  private points: Point[] = [];
  private readonly nodes = new Set<string>();

  constructor(private readonly options: { virtualNodes: number }) {}

  addNode(node: string): boolean {
    if (this.nodes.has(node)) return false;
    this.nodes.add(node);
    for (let index = 0; index < this.options.virtualNodes; index++) {
      this.points.push({ position: fnv1a(`${node}#${index}`), node });
    }
    this.points.sort((a, b) => a.position - b.position);
    return true;
  }

  removeNode(node: string): boolean {
    if (!this.nodes.delete(node)) return false;
    this.points = this.points.filter((point) => point.node !== node);
    return true;
  }

  nodeFor(key: string): string | null {
    return this.nodesFor(key, 1)[0] ?? null;
  }

  nodesFor(key: string, count: number): string[] {
    const found: string[] = [];
    const start = this.firstAtOrAfter(fnv1a(key));
    for (let step = 0; step < this.points.length && found.length < count; step++) {
      const { node } = this.points[(start + step) % this.points.length]!;
      found.push(node);
    }
    return found;
  }

  /** Index of the first point at or after `position`; the length when there is none (the walk wraps). */
  private firstAtOrAfter(position: number): number {
    let low = 0;
    let high = this.points.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.points[middle]!.position < position) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
