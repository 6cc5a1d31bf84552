import type { Locale } from './person';

/** The bot's text commands (DESIGN.md, Teams contract). Later issues add more ids here. */
export type CommandId = 'help' | 'unknown';

export interface ParsedCommand {
  readonly id: CommandId;
  /** The language the person typed the command in, when the command tells. */
  readonly locale?: Locale;
  readonly text: string;
}

const PATTERNS: readonly { readonly id: Exclude<CommandId, 'unknown'>; readonly re: RegExp; readonly locale: Locale }[] = [
  { id: 'help', re: /^(help|\?)$/i, locale: 'en' },
  { id: 'help', re: /^(hulp|help mij|helpen)$/i, locale: 'nl' },
];

/** Case-insensitive; ignores surrounding spaces and a trailing full stop or exclamation mark. */
export function parseCommand(raw: string): ParsedCommand {
  const text = raw.replace(/\s+/g, ' ').trim().replace(/[.!]+$/, '');
  for (const p of PATTERNS) {
    if (p.re.test(text)) return { id: p.id, locale: p.locale, text };
  }
  return { id: 'unknown', text };
}
