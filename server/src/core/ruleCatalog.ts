/**
 * Every diagnostic code with the row of docs/rules.md's summary tables that describes it, and the kinds of file it is
 * reported on. docs/rules.md cannot be read at run time (the server is one bundle), so this is a static copy:
 * test/unit/rule-catalog.test.ts asserts it lists exactly the codes the source emits and matches the tables.
 */
import { ruleDocUrl } from './ruleDocs';

export type FileKind = 'OWNERS' | 'OWNERS_ALIASES' | 'kep.yaml' | 'PRR' | 'KEP README' | 'other';

export const FILE_KINDS: readonly FileKind[] = ['OWNERS', 'OWNERS_ALIASES', 'kep.yaml', 'PRR', 'KEP README', 'other'];

export interface RuleInfo {
  code: string;
  /** As in the summary table ("Error", "Warning / Information", …). */
  severity: string;
  /** The upstream check it mirrors ("—" when none). */
  mirrors: string;
  /** The quick fix offered ("—" when none). */
  quickFix: string;
  /** Kinds of file the diagnostic is reported on. */
  kinds: readonly FileKind[];
}

export const RULE_CATALOG: readonly RuleInfo[] = [
  { code: "owners/unparsable", severity: "Error", mirrors: "verify-owners \"Cannot parse file\"", quickFix: "—", kinds: ["OWNERS"] },
  { code: "owners/banned-label", severity: "Error", mirrors: "verify-owners \"File contains banned labels\"", quickFix: "—", kinds: ["OWNERS"] },
  { code: "owners/root-no-approvers", severity: "Error", mirrors: "verify-owners \"No approvers defined in this root directory OWNERS file.\"", quickFix: "—", kinds: ["OWNERS"] },
  { code: "aliases/unparsable", severity: "Error", mirrors: "verify-owners \"The content of OWNERS_ALIASES is invalid.\"", quickFix: "—", kinds: ["OWNERS_ALIASES"] },
  { code: "aliases/invalid", severity: "Error", mirrors: "verify-owners \"The content of OWNERS_ALIASES is invalid.\"", quickFix: "quote YAML-1.1 members", kinds: ["OWNERS_ALIASES"] },
  { code: "owners/yaml11-scalar", severity: "Warning", mirrors: "repoowners (sigs.k8s.io/yaml over yaml.v2)", quickFix: "quote it", kinds: ["OWNERS"] },
  { code: "owners/scalar-not-list", severity: "Warning", mirrors: "repoowners (SimpleConfig decode)", quickFix: "make it a list", kinds: ["OWNERS"] },
  { code: "owners/filters-ignored", severity: "Warning", mirrors: "repoowners simple-vs-full rule", quickFix: "move lists into `filters: {\".*\": …}`, or the reverse", kinds: ["OWNERS"] },
  { code: "owners/unknown-key", severity: "Warning", mirrors: "sigs.k8s.io/yaml ignores unknown fields", quickFix: "rename to the suggestion", kinds: ["OWNERS"] },
  { code: "owners/key-case", severity: "Warning", mirrors: "encoding/json case-folded keys", quickFix: "rename to lower case", kinds: ["OWNERS"] },
  { code: "owners/duplicate-key", severity: "Warning", mirrors: "yaml.v2 last duplicate wins", quickFix: "remove the ignored key", kinds: ["OWNERS"] },
  { code: "owners/invalid-regex", severity: "Warning", mirrors: "repoowners regexp.Compile", quickFix: "—", kinds: ["OWNERS"] },
  { code: "owners/non-re2-regex", severity: "Warning", mirrors: "repoowners regexp.Compile (RE2)", quickFix: "—", kinds: ["OWNERS"] },
  { code: "owners/regex-never-matches", severity: "Information", mirrors: "repoowners entriesForFile", quickFix: "—", kinds: ["OWNERS"] },
  { code: "owners/anchored-regex", severity: "Warning", mirrors: "repoowners entriesForFile (filepath.Rel)", quickFix: "drop the directory prefix", kinds: ["OWNERS"] },
  { code: "owners/emeritus-also-approver", severity: "Warning", mirrors: "repoowners (no emeritus handling)", quickFix: "remove from approvers", kinds: ["OWNERS"] },
  { code: "owners/undefined-alias", severity: "Warning", mirrors: "repoowners ExpandAliases", quickFix: "replace with the suggested alias", kinds: ["OWNERS"] },
  { code: "owners/alias-in-labels", severity: "Warning", mirrors: "repoowners (labels not expanded)", quickFix: "—", kinds: ["OWNERS"] },
  { code: "aliases/empty-group", severity: "Warning", mirrors: "verify-owners \"There are empty aliases in OWNER_ALIASES, cleanup is advised.\"", quickFix: "—", kinds: ["OWNERS_ALIASES"] },
  { code: "aliases/nested-alias", severity: "Warning", mirrors: "repoowners ExpandAliases (not recursive)", quickFix: "—", kinds: ["OWNERS_ALIASES"] },
  { code: "aliases/unused", severity: "Information", mirrors: "repoowners (aliases expand only where OWNERS files list them)", quickFix: "—", kinds: ["OWNERS_ALIASES"] },
  { code: "owners/duplicate-entry", severity: "Warning", mirrors: "repoowners (sets)", quickFix: "remove the duplicate", kinds: ["OWNERS","OWNERS_ALIASES"] },
  { code: "owners/malformed-login", severity: "Warning", mirrors: "repoowners NormLogin", quickFix: "—", kinds: ["OWNERS","OWNERS_ALIASES"] },
  { code: "owners/unknown-label", severity: "Warning", mirrors: "owners-label + label_sync labels.yaml", quickFix: "replace with the suggestion", kinds: ["OWNERS"] },
  { code: "owners/retired-label", severity: "Warning", mirrors: "owners-label + label_sync `previously` / sigs.yaml", quickFix: "replace with the new name", kinds: ["OWNERS"] },
  { code: "owners/no-parent-owners-without-approvers", severity: "Warning", mirrors: "repoowners entriesForFile", quickFix: "—", kinds: ["OWNERS"] },
  { code: "aliases/not-at-root", severity: "Warning", mirrors: "repoowners loads the root OWNERS_ALIASES only", quickFix: "—", kinds: ["OWNERS_ALIASES"] },
  { code: "owners/denylisted-dir", severity: "Warning", mirrors: "repoowners owners_dir_denylist", quickFix: "—", kinds: ["OWNERS"] },
  { code: "owners/emeritus-in-filters", severity: "Warning", mirrors: "repoowners FullConfig", quickFix: "—", kinds: ["OWNERS"] },
  { code: "owners/no-effective-entries", severity: "Warning", mirrors: "repoowners", quickFix: "—", kinds: ["OWNERS"] },
  { code: "owners/unreadable", severity: "Warning", mirrors: "(Kube Shepherd: file not readable as UTF-8 text)", quickFix: "—", kinds: ["OWNERS","OWNERS_ALIASES"] },
  { code: "kep/repo-layout", severity: "Error", mirrors: "kepval repo.NewRepo", quickFix: "—", kinds: ["other"] },
  { code: "kep/no-keps", severity: "Error", mirrors: "kepval walk \"must find more than zero KEPs\"", quickFix: "—", kinds: ["other"] },
  { code: "kep/readme-without-kep-yaml", severity: "Error", mirrors: "kepval walk \"metadata file missing for KEP\"", quickFix: "create `kep.yaml`", kinds: ["KEP README"] },
  { code: "kep/unvalidated-kep", severity: "Warning", mirrors: "kepval walk (skips it)", quickFix: "—", kinds: ["kep.yaml"] },
  { code: "kep/skipped-dir", severity: "Warning", mirrors: "kepval walk (skips `prod-readiness` dirs)", quickFix: "—", kinds: ["kep.yaml","KEP README","other"] },
  { code: "kep/unreadable", severity: "Error", mirrors: "KEPHandler.Parse (read error)", quickFix: "—", kinds: ["kep.yaml","PRR"] },
  { code: "kep/line-too-long", severity: "Error", mirrors: "KEPHandler.Parse (bufio.Scanner)", quickFix: "—", kinds: ["kep.yaml","PRR"] },
  { code: "kep/empty-document", severity: "Error", mirrors: "KEPHandler.Parse \"unmarshalling YAML: EOF\"", quickFix: "—", kinds: ["kep.yaml","PRR"] },
  { code: "kep/yaml-syntax", severity: "Error", mirrors: "KEPHandler.Parse / nodeapprovers.VerifyAll", quickFix: "—", kinds: ["kep.yaml","PRR"] },
  { code: "kep/unknown-key", severity: "Error", mirrors: "KEPHandler.Parse \"field X not found in type …\"", quickFix: "rename to the suggestion", kinds: ["kep.yaml","PRR"] },
  { code: "kep/duplicate-key", severity: "Error", mirrors: "KEPHandler.Parse \"mapping key already defined\"", quickFix: "—", kinds: ["kep.yaml","PRR"] },
  { code: "kep/type-mismatch", severity: "Error", mirrors: "KEPHandler.Parse \"cannot unmarshal …\"", quickFix: "—", kinds: ["kep.yaml","PRR"] },
  { code: "kep/required-field", severity: "Error", mirrors: "KEPHandler.Parse validator `required`; ValidatePRR", quickFix: "—", kinds: ["kep.yaml","PRR"] },
  { code: "kep/latest-milestone-invalid", severity: "Error", mirrors: "ValidatePRR (semver ParseTolerant)", quickFix: "`\"v1.NN\"`", kinds: ["kep.yaml"] },
  { code: "kep/prr-missing", severity: "Error", mirrors: "ValidatePRR \"open …: no such file\"", quickFix: "create the PRR file", kinds: ["kep.yaml"] },
  { code: "kep/prr-invalid", severity: "Error / Warning", mirrors: "ValidatePRR \"parsing PRR approval file\"", quickFix: "rename an unknown key", kinds: ["PRR"] },
  { code: "kep/prr-stage-missing", severity: "Error", mirrors: "ValidatePRR \"PRR milestone … not populated\"", quickFix: "add the stage entry", kinds: ["kep.yaml","PRR"] },
  { code: "kep/invalid-stage", severity: "Error / Warning / Information", mirrors: "ValidatePRR \"invalid stage\"; kepctl create", quickFix: "did-you-mean", kinds: ["kep.yaml","PRR"] },
  { code: "kep/prr-approver", severity: "Error", mirrors: "ValidatePRR \"not a PRR approver\"", quickFix: "correct the approver", kinds: ["PRR"] },
  { code: "kep/prr-orphan", severity: "Warning", mirrors: "—", quickFix: "—", kinds: ["PRR"] },
  { code: "kep/prr-number-mismatch", severity: "Warning", mirrors: "—", quickFix: "use the file name's number", kinds: ["PRR"] },
  { code: "kep/prr-earlier-stage", severity: "Information", mirrors: "—", quickFix: "—", kinds: ["kep.yaml","PRR"] },
  { code: "kep/dashes-line", severity: "Warning", mirrors: "KEPHandler.Parse `---` split", quickFix: "—", kinds: ["kep.yaml"] },
  { code: "kep/invalid-status", severity: "Warning", mirrors: "kepctl create", quickFix: "did-you-mean", kinds: ["kep.yaml"] },
  { code: "kep/implemented-not-stable", severity: "Warning", mirrors: "kepctl create", quickFix: "`stage: stable`", kinds: ["kep.yaml"] },
  { code: "kep/replaced-without-superseded-by", severity: "Warning", mirrors: "—", quickFix: "—", kinds: ["kep.yaml"] },
  { code: "kep/replaces-reciprocal", severity: "Warning", mirrors: "—", quickFix: "add the entry to the other KEP", kinds: ["kep.yaml"] },
  { code: "kep/ignored-key", severity: "Warning", mirrors: "yaml.v3 field-name fallback", quickFix: "remove the key", kinds: ["kep.yaml"] },
  { code: "kep/yaml11-bool", severity: "Warning", mirrors: "yaml.v3 YAML-1.1 booleans", quickFix: "`true`/`false`", kinds: ["kep.yaml"] },
  { code: "kep/unknown-sig", severity: "Warning", mirrors: "kepctl create", quickFix: "did-you-mean", kinds: ["kep.yaml"] },
  { code: "kep/owning-sig-dir", severity: "Warning / Information", mirrors: "—", quickFix: "—", kinds: ["kep.yaml"] },
  { code: "kep/owning-sig-participating", severity: "Information", mirrors: "—", quickFix: "—", kinds: ["kep.yaml"] },
  { code: "kep/kep-number-dir", severity: "Warning", mirrors: "—", quickFix: "use the directory's number", kinds: ["kep.yaml"] },
  { code: "kep/duplicate-kep-number", severity: "Warning", mirrors: "—", quickFix: "—", kinds: ["kep.yaml"] },
  { code: "kep/tbd", severity: "Warning", mirrors: "—", quickFix: "—", kinds: ["kep.yaml"] },
  { code: "kep/handle-format", severity: "Warning", mirrors: "—", quickFix: "`\"@login\"`", kinds: ["kep.yaml"] },
  { code: "kep/duplicate-person", severity: "Information", mirrors: "—", quickFix: "—", kinds: ["kep.yaml"] },
  { code: "kep/author-is-reviewer", severity: "Information", mirrors: "—", quickFix: "—", kinds: ["kep.yaml"] },
  { code: "kep/no-sig-lead-approver", severity: "Information", mirrors: "—", quickFix: "—", kinds: ["kep.yaml"] },
  { code: "kep/milestone-placeholder", severity: "Warning", mirrors: "ValidatePRR (0.0 < 1.21: PRR skipped)", quickFix: "—", kinds: ["kep.yaml"] },
  { code: "kep/milestone-format", severity: "Warning", mirrors: "—", quickFix: "`\"v1.NN\"`", kinds: ["kep.yaml"] },
  { code: "kep/milestone-order", severity: "Warning", mirrors: "—", quickFix: "—", kinds: ["kep.yaml"] },
  { code: "kep/milestone-mismatch", severity: "Information", mirrors: "—", quickFix: "—", kinds: ["kep.yaml"] },
  { code: "kep/milestone-stale", severity: "Information", mirrors: "—", quickFix: "—", kinds: ["kep.yaml"] },
  { code: "kep/milestone-future", severity: "Information", mirrors: "—", quickFix: "—", kinds: ["kep.yaml"] },
  { code: "kep/date-format", severity: "Warning", mirrors: "—", quickFix: "pad to `yyyy-mm-dd`", kinds: ["kep.yaml"] },
  { code: "kep/date-order", severity: "Warning", mirrors: "—", quickFix: "—", kinds: ["kep.yaml"] },
  { code: "kep/link-not-path", severity: "Information", mirrors: "—", quickFix: "—", kinds: ["kep.yaml"] },
  { code: "kep/link-target", severity: "Warning", mirrors: "—", quickFix: "the KEP directory with that number", kinds: ["kep.yaml"] },
  { code: "kep/feature-gate", severity: "Warning", mirrors: "—", quickFix: "—", kinds: ["kep.yaml"] },
  { code: "kep/feature-gate-component", severity: "Information", mirrors: "—", quickFix: "did-you-mean", kinds: ["kep.yaml"] },
  { code: "kep/metrics-missing", severity: "Information", mirrors: "—", quickFix: "—", kinds: ["kep.yaml"] },
  { code: "kep/toc-missing-start", severity: "Error", mirrors: "verify-toc.sh \"missing opening TOC tag\"", quickFix: "—", kinds: ["KEP README"] },
  { code: "kep/toc-missing-end", severity: "Error", mirrors: "verify-toc.sh \"missing closing TOC tag\"", quickFix: "—", kinds: ["KEP README"] },
  { code: "kep/toc-end-before-start", severity: "Error", mirrors: "verify-toc.sh \"TOC closing tag before start tag\"", quickFix: "—", kinds: ["KEP README"] },
  { code: "kep/toc-stale", severity: "Error", mirrors: "verify-toc.sh \"changes found\"", quickFix: "regenerate the TOC", kinds: ["KEP README"] },
  { code: "kep/readme-case", severity: "Warning", mirrors: "kepval looks for `README.md` exactly", quickFix: "—", kinds: ["KEP README"] },
  { code: "kep/missing-readme", severity: "Warning", mirrors: "—", quickFix: "—", kinds: ["kep.yaml"] },
  { code: "kep/readme-h1-format", severity: "Information", mirrors: "—", quickFix: "`# KEP-<n>: <title>`", kinds: ["KEP README"] },
  { code: "kep/readme-h1", severity: "Warning", mirrors: "—", quickFix: "`KEP-<kep-number>`", kinds: ["KEP README"] },
  { code: "kep/readme-title", severity: "Information", mirrors: "—", quickFix: "—", kinds: ["KEP README"] },
  { code: "kep/template-heading", severity: "Warning", mirrors: "verify-toc-vs-template.sh (non-blocking)", quickFix: "—", kinds: ["KEP README"] },
  { code: "kep/template-subheading", severity: "Information", mirrors: "verify-toc-vs-template.sh (non-blocking)", quickFix: "—", kinds: ["KEP README"] },
  { code: "kep/signoff-checklist", severity: "Warning", mirrors: "—", quickFix: "—", kinds: ["KEP README"] },
  { code: "kep/prr-questionnaire", severity: "Warning", mirrors: "—", quickFix: "—", kinds: ["KEP README"] },
  { code: "kep/unresolved", severity: "Warning", mirrors: "—", quickFix: "—", kinds: ["KEP README"] },
  { code: "kep/sig-node-marker", severity: "Error", mirrors: "nodeapprovers.VerifyAll", quickFix: "add the marker comment", kinds: ["kep.yaml"] },
  { code: "kep/sig-node-owners", severity: "Error", mirrors: "nodeapprovers.VerifyAll", quickFix: "—", kinds: ["OWNERS"] },
  { code: "kep/sig-node-tech-lead", severity: "Error", mirrors: "nodeapprovers.VerifyAllTechLeadApprovers", quickFix: "—", kinds: ["kep.yaml"] },
  { code: "suppression/unused", severity: "Warning", mirrors: "—", quickFix: "remove the comment", kinds: ["OWNERS","OWNERS_ALIASES","kep.yaml","PRR","KEP README","other"] },
  { code: "suppression/upstream-still-fails", severity: "Information", mirrors: "the suppressed Error's upstream check", quickFix: "—", kinds: ["OWNERS","OWNERS_ALIASES","kep.yaml","PRR","KEP README","other"] },
  { code: "config/invalid", severity: "Error", mirrors: "— (Kube Shepherd's own file)", quickFix: "—", kinds: ["other"] },
  { code: "github/unknown-login", severity: "Warning", mirrors: "—", quickFix: "—", kinds: ["OWNERS","OWNERS_ALIASES","kep.yaml"] },
  { code: "github/untrusted-login", severity: "Warning", mirrors: "verify-owners \"untrusted users\"", quickFix: "—", kinds: ["OWNERS","OWNERS_ALIASES","kep.yaml"] },
  { code: "github/not-org-member", severity: "Warning", mirrors: "—", quickFix: "—", kinds: ["OWNERS","OWNERS_ALIASES","kep.yaml"] },
];

/** One line for a rule: severity, what it mirrors upstream, and its quick fix, as in the summary table. */
export function ruleSummary(r: RuleInfo): string {
  const parts = [r.severity];
  if (r.mirrors !== '—') parts.push(`mirrors ${r.mirrors}`);
  if (r.quickFix !== '—') parts.push(`quick fix: ${r.quickFix}`);
  return parts.join(' · ');
}

export function rulesOfKind(kind: FileKind): (RuleInfo & { url: string; summary: string })[] {
  return RULE_CATALOG.filter((r) => r.kinds.includes(kind)).map((r) => ({ ...r, url: ruleDocUrl(r.code), summary: ruleSummary(r) }));
}
