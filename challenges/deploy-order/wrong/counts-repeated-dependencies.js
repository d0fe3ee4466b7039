// Counts a repeated dependency twice but releases it once, so a service listing "db" twice never becomes ready and a false cycle is reported.
export function deployOrder(services) {
  const names = new Set(services.map((service) => service.name));
  for (const service of services) {
    for (const dependency of service.dependsOn) {
      if (!names.has(dependency)) return { ok: false, error: 'unknown-dependency', service: service.name, dependency };
    }
  }
  const pending = new Map();
  const dependents = new Map();
  for (const service of services) {
    pending.set(service.name, service.dependsOn.length);
    for (const dependency of new Set(service.dependsOn)) {
      if (!dependents.has(dependency)) dependents.set(dependency, []);
      dependents.get(dependency).push(service.name);
    }
  }
  const waves = [];
  let ready = services.filter((service) => service.dependsOn.length === 0).map((service) => service.name);
  let deployed = 0;
  while (ready.length > 0) {
    ready.sort();
    waves.push(ready);
    deployed += ready.length;
    const next = [];
    for (const name of ready) {
      for (const dependent of dependents.get(name) ?? []) {
        pending.set(dependent, pending.get(dependent) - 1);
        if (pending.get(dependent) === 0) next.push(dependent);
      }
    }
    ready = next;
  }
  if (deployed < services.length) {
    const stuck = services.filter((service) => pending.get(service.name) > 0).map((service) => service.name);
    return { ok: false, error: 'cycle', services: stuck.sort() };
  }
  return { ok: true, waves };
}
