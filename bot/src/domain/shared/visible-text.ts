/**
 * Whitespace and the zero-width characters (ZWSP, ZWNJ, ZWJ, word joiner, BOM) that String.trim leaves:
 * a title of only these looks empty on every card and list, so it counts as empty.
 */
const EDGES = /^[\s\u200B-\u200D\u2060\uFEFF]+|[\s\u200B-\u200D\u2060\uFEFF]+$/g;

/** The text without invisible characters at either end; inner ones (a ZWJ inside an emoji) stay. */
export function trimInvisible(text: string): string {
  return text.replace(EDGES, '');
}
