import type { ChallengePackage } from './challenge-package.js';

/**
 * The public part of a non-code challenge's section, by allow-list: only fields named here reach a
 * candidate. Types whose section holds nothing public yet return undefined.
 */
export function publicMaterial(pkg: ChallengePackage): Record<string, unknown> | undefined {
  switch (pkg.manifest.type) {
    case 'coding':
    case 'class':
    case 'stdio':
    case 'spec':
    case 'api-design':
    case 'resilience':
    case 'bug-fix':
      return undefined;
    case 'sql':
    case 'system-design':
    case 'code-review':
    case 'quiz':
      return undefined;
  }
}
