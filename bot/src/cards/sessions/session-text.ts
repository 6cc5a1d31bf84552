import type { Locale } from '../../domain/shared/person';
import type { LearningSession } from '../../domain/sessions/session';
import { sessionEndsAt } from '../../domain/sessions/session';

const intlLocale = (locale: Locale): string => (locale === 'nl' ? 'nl-NL' : 'en-GB');

/** "Thursday 3 December 2026, 14:00–15:00" in the team's zone and the reader's language. */
export function formatWhen(session: Pick<LearningSession, 'startsAt' | 'durationMinutes'>, locale: Locale, timeZone: string): string {
  const start = new Date(session.startsAt);
  const day = new Intl.DateTimeFormat(intlLocale(locale), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).format(start);
  const time = new Intl.DateTimeFormat(intlLocale(locale), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
  return `${day}, ${time.format(start)}–${time.format(sessionEndsAt(session))}`;
}

/** "Thu 3 Dec, 14:00" for lists. */
export function formatShortWhen(startsAt: string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(new Date(startsAt));
}

/** The zone's city for form labels: "Europe/Amsterdam" → "Amsterdam". */
export const zoneLabel = (timeZone: string): string => (timeZone.split('/').pop() ?? timeZone).replace(/_/g, ' ');

/** Teams identifies users in `refresh.userIds` by MRI; for an Entra user that is `8:orgid:<object id>`. */
export const userMri = (userId: string): string => `8:orgid:${userId}`;
