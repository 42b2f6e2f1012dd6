/** gomarkdown's HTML renderer (html/renderer.go) for the inline nodes a heading can hold: the TOC entry's label. */
import { type Inline } from './ast';
import { goHtmlUnescape } from './htmlUnescape';

/** gomarkdown's HTML for a heading's inline nodes (RendererOptions{}: no smartypants, no safelink). */
export function renderInlines(nodes: Inline[], parentIsLink = false): string {
  let out = '';
  for (const n of nodes) {
    switch (n.t) {
      case 'text':
        // Text directly inside a link is entity-decoded first (EscLink), elsewhere only escaped.
        out += parentIsLink ? escapeHTML(goHtmlUnescape(n.s)) : escapeHTML(n.s);
        break;
      case 'code':
        out += '<code>' + escapeHTML(n.s) + '</code>';
        break;
      case 'html':
        out += n.s;
        break;
      case 'math':
        out += '<span class="math inline">\\(' + escapeHTML(n.s) + '\\)</span>';
        break;
      case 'break':
        out += '<br>\n';
        break;
      case 'emph':
      case 'strong':
      case 'del': {
        const tag = n.t === 'emph' ? 'em' : n.t;
        out += '<' + tag + '>' + renderInlines(n.children) + '</' + tag + '>';
        break;
      }
      case 'link':
        out += '<a href="' + escapeHTML(goHtmlUnescape(n.dest)) + '"';
        if (n.title.length > 0) out += ' title="' + escapeHTML(n.title) + '"';
        out += '>' + renderInlines(n.children, true) + '</a>';
        break;
      case 'image':
        out += '<img src="' + escapeHTML(goHtmlUnescape(n.dest)) + '" alt="' + escapeHTML(n.alt) + '"';
        // Unlike links, images test the title for nil, not for emptiness.
        if (n.title !== undefined) out += ' title="' + escapeHTML(n.title) + '"';
        out += ' />';
        break;
    }
  }
  return out;
}

function escapeHTML(s: string): string {
  if (!/[&<>"]/.test(s)) return s;
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}
