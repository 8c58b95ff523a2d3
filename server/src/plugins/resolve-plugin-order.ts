import semver from 'semver';

export interface PluginNode {
  name: string;
  version: string;
  engine: string;
  dependsOn?: Record<string, string>;
}

export interface PluginOrder {
  /** Names that can run, dependencies first. */
  order: string[];
  /** Names that cannot, with the reason (engine, missing or incompatible dependency, cycle). */
  refused: Map<string, string>;
}

const ok = (version: string, range: string) => semver.validRange(range) !== null && semver.satisfies(version, range, { includePrerelease: true });

/**
 * Which of `plugins` can run together on `engineVersion`, in dependency order (Kahn's algorithm, ties by
 * name). A plugin is refused when the engine is out of its range, a dependency is not among `plugins`
 * or out of range, a dependency is refused, or it is on a dependency cycle; the reason names which.
 * @example resolvePluginOrder([{ name: 'b', …, dependsOn: { a: '^1' } }, { name: 'a', … }], '1.0.0').order // ['a', 'b']
 */
export function resolvePluginOrder(plugins: PluginNode[], engineVersion: string): PluginOrder {
  const byName = new Map(plugins.map((p) => [p.name, p]));
  const refused = new Map<string, string>();
  for (const p of plugins) {
    if (!ok(engineVersion, p.engine)) refused.set(p.name, `engine ${engineVersion} does not satisfy "${p.engine}"`);
  }
  for (const p of plugins) {
    if (refused.has(p.name)) continue;
    for (const [dep, range] of Object.entries(p.dependsOn ?? {})) {
      const d = byName.get(dep);
      if (!d) { refused.set(p.name, `dependency ${dep} ${range} is missing`); break; }
      if (!ok(d.version, range)) { refused.set(p.name, `dependency ${dep} is ${d.version}, which does not satisfy "${range}"`); break; }
    }
  }
  // a refused dependency refuses its dependents, transitively
  for (let changed = true; changed;) {
    changed = false;
    for (const p of plugins) {
      if (refused.has(p.name)) continue;
      const bad = Object.keys(p.dependsOn ?? {}).find((d) => refused.has(d));
      if (bad) { refused.set(p.name, `dependency ${bad} cannot run: ${refused.get(bad)}`); changed = true; }
    }
  }
  const pending = plugins.filter((p) => !refused.has(p.name));
  const order: string[] = [];
  const placed = new Set<string>();
  while (pending.length) {
    const ready = pending.filter((p) => Object.keys(p.dependsOn ?? {}).every((d) => placed.has(d))).sort((a, b) => a.name.localeCompare(b.name));
    if (!ready.length) {
      for (const p of pending) refused.set(p.name, `dependency cycle among ${pending.map((x) => x.name).sort().join(', ')}`);
      break;
    }
    for (const p of ready) {
      order.push(p.name);
      placed.add(p.name);
      pending.splice(pending.indexOf(p), 1);
    }
  }
  return { order, refused };
}
