/**
 * The Go types kepval decodes into (k8s.io/enhancements api.Proposal, api.PRRApproval), as yaml.v3 sees them: YAML
 * key → field type. Keys come from `yaml:` tags, or the lower-cased Go field name when a field has none (which is why
 * `id`, `prnumber`, `name` and `path` are accepted and `filename`, `error`, `contents` (`yaml:"-"`) are not).
 */
import type { GoType } from './goDecode';

const str: GoType = { kind: 'string' };
const strings: GoType = { kind: 'slice', elem: str, goName: '[]string' };

export const MILESTONE_KEYS = ['alpha', 'beta', 'stable', 'deprecated', 'removed', 'disabled'] as const;

const milestone: GoType = {
  kind: 'struct',
  goName: 'api.Milestone',
  fields: Object.fromEntries(MILESTONE_KEYS.map((k) => [k, str])),
};

const featureGate: GoType = {
  kind: 'struct',
  goName: 'api.FeatureGate',
  fields: { name: str, components: strings },
};

export const PROPOSAL_TYPE: GoType = {
  kind: 'struct',
  goName: 'api.Proposal',
  fields: {
    // json-only fields: yaml.v3 falls back to the lower-cased Go field name
    id: str,
    prnumber: str,
    name: str,
    path: str,
    title: str,
    'kep-number': str,
    authors: strings,
    'owning-sig': str,
    'participating-sigs': strings,
    reviewers: strings,
    approvers: strings,
    editor: str,
    'creation-date': str,
    'last-updated': str,
    status: str,
    'see-also': strings,
    replaces: strings,
    'superseded-by': strings,
    stage: str,
    'latest-milestone': str,
    milestone,
    'feature-gates': { kind: 'slice', elem: featureGate, goName: '[]api.FeatureGate' },
    'disable-supported': { kind: 'bool' },
    metrics: strings,
  },
};

/** Fields with `validate:"required"` in api.Proposal, in struct order (the order of validator's messages). */
export const PROPOSAL_REQUIRED: { key: string; goField: string; slice: boolean }[] = [
  { key: 'title', goField: 'Title', slice: false },
  { key: 'kep-number', goField: 'Number', slice: false },
  { key: 'authors', goField: 'Authors', slice: true },
  { key: 'owning-sig', goField: 'OwningSIG', slice: false },
  { key: 'approvers', goField: 'Approvers', slice: true },
  { key: 'status', goField: 'Status', slice: false },
];

const prrMilestone: GoType = {
  kind: 'ptr',
  elem: { kind: 'struct', goName: 'api.PRRMilestone', fields: { approver: str } },
};

export const PRR_TYPE: GoType = {
  kind: 'struct',
  goName: 'api.PRRApproval',
  fields: {
    'kep-number': str,
    alpha: prrMilestone,
    beta: prrMilestone,
    stable: prrMilestone,
    deprecated: prrMilestone,
    removed: prrMilestone,
    disabled: prrMilestone,
  },
};

/** api.ValidStages / api.ValidStatuses, in upstream's order. */
export const VALID_STAGES = ['alpha', 'beta', 'stable', 'deprecated', 'disabled', 'removed'] as const;
export const VALID_STATUSES = ['provisional', 'implementable', 'implemented', 'deferred', 'rejected', 'withdrawn', 'replaced'] as const;

/** All keys kep.yaml may carry (for completion and did-you-mean). */
export const PROPOSAL_KEYS = Object.keys((PROPOSAL_TYPE as { fields: Record<string, GoType> }).fields);
