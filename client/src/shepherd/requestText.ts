/**
 * The text Kube Shepherd posts: the Prow commands (or nothing, for a review request), why each person was chosen,
 * and a hidden marker so the same request is recognised and never posted twice.
 */
export interface ChosenReviewer {
  login: string;
  reasons: string[];
}

export interface RequestMarker {
  v: 1;
  kind: 'cc' | 'assign' | 'review-request' | 'kep-shepherd';
  logins: string[];
}

const MARKER_RE = /<!-- kube-shepherd:request (\{.*?\}) -->/g;

export function renderMarker(m: RequestMarker): string {
  return `<!-- kube-shepherd:request ${JSON.stringify({ ...m, logins: [...m.logins].map((l) => l.toLowerCase()).sort() })} -->`;
}

export function parseMarkers(body: string): RequestMarker[] {
  const out: RequestMarker[] = [];
  for (const m of body.matchAll(MARKER_RE)) {
    try {
      const v = JSON.parse(m[1]) as RequestMarker;
      if (v && v.v === 1 && Array.isArray(v.logins)) out.push(v);
    } catch {
      // A hand-edited marker is not ours to trust.
    }
  }
  return out;
}

/** Is every login already asked by an earlier request of the same kind? */
export function alreadyRequested(bodies: string[], kind: RequestMarker['kind'], logins: string[]): boolean {
  const wanted = logins.map((l) => l.toLowerCase());
  const asked = new Set<string>();
  for (const b of bodies) for (const m of parseMarkers(b)) if (m.kind === kind) for (const l of m.logins) asked.add(l.toLowerCase());
  return wanted.length > 0 && wanted.every((l) => asked.has(l));
}

export interface RequestTextInput {
  kind: RequestMarker['kind'];
  chosen: ChosenReviewer[];
  /** For a KEP: the owning SIG's name as Prow's `/sig` wants it (e.g. "node"). */
  sig?: string;
  /** A short line on how the ranking works (link to the README section). */
  howChosen: string;
}

export function renderRequestText(input: RequestTextInput): string {
  const mentions = input.chosen.map((c) => `@${c.login}`).join(' ');
  const lines: string[] = [];
  if (input.kind === 'cc') lines.push(`/cc ${mentions}`);
  if (input.kind === 'assign') lines.push(`/assign ${mentions}`);
  if (input.kind === 'kep-shepherd') {
    if (input.sig) lines.push(`/sig ${input.sig}`);
    lines.push(`/cc ${mentions}`);
  }
  if (lines.length) lines.push('');
  lines.push(input.kind === 'kep-shepherd' ? 'Looking for a shepherd for this KEP. Kube Shepherd suggested:' : 'Kube Shepherd suggested these reviewers for this change:');
  for (const c of input.chosen) lines.push(`- @${c.login}${c.reasons.length ? ` — ${c.reasons.join(' · ')}` : ''}`);
  lines.push('', input.howChosen, renderMarker({ v: 1, kind: input.kind, logins: input.chosen.map((c) => c.login) }));
  return lines.join('\n');
}
