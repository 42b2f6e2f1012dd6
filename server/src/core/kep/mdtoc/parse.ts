/** The pipeline from a document to its headings: block scan first, then inline parsing of each heading. */
import { type Heading } from './ast';
import { BlockScanner } from './blocks';
import { bytesOf } from './bytes';
import { InlineParser } from './inline';

/** All headings of a document in tree order, with their inline content parsed. Title blocks never occur here. */
export function parseHeadings(markdown: string): Heading[] {
  const parser = new BlockScanner();
  // Parse() normalises CR and CRLF to LF before anything else.
  parser.block(bytesOf(markdown.includes('\r') ? markdown.replace(/\r\n?/g, '\n') : markdown));
  // Inline content is parsed after all blocks, so link references defined later in the file already resolve.
  const inline = new InlineParser(parser.refs);
  for (const h of parser.headings) h.children = inline.parse(h.content);
  return parser.headings;
}
