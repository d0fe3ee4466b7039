// Keeps modulo hashing over the sorted node list: correct on a fixed cluster, but almost every key moves when a node joins or leaves.
export function fnv1a(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

export class HashRing {
  constructor(options) {
    this.options = options;
    this.nodes = [];
  }

  addNode(node) {
    if (this.nodes.includes(node)) return false;
    this.nodes.push(node);
    this.nodes.sort();
    return true;
  }

  removeNode(node) {
    const index = this.nodes.indexOf(node);
    if (index < 0) return false;
    this.nodes.splice(index, 1);
    return true;
  }

  nodeFor(key) {
    return this.nodes.length === 0 ? null : this.nodes[fnv1a(key) % this.nodes.length];
  }

  nodesFor(key, count) {
    const found = [];
    const start = this.nodes.length === 0 ? 0 : fnv1a(key) % this.nodes.length;
    for (let step = 0; step < this.nodes.length && found.length < count; step++) {
      found.push(this.nodes[(start + step) % this.nodes.length]);
    }
    return found;
  }
}
