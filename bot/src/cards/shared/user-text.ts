import { isFormerColleague } from '../../domain/shared/person';
import type { Locale } from '../../domain/shared/person';
import { t } from './i18n';
/**
 * What people typed, on its way into a card. Teams reads a TextBlock's text and a Fact's value as Markdown, so a
 * session titled `[Re-verify your account](https://evil.example)` would be a working link posted by the bot.
 * Every builder passes user text through `userText` where it enters a TextBlock, a Fact value or a text's
 * `{{placeholder}}`; the cards' own texts keep their Markdown (`**help**`).
 */

/** Cards repeat user text; keep it within a size that keeps every card under 20 KB. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * CommonMark backslash escapes (any ASCII punctuation may be escaped) for every character that can start Markdown
 * or HTML inline: links and images (`[`, `]`), emphasis and strike-through (`*`, `_`, `~`), code (`` ` ``), raw HTML
 * such as `<at>` mentions (`<`, `>`), entities (`&`) and the backslash itself; and, at the start of a line, the
 * block markers: headings (`#`), lists (`-`, `+`, `1.`, `1)`), setext underlines (`=`, `-`).
 */
export function escapeCardMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\\`*_[\]<>&~]/g, '\\$&')
    .replace(/^([ \t]*)([#+=-])/gm, '$1\\$2')
    .replace(/^([ \t]*\d+)([.)])/gm, '$1\\$2');
}

/** User text for a card: clipped to `max` characters, then escaped so it reads exactly as typed. */
export function userText(text: string, max: number): string {
  return escapeCardMarkdown(clip(text, max));
}

/**
 * A person's name in a card: "a former colleague" where an erased person stood (their id replaced, their name
 * gone), otherwise the stored name as user text, or a dash when the name is unknown.
 */
export function personName(userId: string | undefined, name: string | undefined, locale: Locale, max = 80): string {
  if (userId !== undefined && isFormerColleague(userId)) return t(locale, 'common:formerColleague');
  return userText(name?.trim() || '—', max);
}
