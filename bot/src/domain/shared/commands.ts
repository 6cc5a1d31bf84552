import type { Locale } from './person';

/** The bot's text commands (DESIGN.md, Teams contract), in both languages. */
export const COMMAND_IDS = [
  'help',
  'newSession',
  'mySessions',
  'whoKnows',
  'mySkills',
  'mySkillsOnly',
  'thanks',
  'wantToLearn',
  'requestAlerts',
  'exportMyData',
  'deleteMyData',
  'buddy',
  'myBuddy',
  'unknown',
] as const;
export type CommandId = (typeof COMMAND_IDS)[number];

export interface ParsedCommand {
  readonly id: CommandId;
  /** The language the person typed the command in, when the command tells. */
  readonly locale?: Locale;
  /** The whole text, normalised (spaces collapsed, trimmed). */
  readonly text: string;
  /** What follows the command word: the X of "who knows X", the list of "my skills: a, b", the message of "thanks @x …". */
  readonly argument: string;
}

interface Pattern {
  readonly id: Exclude<CommandId, 'unknown'>;
  readonly re: RegExp;
  /** Absent when both languages type it the same (`buddy stop`): the activity's locale decides. */
  readonly locale?: Locale;
}

// Order matters: the first match wins. An argument, where there is one, is the last capture group.
const PATTERNS: readonly Pattern[] = [
  { id: 'help', re: /^(help|\?)$/i, locale: 'en' },
  { id: 'help', re: /^(hulp|help mij)$/i, locale: 'nl' },
  { id: 'newSession', re: /^(new session|plan (a )?session)$/i, locale: 'en' },
  { id: 'newSession', re: /^(nieuwe sessie|sessie plannen)$/i, locale: 'nl' },
  { id: 'mySessions', re: /^my sessions$/i, locale: 'en' },
  { id: 'mySessions', re: /^mijn sessies$/i, locale: 'nl' },
  { id: 'whoKnows', re: /^who knows( about)?\s*(.*?)\??$/i, locale: 'en' },
  { id: 'whoKnows', re: /^wie kent( er)?\s*(.*?)\??$/i, locale: 'nl' },
  { id: 'whoKnows', re: /^wie weet( er)? (iets )?van\s*(.*?)\??$/i, locale: 'nl' },
  // "my skills only: a, b" replaces the list; plain "my skills: a, b" adds to it (so it must come after).
  { id: 'mySkillsOnly', re: /^(?:my skills only|only my skills)\s*:?\s*(.*)$/i, locale: 'en' },
  { id: 'mySkillsOnly', re: /^(?:alleen mijn vaardigheden|mijn vaardigheden alleen)\s*:?\s*(.*)$/i, locale: 'nl' },
  { id: 'mySkills', re: /^my skills\s*:?\s*(.*)$/i, locale: 'en' },
  { id: 'mySkills', re: /^mijn vaardigheden\s*:?\s*(.*)$/i, locale: 'nl' },
  { id: 'thanks', re: /^(thanks|thank you|kudos)\b\s*(.*)$/i, locale: 'en' },
  { id: 'thanks', re: /^(bedankt|dankjewel|dank je( wel)?)\b\s*(.*)$/i, locale: 'nl' },
  // Learning requests (DESIGN F7): "I want to learn X" / "ik wil X leren".
  { id: 'wantToLearn', re: /^i(?: would like| want| wanna) to learn\b\s*(.*?)\??$/i, locale: 'en' },
  { id: 'wantToLearn', re: /^ik wil\s*(.*?)\s*leren$/i, locale: 'nl' },
  // Issue #12: messages about new learning requests for a skill the person teaches, on or off.
  { id: 'requestAlerts', re: /^request alerts (on|off)$/i, locale: 'en' },
  { id: 'requestAlerts', re: /^(?:leervraag)?meldingen (aan|uit)$/i, locale: 'nl' },
  // Privacy (DESIGN F13): a person's own data, out or gone.
  { id: 'exportMyData', re: /^(export|download) my data$/i, locale: 'en' },
  { id: 'exportMyData', re: /^(exporteer|download) mijn gegevens$/i, locale: 'nl' },
  { id: 'deleteMyData', re: /^(delete|erase|remove) my data$/i, locale: 'en' },
  { id: 'deleteMyData', re: /^(verwijder|wis) mijn gegevens$/i, locale: 'nl' },
  // Learning buddies (DESIGN F8): one command for in, pause and out (the manifest's lists hold ten each), then the status.
  { id: 'buddy', re: /^buddy stop$/i },
  { id: 'buddy', re: /^buddy (me|pause)$/i, locale: 'en' },
  { id: 'buddy', re: /^(koppel (mij|stop)|buddy pauze)$/i, locale: 'nl' },
  { id: 'myBuddy', re: /^my buddy$/i, locale: 'en' },
  { id: 'myBuddy', re: /^mijn buddy$/i, locale: 'nl' },
];

/** What a `buddy` command asks: take part, skip the next round, or stop (its last word, in either language). */
export function buddyCommandAction(command: Pick<ParsedCommand, 'text'>): 'join' | 'skip' | 'leave' {
  const last = command.text.toLowerCase().split(' ').pop() ?? '';
  if (last === 'pause' || last === 'pauze') return 'skip';
  return last === 'stop' ? 'leave' : 'join';
}

/** Whether a `requestAlerts` command turns the alerts on ("on" / "aan") or off. */
export const requestAlertsWanted = (command: Pick<ParsedCommand, 'text'>): boolean => /\b(on|aan)$/i.test(command.text);

/** Case-insensitive; ignores surrounding spaces and a trailing full stop or exclamation mark. */
export function parseCommand(raw: string): ParsedCommand {
  const text = raw
    // Control characters from a pasted text never mean anything to a command.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.!]+$/, '');
  for (const p of PATTERNS) {
    const match = p.re.exec(text);
    if (match) {
      const argument = p.re.source.includes('(.*') ? (match[match.length - 1] ?? '').trim() : '';
      return { id: p.id, ...(p.locale ? { locale: p.locale } : {}), text, argument };
    }
  }
  return { id: 'unknown', text, argument: '' };
}
