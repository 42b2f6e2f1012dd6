/** Prow's md-yaml front matter: `^---\n(.|\n)*\n---` — greedy, so it runs to the LAST `\n---` of the file. */
export function mdFrontMatter(text: string): string {
  if (!text.startsWith('---\n')) return '';
  const last = text.lastIndexOf('\n---');
  if (last < 4) return '';
  return text.slice(0, last + 4);
}
