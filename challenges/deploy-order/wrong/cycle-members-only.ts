// Reports only the services on a cycle, not the services that depend on them and can never deploy either.
export interface Service {
  name: string;
  dependsOn: string[];
}

type DeployPlan =
  | { ok: true; waves: string[][] }
  | { ok: false; error: 'cycle'; services: string[] }
  | { ok: false; error: 'unknown-dependency'; service: string; dependency: string };

export function deployOrder(services: Service[]): DeployPlan {
  const byName = new Map(services.map((service) => [service.name, service]));
  for (const service of services) {
    for (const dependency of service.dependsOn) {
      if (!byName.has(dependency)) return { ok: false, error: 'unknown-dependency', service: service.name, dependency };
    }
  }
  const level = new Map<string, number>();
  const visiting = new Set<string>();
  const onCycle = new Set<string>();
  const stack: string[] = [];
  const visit = (name: string): number => {
    const known = level.get(name);
    if (known !== undefined) return known;
    if (visiting.has(name)) {
      for (const member of stack.slice(stack.indexOf(name))) onCycle.add(member);
      return 0;
    }
    visiting.add(name);
    stack.push(name);
    let wave = 0;
    for (const dependency of byName.get(name)!.dependsOn) wave = Math.max(wave, visit(dependency) + 1);
    stack.pop();
    visiting.delete(name);
    level.set(name, wave);
    return wave;
  };
  for (const service of services) visit(service.name);
  if (onCycle.size > 0) return { ok: false, error: 'cycle', services: [...onCycle].sort() };
  const waves: string[][] = [];
  for (const [name, wave] of level) (waves[wave] ??= []).push(name);
  return { ok: true, waves: waves.map((wave) => wave.sort()) };
}
