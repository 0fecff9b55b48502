import type { ModelSummary } from './service';

export interface ModelGroup {
  name: string;
  production: { id: string; version: number } | null;
  latest: number;
  versions: ModelSummary[];
}

/** Models grouped by name, versions newest first; the group with the newest version first. */
export function groupModels(models: readonly ModelSummary[]): ModelGroup[] {
  const byName = new Map<string, ModelSummary[]>();
  for (const m of models) {
    let list = byName.get(m.name);
    if (list === undefined) byName.set(m.name, (list = []));
    list.push(m);
  }
  const groups = [...byName].map(([name, versions]) => {
    versions.sort((a, b) => b.version - a.version);
    const production = versions.find((v) => v.stage === 'production');
    return {
      name,
      production: production === undefined ? null : { id: production.id, version: production.version },
      latest: versions[0].version,
      versions,
      newest:
        versions
          .map((v) => v.createdAt)
          .sort()
          .at(-1) ?? '',
    };
  });
  groups.sort((a, b) => (a.newest < b.newest ? 1 : a.newest > b.newest ? -1 : a.name.localeCompare(b.name)));
  return groups.map(({ newest: _, ...g }) => g);
}
