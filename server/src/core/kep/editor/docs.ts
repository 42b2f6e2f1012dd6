/** Descriptions of kep.yaml and PRR keys, from the JSON Schemas in schemas/ (one source for hover, completion and validation). */
import kepSchema from '../../../../../schemas/kep.schema.json';
import prrSchema from '../../../../../schemas/prr.schema.json';
import { KNOWN_COMPONENTS } from '../kepLints';

interface SchemaNode {
  description?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  enum?: string[];
}

function walk(node: SchemaNode | undefined, path: string[]): SchemaNode | undefined {
  let cur = node;
  for (const k of path) {
    if (!cur) return undefined;
    if (cur.items) cur = cur.items;
    cur = cur.properties?.[k];
  }
  return cur;
}

/** Description of the key at `path` (e.g. ['milestone', 'beta'], ['feature-gates', 'components']). */
export function keyDoc(kind: 'kep-yaml' | 'prr', path: string[]): string | undefined {
  const root = (kind === 'kep-yaml' ? kepSchema : prrSchema) as SchemaNode;
  if (kind === 'prr' && path.length === 2) return (prrSchema as unknown as { definitions: { entry: SchemaNode } }).definitions.entry.properties?.[path[1]]?.description;
  return walk(root, path)?.description;
}

/** Keys the mapping at `parentPath` may hold, with descriptions. */
export function keysAt(kind: 'kep-yaml' | 'prr', parentPath: string[]): { key: string; doc?: string; list: boolean; map: boolean }[] {
  const root = (kind === 'kep-yaml' ? kepSchema : prrSchema) as SchemaNode;
  let node = parentPath.length ? walk(root, parentPath) : root;
  if (node?.items) node = node.items;
  if (kind === 'prr' && parentPath.length === 1) node = (prrSchema as unknown as { definitions: { entry: SchemaNode } }).definitions.entry;
  const props = node?.properties ?? {};
  return Object.entries(props).map(([key, v]) => {
    const t = (v as { type?: string | string[] }).type;
    const types = Array.isArray(t) ? t : [t];
    return { key, doc: v.description, list: types.includes('array'), map: types.includes('object') && !!v.properties };
  });
}

export const STATUS_DOCS: Record<string, string> = {
  provisional: 'Agreed on the problem; the design is still being worked out. No PRR needed.',
  implementable: 'Approved for implementation in `latest-milestone`. With latest-milestone ≥ v1.21, CI requires a PRR approval for the current `stage`.',
  implemented: 'Done; `stage` should be `stable` (or `deprecated`/`disabled`/`removed` for deprecations). PRR rules apply as for implementable.',
  deferred: 'Not being worked on for now.',
  rejected: 'Turned down.',
  withdrawn: 'Withdrawn by the authors.',
  replaced: 'Replaced by another KEP: list it in `superseded-by`.',
};

export const STAGE_DOCS: Record<string, string> = {
  alpha: 'Behind a feature gate, off by default.',
  beta: 'On by default (for most features); needs a `beta:` PRR approval.',
  stable: 'GA; needs a `stable:` PRR approval.',
  deprecated: 'Marked deprecated.',
  disabled: 'Disabled by default on its way out.',
  removed: 'Removed.',
};

const COMPONENT_DOCS: Record<string, string> = {
  'kube-apiserver': 'The API server.',
  kubelet: 'The node agent.',
  'kube-controller-manager': 'The built-in controllers.',
  'kube-scheduler': 'The default scheduler.',
  'kube-proxy': 'The Service proxy on each node.',
  kubectl: 'The command-line client.',
  kubeadm: 'The cluster bootstrapper.',
  'cloud-controller-manager': 'Cloud-provider controllers.',
};

/** Components a feature gate can be enabled on (the list `kep/feature-gate-component` checks against), main ones first. */
export const FEATURE_GATE_COMPONENTS: { name: string; doc: string }[] = [
  ...Object.entries(COMPONENT_DOCS).map(([name, doc]) => ({ name, doc })),
  ...KNOWN_COMPONENTS.filter((c) => !(c in COMPONENT_DOCS)).map((name) => ({ name, doc: 'Also accepted.' })),
];
