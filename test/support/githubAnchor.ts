/** GitHub's anchor for a Markdown heading, computed independently of ruleAnchor (so tests check one against the other). */
export function githubAnchor(heading: string): string {
  return heading
    .replace(/`/g, '')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M} _-]/gu, '')
    .replace(/ /g, '-');
}
