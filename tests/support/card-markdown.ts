/**
 * The Markdown Teams applies to a card's TextBlocks and Fact values, for the renderer's `onProcessMarkdown`: the
 * subset Adaptive Cards document (bold, italic, links, bulleted and numbered lists) plus what a CommonMark
 * processor also does with headings, strike-through, code, raw inline HTML (`<at>`), entities and backslash
 * escapes. No Markdown library is installed, so this is a small one, strict where it matters: anything that is
 * markup here becomes an element, so text that stays text is text Teams would not format either.
 */
const PUNCT = /[!-/:-@[-`{-~]/;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0' };
const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function inline(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const ch = text[i] ?? '';
    if (ch === '\\' && PUNCT.test(text[i + 1] ?? '')) {
      out += html(text[i + 1] ?? '');
      i += 2;
      continue;
    }
    const entity = /^&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]+);/i.exec(rest);
    if (entity) {
      const name = entity[1] ?? '';
      const decoded = name.startsWith('#x')
        ? String.fromCodePoint(parseInt(name.slice(2), 16))
        : name.startsWith('#')
          ? String.fromCodePoint(Number(name.slice(1)))
          : ENTITIES[name];
      if (decoded !== undefined) {
        out += `<span data-md="entity">${html(decoded)}</span>`;
        i += entity[0].length;
        continue;
      }
    }
    const tag = /^<\/?[a-z][a-z0-9-]*(\s[^<>]*)?\/?>/i.exec(rest);
    if (tag) {
      out += tag[0]; // raw inline HTML, as CommonMark passes it on
      i += tag[0].length;
      continue;
    }
    const link = /^!?\[((?:\\.|[^\]\\])*)\]\(([^()\s]*)\)/.exec(rest);
    if (link) {
      out += `<a href="${html(link[2] ?? '')}">${inline(link[1] ?? '')}</a>`;
      i += link[0].length;
      continue;
    }
    const code = /^`([^`]+)`/.exec(rest);
    if (code) {
      out += `<code>${html(code[1] ?? '')}</code>`;
      i += code[0].length;
      continue;
    }
    const emphasis = /^(\*\*|__|~~|\*|_)(?=\S)((?:\\.|(?!\1).)+?)\1/.exec(rest);
    if (emphasis) {
      const element = { '**': 'strong', __: 'strong', '~~': 'del', '*': 'em', _: 'em' }[emphasis[1] ?? ''] ?? 'em';
      out += `<${element}>${inline(emphasis[2] ?? '')}</${element}>`;
      i += emphasis[0].length;
      continue;
    }
    out += html(ch);
    i += 1;
  }
  return out;
}

export function renderCardMarkdown(text: string): string {
  const blocks: string[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const heading = /^ {0,3}(#{1,6})\s+(.*)$/.exec(line);
    const bullet = /^ {0,3}[-+*]\s+(.*)$/.exec(line);
    const ordered = /^ {0,3}\d{1,9}[.)]\s+(.*)$/.exec(line);
    const quote = /^ {0,3}>\s?(.*)$/.exec(line);
    const setext = /^ {0,3}(=+|-{2,})\s*$/.test(line) && blocks.length > 0;
    if (heading) blocks.push(`<h${heading[1]?.length ?? 1}>${inline(heading[2] ?? '')}</h${heading[1]?.length ?? 1}>`);
    else if (bullet) blocks.push(`<ul><li>${inline(bullet[1] ?? '')}</li></ul>`);
    else if (ordered) blocks.push(`<ol><li>${inline(ordered[1] ?? '')}</li></ol>`);
    else if (quote) blocks.push(`<blockquote>${inline(quote[1] ?? '')}</blockquote>`);
    else if (setext) blocks.push(`<h2>${blocks.pop() ?? ''}</h2>`);
    else blocks.push(`<p>${inline(line)}</p>`);
  }
  return blocks.join('');
}
