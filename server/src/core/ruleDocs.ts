/** Where each diagnostic code is documented: a section of docs/rules.md, linked from every diagnostic. */
export const RULES_DOC_URL = 'https://github.com/kube-shepherd/kube-shepherd/blob/main/docs/rules.md';

/** GitHub's anchor for a `### \`code\`` heading: lower-case, punctuation other than '-' dropped. */
export function ruleAnchor(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9 _-]/g, '').replace(/ /g, '-');
}

export function ruleDocUrl(code: string): string {
  return `${RULES_DOC_URL}#${ruleAnchor(code)}`;
}
