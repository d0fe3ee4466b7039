// Sorts each wave with localeCompare, which ignores case first, instead of the code-unit order the release tool expects.
export interface Service {
  name: string;
  dependsOn: string[];
}

export function deployOrder(services: Service[]) {
  const names = new Set(services.map((service) => service.name));
  for (const service of services) {
    for (const dependency of service.dependsOn) {
      if (!names.has(dependency)) return { ok: false, error: 'unknown-dependency', service: service.name, dependency };
    }
  }
  const waiting = new Map(services.map((service) => [service.name, new Set(service.dependsOn)]));
  const waves: string[][] = [];
  while (waiting.size > 0) {
    const ready = [...waiting.entries()].filter(([, left]) => left.size === 0).map(([name]) => name);
    if (ready.length === 0)
      return { ok: false, error: 'cycle', services: [...waiting.keys()].sort((a, b) => a.localeCompare(b)) };
    ready.sort((a, b) => a.localeCompare(b));
    for (const name of ready) waiting.delete(name);
    for (const left of waiting.values()) for (const name of ready) left.delete(name);
    waves.push(ready);
  }
  return { ok: true, waves };
}
