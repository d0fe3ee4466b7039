export interface Service {
  name: string;
  dependsOn: string[];
}

export type DeployPlan =
  | { ok: true; waves: string[][] }
  | { ok: false; error: 'cycle'; services: string[] }
  | { ok: false; error: 'unknown-dependency'; service: string; dependency: string };

/** Kahn's algorithm, one wave at a time: a wave is every service whose dependencies are all deployed. */
export function deployOrder(services: Service[]): DeployPlan {
  const names = new Set(services.map((service) => service.name));
  for (const service of services) {
    const dependency = service.dependsOn.find((name) => !names.has(name));
    if (dependency !== undefined) return { ok: false, error: 'unknown-dependency', service: service.name, dependency };
  }

  // A set per service: repeated dependencies collapse into one.
  const waiting = new Map(services.map((service) => [service.name, new Set(service.dependsOn)]));
  const dependents = new Map<string, string[]>();
  for (const service of services) {
    for (const dependency of new Set(service.dependsOn))
      dependents.set(dependency, [...(dependents.get(dependency) ?? []), service.name]);
  }

  const waves: string[][] = [];
  let ready = services.filter((service) => waiting.get(service.name)!.size === 0).map((service) => service.name);
  while (ready.length > 0) {
    ready.sort();
    waves.push(ready);
    const next: string[] = [];
    for (const name of ready) {
      waiting.delete(name);
      for (const dependent of dependents.get(name) ?? []) {
        const left = waiting.get(dependent)!;
        left.delete(name);
        if (left.size === 0) next.push(dependent);
      }
    }
    ready = next;
  }
  if (waiting.size > 0) return { ok: false, error: 'cycle', services: [...waiting.keys()].sort() };
  return { ok: true, waves };
}
