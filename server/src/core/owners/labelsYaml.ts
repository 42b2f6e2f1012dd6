/** Label names from a test-infra style labels.yaml (`default.labels[].name`, `repos.*.labels[].name`, previously names). */
import { parse } from 'yaml';

export interface KnownLabel {
  name: string;
  description?: string;
  /** Old names that label_sync renames to this one. */
  previously: string[];
}

export function parseLabelsYaml(text: string): Map<string, KnownLabel> {
  const out = new Map<string, KnownLabel>();
  let doc: unknown;
  try {
    doc = parse(text, { uniqueKeys: false });
  } catch {
    return out;
  }
  const add = (labels: unknown) => {
    if (!Array.isArray(labels)) return;
    for (const l of labels) {
      if (!l || typeof l !== 'object' || typeof (l as { name?: unknown }).name !== 'string') continue;
      const o = l as { name: string; description?: string; previously?: { name?: string }[] };
      out.set(o.name, {
        name: o.name,
        description: typeof o.description === 'string' ? o.description : undefined,
        previously: Array.isArray(o.previously) ? o.previously.map((p) => String(p?.name ?? '')).filter(Boolean) : [],
      });
    }
  };
  if (doc && typeof doc === 'object') {
    const d = doc as { default?: { labels?: unknown }; repos?: Record<string, { labels?: unknown }> };
    add(d.default?.labels);
    if (d.repos && typeof d.repos === 'object') for (const r of Object.values(d.repos)) add(r?.labels);
  }
  return out;
}

export function loadKnownLabels(text: string): Set<string> {
  return new Set(parseLabelsYaml(text).keys());
}
