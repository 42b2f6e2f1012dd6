/**
 * Filter patterns as Prow compiles and matches them: Go RE2 (no lookaround, no backreferences), unanchored, against
 * the path RELATIVE to the OWNERS file's directory. An invalid pattern is logged and its filter skipped.
 */
import { compileGoRegexp, type GoRegexp } from '../../re2';
import type { OwnersFile } from '../ownersFile';
import { dirOf, type FileContext, type OwnersRepoContext } from './context';
import { quoted, replaceNode } from './edits';
import type { OwnersOutline } from './syntax';

const NON_RE2 = [
  { re: /\(\?<?[=!]/, what: 'lookaround ((?=…), (?!…), (?<=…), (?<!…))' },
  { re: /\\[1-9]/, what: 'a backreference (\\1…\\9)' },
  { re: /\(\?>/, what: 'an atomic group ((?>…))' },
  { re: /\\k</, what: 'a named backreference (\\k<…>)' },
  { re: /[*+?}]\+/, what: 'a possessive quantifier (*+, ++, ?+)' },
];

/** Files of the repository under `dir` ("" = all), as paths relative to it; cached per file-set and dir. */
const subtreeCache = new WeakMap<ReadonlySet<string>, Map<string, string[]>>();
export function filesUnder(files: ReadonlySet<string>, dir: string): string[] {
  let byDir = subtreeCache.get(files);
  if (!byDir) subtreeCache.set(files, (byDir = new Map()));
  const key = `${files.size}\0${dir}`;
  let hit = byDir.get(key);
  if (!hit) {
    hit = [];
    const prefix = dir === '' ? '' : dir + '/';
    for (const f of files) if (f.startsWith(prefix)) hit.push(f.slice(prefix.length));
    hit.sort();
    if (byDir.size > 256) byDir.clear();
    byDir.set(key, hit);
  }
  return hit;
}

/** Files of the OWNERS directory's subtree (relative paths) that `re` matches, up to `limit`. */
export function filterMatches(re: GoRegexp, rels: readonly string[], limit: number): string[] {
  const out: string[] = [];
  for (const r of rels) {
    if (re.matchString(r)) {
      out.push(r);
      if (out.length >= limit) break;
    }
  }
  return out;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, (c) => (c === '.' ? '\\.' : '\\' + c));
}

export function filterRegexWarnings(ctx: FileContext, file: OwnersFile, outline: OwnersOutline, repo: OwnersRepoContext): void {
  const dir = dirOf(ctx.path);
  for (const k of outline.keys) {
    if (k.place !== 'filters' || k.pattern === undefined || k.pattern === '.*') continue;
    const pattern = k.pattern;
    const c = compileGoRegexp(pattern);
    if (!c.ok) {
      const nonRe2 = NON_RE2.find((n) => n.re.test(pattern));
      ctx.add({
        range: ctx.range(k.key.range),
        severity: 'warning',
        code: nonRe2 ? 'owners/non-re2-regex' : 'owners/invalid-regex',
        message: nonRe2
          ? `Prow compiles filters with Go's RE2, which has no ${nonRe2.what}; the pattern fails to compile, Prow logs the error and skips this filter, so none of its entries ever apply.`
          : `This filter pattern is not a valid Go RE2 regular expression (${c.error}); Prow logs the error and skips the filter, so none of its entries ever apply.`,
        upstream: 'prow repoowners (regexp.Compile)',
      });
      continue;
    }
    if (file.mode !== 'full') continue;
    // Literal check: `^<dir>/…` written as a repository path.
    const anchoredPrefix = dir !== '' && (pattern.startsWith('^' + escapeRe(dir) + '/') || pattern.startsWith('^' + dir + '/'));
    const files = repo.files;
    if (files) {
      const rels = filesUnder(files, dir);
      if (filterMatches(c.re, rels, 1).length > 0) continue;
      // A sparse or partial checkout that holds only OWNERS data cannot tell us what the filter would match.
      if (!rels.some((r) => !/(^|\/)OWNERS(_ALIASES)?$/.test(r))) continue;
      const repoRelHit = dir !== '' && rels.some((r) => c.re.matchString(dir + '/' + r));
      if (repoRelHit || anchoredPrefix) {
        anchored(ctx, k.key, pattern, dir);
        continue;
      }
      ctx.add({
        range: ctx.range(k.key.range),
        severity: 'information',
        code: 'owners/regex-never-matches',
        message: `No file under ${dir === '' ? 'the repository' : dir + '/'} matches this filter now. Prow matches it (unanchored) against paths relative to this OWNERS file's directory, e.g. "${rels[0] ?? 'sub/file.go'}"; as written its entries apply to nothing.`,
        upstream: 'prow repoowners (entriesForFile: re.MatchString(relative path))',
      });
    } else if (anchoredPrefix) {
      anchored(ctx, k.key, pattern, dir);
    }
  }
}

function anchored(ctx: FileContext, key: { range: [number, number] }, pattern: string, dir: string): void {
  const lit = '^' + dir + '/';
  const esc = '^' + escapeRe(dir) + '/';
  const prefix = pattern.startsWith(esc) ? esc : pattern.startsWith(lit) ? lit : undefined;
  const fixed = prefix ? '^' + pattern.slice(prefix.length) : undefined;
  ctx.add({
    range: ctx.range(key.range),
    severity: 'warning',
    code: 'owners/anchored-regex',
    message: `Prow matches filter patterns against the path relative to this OWNERS file's directory (a file ${dir}/sub/x.go is seen as "sub/x.go"), so a pattern that starts with the repository path ${dir}/ never matches.${fixed ? ` Write "${fixed}" instead.` : ''}`,
    upstream: 'prow repoowners (entriesForFile: filepath.Rel)',
    fixes: fixed ? [{ title: `Match relative paths: "${fixed}"`, edits: [replaceNode(ctx, key, quoted(fixed))], isPreferred: true }] : undefined,
  });
}
