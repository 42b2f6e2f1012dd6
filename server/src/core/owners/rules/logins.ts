/** What a GitHub login may look like, and which names look like alias groups rather than people. */

/** GitHub: 1–39 characters, ASCII letters, digits and single inner hyphens (older accounts may end in a hyphen). */
const GITHUB_LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9-]))*-?$/;

export type LoginProblem = { kind: 'empty' | 'team' | 'space' | 'chars' | 'long' | 'at'; detail: string };

/** Why `raw` (as written in an OWNERS list) cannot be a GitHub login; undefined when it can. */
export function loginProblem(raw: string): LoginProblem | undefined {
  if (raw === '') return { kind: 'empty', detail: 'an empty entry (a `-` with no value, or `~`/`null`) becomes the login ""' };
  if (raw.startsWith('@@')) return { kind: 'at', detail: 'Prow strips only one leading "@", so this stays "@' + raw.slice(2).toLowerCase() + '"' };
  const l = raw.startsWith('@') ? raw.slice(1) : raw;
  if (/\s/.test(l)) return { kind: 'space', detail: 'Prow does not trim whitespace, so the login includes the spaces' };
  if (/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/.test(l)) {
    return { kind: 'team', detail: 'GitHub team syntax (org/team) is not understood by Prow; it is kept as a login that nobody has' };
  }
  if (l.length > 39) return { kind: 'long', detail: 'GitHub logins are at most 39 characters' };
  if (!GITHUB_LOGIN.test(l)) return { kind: 'chars', detail: 'GitHub logins contain only letters, digits and single hyphens' };
  return undefined;
}

/** Names that follow the alias-group naming conventions of the Kubernetes org (sig-foo-leads, …). */
const ALIAS_SHAPE = /^(?:(?:sig|wg|ug|committee)-[a-z0-9-]+|[a-z0-9-]+-(?:leads|tech-leads|technical-leads|chairs|approvers|reviewers|maintainers|owners|admins|emeritus))$/;

export function looksLikeAliasName(norm: string): boolean {
  return ALIAS_SHAPE.test(norm);
}
