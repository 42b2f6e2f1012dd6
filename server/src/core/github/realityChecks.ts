/**
 * GitHub reality checks, the pure part: given where logins are named and what GitHub answered about them, decide
 * each login's standing and produce the diagnostics. Trust follows Prow's verify-owners (trigger.TrustedUser): a
 * login is trusted when it is a member of the repository's organisation or a collaborator of the repository.
 * No I/O here: the client asks GitHub (cached, rate-limit aware) and feeds the answers in.
 */
import type { Diagnostic } from '../diagnostics';
import type { LoginUse } from './loginUses';

/**
 * What GitHub said about one login: true/false, null when GitHub would not say (e.g. the collaborator check needs
 * push access) — a settled "unknown" that is not asked again before it expires — or absent when not asked yet.
 */
export interface LoginAnswers {
  exists?: boolean | null;
  member?: boolean | null;
  collaborator?: boolean | null;
}

export type Standing =
  /** Member of the org, or (for a user-owned repository) a collaborator: verify-owners trusts it. */
  | 'trusted'
  /** Not a member, but a collaborator (verify-owners trusts it; the Kubernetes membership ladder expects members). */
  | 'collaborator-only'
  /** Not a member, collaborator status unknown (GitHub did not let us look). */
  | 'not-member'
  /** Neither member nor collaborator: verify-owners would call it untrusted. */
  | 'untrusted'
  /** No such GitHub account. */
  | 'missing'
  /** Not enough answers (yet). */
  | 'unknown';

export const REALITY_CODES = {
  missing: 'github/unknown-login',
  untrusted: 'github/untrusted-login',
  notMember: 'github/not-org-member',
} as const;

/** `ownerIsOrg` false: the repository belongs to a user, so only collaborators count (there is no organisation). */
export function standingOf(a: LoginAnswers | undefined, ownerIsOrg = true): Standing {
  if (!a) return 'unknown';
  if (ownerIsOrg && a.member === true) return 'trusted';
  if (a.exists === false) return 'missing';
  if (a.exists !== true) return 'unknown';
  if (a.collaborator === true) return ownerIsOrg && a.member === false ? 'collaborator-only' : 'trusted';
  if (!ownerIsOrg) return a.collaborator === false ? 'untrusted' : 'unknown';
  if (a.member !== false) return 'unknown';
  if (a.collaborator === false) return 'untrusted';
  return a.collaborator === null ? 'not-member' : 'unknown';
}

/** The next lookup a login needs, in the order that costs fewest requests (most people named are members). */
export function nextLookup(a: LoginAnswers | undefined, ownerIsOrg = true): 'member' | 'exists' | 'collaborator' | undefined {
  if (ownerIsOrg) {
    if (a?.member === undefined) return 'member';
    if (a.member === true) return undefined;
  }
  if (a?.exists === undefined) return 'exists';
  if (a.exists !== true) return undefined;
  return a.collaborator === undefined ? 'collaborator' : undefined;
}

export interface RepoRef {
  owner: string;
  repo: string;
  /** False when the owner is a user account (no organisation to be a member of); default true. */
  ownerIsOrg?: boolean;
}

function where(u: LoginUse): string {
  if (u.source === 'OWNERS_ALIASES') return `alias group \`${u.group ?? ''}\``;
  return `${u.source} ${u.role}`;
}

/** Diagnostics for the uses whose login has a settled, problematic standing. */
export function realityDiagnostics(uses: readonly LoginUse[], answers: ReadonlyMap<string, LoginAnswers>, repo: RepoRef): Diagnostic[] {
  const out: Diagnostic[] = [];
  const full = `${repo.owner}/${repo.repo}`;
  for (const u of uses) {
    const standing = standingOf(answers.get(u.login), repo.ownerIsOrg !== false);
    const base = { file: u.file, range: u.range, severity: 'warning' as const, data: { login: u.login } };
    switch (standing) {
      case 'missing':
        out.push({
          ...base,
          code: REALITY_CODES.missing,
          message: `GitHub has no user \`${u.login}\` (${where(u)}). A renamed or deleted account can never review or approve: Prow keeps the name but nobody can use it.`,
        });
        break;
      case 'untrusted':
        out.push({
          ...base,
          code: REALITY_CODES.untrusted,
          message:
            `\`${u.login}\` (${where(u)}) ${repo.ownerIsOrg === false ? 'is not a collaborator of ' + full : `is neither a member of the ${repo.owner} organisation nor a collaborator of ${full}`}.` +
            (u.source === 'kep.yaml'
              ? ' Check the login: people named in a KEP normally belong to the organisation.'
              : " Prow's verify-owners calls such a user untrusted and labels a PR that adds them do-not-merge/invalid-owners-file; Prow also drops non-collaborators from approvers and reviewers."),
          upstream: 'prow verify-owners',
        });
        break;
      case 'collaborator-only':
      case 'not-member': {
        const collab = standing === 'collaborator-only' ? `, though a collaborator of ${full} (so verify-owners accepts them)` : ` (GitHub did not let us check whether they collaborate on ${full})`;
        out.push({
          ...base,
          code: REALITY_CODES.notMember,
          message: `\`${u.login}\` (${where(u)}) is not a member of the ${repo.owner} organisation as far as GitHub shows${collab}. Reviewers and approvers are normally organisation members; private memberships are visible only to members of the organisation.`,
        });
        break;
      }
      default:
        break;
    }
  }
  return out;
}

/** "GitHub rate limit reached; checks resume at HH:MM" (local time of `resumeAt`, epoch ms). */
export function rateLimitNotice(resumeAt: number, timeZoneOffsetMinutes = new Date(resumeAt).getTimezoneOffset()): string {
  // Rounded up: at the minute shown, checks have really resumed.
  const minute = Math.ceil(resumeAt / 60_000) * 60_000;
  const local = new Date(minute - timeZoneOffsetMinutes * 60_000);
  const hh = String(local.getUTCHours()).padStart(2, '0');
  const mm = String(local.getUTCMinutes()).padStart(2, '0');
  return `GitHub rate limit reached; checks resume at ${hh}:${mm}`;
}
