/** Writes schemas/owners.schema.json and schemas/owners-aliases.schema.json from the key docs the server shows on hover. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALIASES_KEY_DOCS, OWNERS_KEY_DOCS } from '../server/src/core/owners/editor/keyDocs';

const root = path.resolve(__dirname, '..');
const loginList = (key: string) => ({
  type: 'array',
  description: OWNERS_KEY_DOCS[key],
  items: { type: 'string', description: 'A GitHub login (lower-cased by Prow, one leading @ stripped) or an OWNERS_ALIASES alias.' },
});
const config = (withEmeritus: boolean) => ({
  type: 'object',
  properties: {
    approvers: loginList('approvers'),
    reviewers: loginList('reviewers'),
    required_reviewers: loginList('required_reviewers'),
    labels: { type: 'array', description: OWNERS_KEY_DOCS.labels, items: { type: 'string' } },
    ...(withEmeritus ? { emeritus_approvers: loginList('emeritus_approvers'), emeritus_reviewers: loginList('emeritus_reviewers') } : {}),
  },
});
const options = {
  type: 'object',
  description: OWNERS_KEY_DOCS.options,
  properties: {
    no_parent_owners: { type: 'boolean', description: OWNERS_KEY_DOCS.no_parent_owners },
    auto_approve_unowned_subfolders: { type: 'boolean', description: OWNERS_KEY_DOCS.auto_approve_unowned_subfolders },
  },
  additionalProperties: false,
};
const owners = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://kube-shepherd.dev/schemas/owners.schema.json',
  title: 'Prow OWNERS file',
  description:
    'An OWNERS file as Prow (kubernetes-sigs/prow pkg/repoowners) reads it, decoded with YAML 1.1 (sigs.k8s.io/yaml). Either top-level lists (simple config) or `filters` (full config); with both, `filters` is ignored.',
  type: 'object',
  properties: {
    ...config(true).properties,
    options,
    filters: {
      type: 'object',
      description: OWNERS_KEY_DOCS.filters,
      additionalProperties: { ...config(false), additionalProperties: false },
    },
  },
  additionalProperties: false,
};
const aliases = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://kube-shepherd.dev/schemas/owners-aliases.schema.json',
  title: 'Prow OWNERS_ALIASES file',
  description: 'The root OWNERS_ALIASES file of a repository (Prow ignores files with that name elsewhere).',
  type: 'object',
  properties: {
    aliases: {
      type: 'object',
      description: ALIASES_KEY_DOCS.aliases,
      additionalProperties: {
        description: 'The members of an alias group: GitHub logins (an alias name here is NOT expanded).',
        oneOf: [{ type: 'array', items: { type: 'string' } }, { type: 'null' }],
      },
    },
  },
};
fs.mkdirSync(path.join(root, 'schemas'), { recursive: true });
fs.writeFileSync(path.join(root, 'schemas', 'owners.schema.json'), JSON.stringify(owners, null, 2) + '\n');
fs.writeFileSync(path.join(root, 'schemas', 'owners-aliases.schema.json'), JSON.stringify(aliases, null, 2) + '\n');
