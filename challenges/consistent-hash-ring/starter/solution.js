/* eslint-disable @typescript-eslint/no-unused-vars -- a starter: the parameters are for the candidate to use */
export function fnv1a(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

export class HashRing {
  /** @param {{ virtualNodes: number }} options */
  constructor(options) {
    this.options = options;
  }

  /** @returns {boolean} */
  addNode(node) {
    return false;
  }

  /** @returns {boolean} */
  removeNode(node) {
    return false;
  }

  /** @returns {string | null} */
  nodeFor(key) {
    return null;
  }

  /** @returns {string[]} */
  nodesFor(key, count) {
    return [];
  }
}
