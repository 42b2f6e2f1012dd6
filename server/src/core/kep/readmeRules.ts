/**
 * KEP README lints (kep.md §3.3, §7.6, §7.16, §7.18), none of which CI enforces (Warnings/Information): the H1
 * `# KEP-<n>: <title>` against kep.yaml, template headings (from the workspace's keps/NNNN-kep-template/README.md),
 * the Release Signoff Checklist's (R) items, PRR questionnaire answers, `<<[UNRESOLVED` markers, README.MD spelling
 * and a kep.yaml without README.md. The TOC check lives elsewhere (mdtoc.ts / tocRules.ts).
 */
import type { Diagnostic, Range } from '../diagnostics';
import { basename, dirname } from '../snapshot';
import type { KepRun } from './context';
import { fieldString, makeDiagnostic } from './diag';
import { isTemplateKepDir, TEMPLATE_README } from './kepFiles';
import { outlineOf, withoutInlineComments, type Outline } from './markdownOutline';
import { isPrrStatus } from './prr';

const TEMPLATE_DIR = dirname(TEMPLATE_README);
const PRR_SECTION = 'Production Readiness Review Questionnaire';

export interface TemplateFacts {
  /** Template headings of level ≥ 2 outside comments, in order, with their parent section; `optional` ones say so. */
  headings: { level: number; text: string; key: string; parent?: string; parentKey?: string; optional: boolean }[];
  /** The (R) checklist item texts. */
  requiredItems: string[];
  /** Level-6 PRR questions (normalized). */
  prrQuestions: string[];
}

export function templateFacts(text: string): TemplateFacts {
  const o = outlineOf(text);
  const headings: TemplateFacts['headings'] = [];
  const stack: { level: number; text: string }[] = [];
  for (const h of o.headings) {
    while (stack.length && stack[stack.length - 1].level >= h.level) stack.pop();
    const parent = stack.find((s) => s.level === 2)?.text;
    if (h.level >= 2) {
      headings.push({ level: h.level, text: h.text, key: norm(h.text), parent, parentKey: parent === undefined ? undefined : norm(parent), optional: /\(Optional\)/i.test(h.text) });
    }
    stack.push(h);
  }
  const requiredItems: string[] = [];
  for (let i = 0; i < o.lineCount; i++) {
    const m = /^\s*- \[[ xX]\] \(R\) (.*)$/.exec(o.line(i));
    if (m && !o.hidden[i]) requiredItems.push(m[1].trim());
  }
  const prrQuestions = headings.filter((h) => h.level === 6 && h.parent === PRR_SECTION).map((h) => h.key);
  return { headings, requiredItems, prrQuestions };
}

export function readmeDiagnostics(run: KepRun, path: string): Diagnostic[] {
  const dir = dirname(path);
  const name = basename(path);
  const kepPath = `${dir}/kep.yaml`;
  const isKepDir = run.snapshot.files.has(kepPath);
  const out: Diagnostic[] = [];
  if (name === 'README.MD' || (name.toLowerCase() === 'readme.md' && name !== 'README.md')) {
    out.push(makeDiagnostic(path, firstLine(), 'warning', 'kep/readme-case', `Name this file README.md: kepval and the KEP tooling look for that exact name.`));
    return out;
  }
  if (name !== 'README.md' || !isKepDir || dir === TEMPLATE_DIR || isTemplateKepDir(dir)) return out;
  const text = run.snapshot.text(path);
  if (text === undefined) return out;
  const kep = run.kep(kepPath);
  // Rules comparing with kep.yaml need it decoded: a half-decoded proposal would compare against empty values.
  const p = kep && kep.problems.length === 0 ? kep.proposal : undefined;
  const outline = outlineOf(text);
  if (p) out.push(...h1Lints(path, outline, fieldString(p, 'kep-number'), fieldString(p, 'title')));
  const status = p ? fieldString(p, 'status') : '';
  if (isPrrStatus(status)) out.push(...unresolvedLints(path, outline, status));
  const templateText = run.snapshot.files.has(TEMPLATE_README) ? run.snapshot.text(TEMPLATE_README) : undefined;
  if (templateText !== undefined) {
    const facts = run.memoFor('template-facts', templateText, () => templateFacts(templateText));
    out.push(...templateHeadingLints(path, outline, facts));
    out.push(...signoffLints(path, outline, facts));
    if (status === 'implementable' || status === 'implemented') out.push(...questionnaireLints(path, outline, facts));
  }
  return out;
}

/** Diagnostics on kep.yaml about its README (§7.18): a KEP dir without README.md. */
export function missingReadme(run: KepRun, kepPath: string): Diagnostic[] {
  const dir = dirname(kepPath);
  if (run.snapshot.files.has(`${dir}/README.md`)) return [];
  const other = [...run.snapshot.files].find((f) => dirname(f) === dir && f.toLowerCase().endsWith('/readme.md'));
  return [makeDiagnostic(kepPath, firstLine(), 'warning', 'kep/missing-readme',
    other ? `This KEP's README is named ${basename(other)}; rename it to README.md.` : 'This KEP directory has no README.md.')];
}

function firstLine(): Range {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

function lineRange(o: Outline, line: number): Range {
  return { start: { line, character: 0 }, end: { line, character: o.lineLength(line) } };
}

function h1Lints(path: string, o: Outline, number: string, title: string): Diagnostic[] {
  // Without a kep-number (a required field; its own CI error says so) there is nothing to compare the H1 with.
  if (number === '') return [];
  const h1 = o.headings.find((h) => h.level === 1);
  if (!h1) return [makeDiagnostic(path, firstLine(), 'information', 'kep/readme-h1-format', `The README has no H1; the template starts with \`# KEP-${number}: ${title || '<title>'}\`.`)];
  const m = /^KEP-([^:\s]+)\s*:\s*(.*)$/i.exec(h1.text);
  const range = lineRange(o, h1.line);
  if (!m) {
    if (title === '') return [makeDiagnostic(path, range, 'information', 'kep/readme-h1-format', `The template's H1 form is \`# KEP-${number}: <title>\`.`)];
    return [makeDiagnostic(path, range, 'information', 'kep/readme-h1-format', `The template's H1 form is \`# KEP-${number}: ${title}\`.`,
      { fixes: [{ title: `Change to "# KEP-${number}: ${title}"`, edits: [{ range, newText: `# KEP-${number}: ${title}` }] }] })];
  }
  const out: Diagnostic[] = [];
  if (m[1] !== number) {
    out.push(makeDiagnostic(path, range, 'warning', 'kep/readme-h1', `The H1 says KEP-${m[1]} but kep.yaml has kep-number ${number}.`,
      { fixes: [{ title: `Change to KEP-${number}`, edits: [{ range, newText: `# KEP-${number}: ${m[2]}` }], isPreferred: true }] }));
  } else if (title !== '' && m[2].trim() !== title.trim() && normalizeTitle(m[2]) !== normalizeTitle(title)) {
    out.push(makeDiagnostic(path, range, 'information', 'kep/readme-title', `The H1 title differs from kep.yaml's title "${title}".`));
  }
  return out;
}

function normalizeTitle(t: string): string {
  return t.toLowerCase().replace(/[`*_"']/g, '').replace(/\s+/g, ' ').trim();
}

function unresolvedLints(path: string, o: Outline, status: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const i of o.linesContaining('<<[UNRESOLVED')) {
    if (o.hidden[i]) continue;
    const visible = withoutInlineComments(o.line(i));
    const at = visible.indexOf('<<[UNRESOLVED');
    if (at < 0) continue;
    out.push(makeDiagnostic(path, lineRange(o, i), 'warning', 'kep/unresolved',
      `Unresolved discussion in a KEP that is ${status}: resolve it (and remove the <<[UNRESOLVED]>> block) before implementation.`));
  }
  return out;
}

function templateHeadingLints(path: string, o: Outline, t: TemplateFacts): Diagnostic[] {
  const out: Diagnostic[] = [];
  const deeper: string[] = [];
  const keys = headingKeys(o);
  const byText = new Map(o.headings.map((h, k) => [keys[k], h] as const));
  for (const h of t.headings) {
    if (h.optional) continue;
    if (byText.has(h.key)) continue;
    if (h.level > 3) {
      // Sub-questions and test-plan subsections are missed by most KEPs: one summary instead of dozens of entries.
      deeper.push(h.text);
      continue;
    }
    const parent = h.parentKey && h.parent !== h.text ? byText.get(h.parentKey) : undefined;
    const range = parent ? lineRange(o, parent.line) : firstLine();
    out.push(makeDiagnostic(path, range, 'warning', 'kep/template-heading',
      `Template heading missing or renamed: ${'#'.repeat(h.level)} ${h.text}${h.parent && h.parent !== h.text ? ` (under ${h.parent})` : ''}.`,
      { data: { heading: h.text, level: h.level } }));
  }
  if (deeper.length) {
    out.push(makeDiagnostic(path, firstLine(), 'information', 'kep/template-subheading',
      `${deeper.length} template sub-heading(s) missing or renamed: ${deeper.slice(0, 5).join('; ')}${deeper.length > 5 ? '; …' : ''}.`,
      { data: { headings: deeper } }));
  }
  return out;
}

function norm(s: string): string {
  // Printable ASCII (most headings): \s can only be a space there, so the regex test is a search for two of them.
  let ascii = true;
  for (let i = 0; i < s.length && ascii; i++) {
    const c = s.charCodeAt(i);
    ascii = c >= 0x20 && c < 0x7f;
  }
  const spaced = ascii ? s.includes('  ') : /\s\s|[\t\n]/.test(s);
  return spaced ? s.toLowerCase().replace(/\s+/g, ' ').trim() : s.toLowerCase().trim();
}

/** norm() of each heading of an outline, computed once for the rules that compare headings. */
const keysByOutline = new WeakMap<Outline, string[]>();

function headingKeys(o: Outline): string[] {
  let keys = keysByOutline.get(o);
  if (!keys) keysByOutline.set(o, (keys = o.headings.map((h) => norm(h.text))));
  return keys;
}

function signoffLints(path: string, o: Outline, t: TemplateFacts): Diagnostic[] {
  const keys = headingKeys(o);
  const section = o.headings.find((_, k) => keys[k] === 'release signoff checklist');
  if (!section) return [];
  const next = o.headings.find((h) => h.line > section.line && h.level <= section.level);
  const end = next ? next.line : o.lineCount;
  const items = new Set<string>();
  for (let i = section.line + 1; i < end; i++) {
    const m = /^\s*- \[[ xX]\]\s*(?:\(R\)\s*)?(.*)$/.exec(o.line(i));
    if (m && !o.hidden[i]) items.add(norm(m[1]));
  }
  const missing = t.requiredItems.filter((r) => !items.has(norm(r)));
  if (missing.length === 0) return [];
  return [makeDiagnostic(path, lineRange(o, section.line), 'warning', 'kep/signoff-checklist',
    `The Release Signoff Checklist lacks ${missing.length} required (R) item(s): ${missing.map((m) => `"${m.length > 60 ? m.slice(0, 57) + '…' : m}"`).join('; ')}.`,
    { data: { missing } })];
}

function questionnaireLints(path: string, o: Outline, t: TemplateFacts): Diagnostic[] {
  const out: Diagnostic[] = [];
  const questions = new Set(t.prrQuestions);
  const keys = headingKeys(o);
  for (let k = 0; k < o.headings.length; k++) {
    const h = o.headings[k];
    if (!questions.has(keys[k])) continue;
    const end = k + 1 < o.headings.length ? o.headings[k + 1].line : o.lineCount;
    let answered = false;
    for (let i = h.line + 1; i < end && !answered; i++) {
      if (!o.hidden[i] && withoutInlineComments(o.line(i)).trim() !== '') answered = true;
    }
    if (!answered) {
      out.push(makeDiagnostic(path, lineRange(o, h.line), 'warning', 'kep/prr-questionnaire',
        'This PRR question is unanswered (only the template comment or nothing below it).'));
    }
  }
  return out;
}
