import type { BuddyPerson } from '../../domain/buddies/buddy-service-contract';
import type { BuddyReason, MeetMode, Weekday } from '../../domain/buddies/buddy';
import { SEEDED_TAXONOMY } from '../../domain/experts/skill-taxonomy';
import { isFormerColleague } from '../../domain/shared/person';
import type { Locale } from '../../domain/shared/person';
import { t } from '../shared/i18n';
import { clip, personName, userText } from '../shared/user-text';

/** How the buddy cards word a pair: names, the reason, days and modes, a date; shared by the intro, check-in and status cards. */

const NAME_MAX = 80;
const SKILL_MAX = 60;

/** "Noor", "Noor and Sanne": names as card text (escaped; an erased person reads "a former colleague"). */
export function buddyNames(buddies: readonly BuddyPerson[], locale: Locale): string {
  const names = buddies.map((b) => personName(b.userId, b.displayName, locale, NAME_MAX));
  return joinAnd(names, locale);
}

/** The same names as plain text, for places that are not Markdown (a notification, a meeting subject). */
export function plainBuddyNames(buddies: readonly BuddyPerson[], locale: Locale): string {
  return joinAnd(
    buddies.map((b) => (isFormerColleague(b.userId) ? t(locale, 'common:formerColleague') : clip(b.displayName.trim() || '—', NAME_MAX))),
    locale,
  );
}

function joinAnd(parts: readonly string[], locale: Locale): string {
  if (parts.length <= 1) return parts[0] ?? '—';
  const and = locale === 'nl' ? ' en ' : ' and ';
  return `${parts.slice(0, -1).join(', ')}${and}${parts[parts.length - 1] ?? ''}`;
}

/**
 * A skill of a pair's reason as people write it: the reason carries the matching's keys (`powerbi`), so a
 * catalogue skill reads by its name (Power BI), any other as the pair's profiles spell it, else its key;
 * always as user text.
 */
export function skillName(key: string, names: Readonly<Record<string, string>> = {}): string {
  const own = Object.hasOwn(names, key) ? names[key] : undefined;
  return userText(SEEDED_TAXONOMY.byCompactKey(key)?.name ?? own ?? key, SKILL_MAX);
}

/**
 * The reason in the reader's words: "Noor can teach you Power BI; you can teach Noor facilitation". In a
 * trio a match between the other two names both. Empty when the pair shares no skill.
 */
export function reasonLines(
  reader: string,
  buddies: readonly BuddyPerson[],
  reason: BuddyReason,
  locale: Locale,
  names: Readonly<Record<string, string>> = {},
): string[] {
  const nameOf = (userId: string) => personName(userId, buddies.find((b) => b.userId === userId)?.displayName, locale, NAME_MAX);
  return reason.teaches.map((m) => {
    const skill = skillName(m.skill, names);
    if (m.to === reader) return t(locale, 'buddies:reasonTheyTeachYou', { name: nameOf(m.from), skill });
    if (m.from === reader) return t(locale, 'buddies:reasonYouTeachThem', { name: nameOf(m.to), skill });
    return t(locale, 'buddies:reasonTheyTeachThem', { from: nameOf(m.from), to: nameOf(m.to), skill });
  });
}

/** The reason lines as one sentence, capitalised. */
export function reasonSentence(lines: readonly string[]): string {
  const text = lines.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const dayNames = (days: readonly Weekday[], locale: Locale): string => days.map((d) => t(locale, `buddies:day_${d}`)).join(', ');

export const modeNames = (modes: readonly MeetMode[], locale: Locale): string =>
  modes.map((m) => t(locale, m === 'inPerson' ? 'buddies:modeInPerson' : 'buddies:modeOnline')).join(', ');

/** "Thu 3 Dec, 12:00" in the pool's zone and the reader's language. */
export function shortWhen(instant: string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(new Date(instant));
}
