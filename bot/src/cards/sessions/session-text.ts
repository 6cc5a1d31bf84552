import type { Locale } from '../../domain/shared/person';
import type { LearningSession } from '../../domain/sessions/session';
import { sessionEndsAt } from '../../domain/sessions/session';

const intlLocale = (locale: Locale): string => (locale === 'nl' ? 'nl-NL' : 'en-GB');

// Building an Intl.DateTimeFormat costs far more than using one (about 1 ms of an RSVP's answer for
// two of them); a card is built per answer, so each (kind, locale, zone) is built once.
const formats = new Map<string, Intl.DateTimeFormat>();
function formatOf(kind: 'day' | 'time' | 'short', locale: Locale, timeZone: string): Intl.DateTimeFormat {
  const key = `${kind}|${locale}|${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'day'
        ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }
        : kind === 'time'
          ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
          : { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
    format = new Intl.DateTimeFormat(intlLocale(locale), { ...options, timeZone });
    // Zones come from team settings: a few per tenant, but never let the map grow without end.
    if (formats.size > 1_000) formats.clear();
    formats.set(key, format);
  }
  return format;
}

/** "Thursday 3 December 2026, 14:00–15:00" in the team's zone and the reader's language. */
export function formatWhen(session: Pick<LearningSession, 'startsAt' | 'durationMinutes'>, locale: Locale, timeZone: string): string {
  const start = new Date(session.startsAt);
  const time = formatOf('time', locale, timeZone);
  return `${formatOf('day', locale, timeZone).format(start)}, ${time.format(start)}–${time.format(sessionEndsAt(session))}`;
}

/** "Thu 3 Dec, 14:00" for lists. */
export function formatShortWhen(startsAt: string, locale: Locale, timeZone: string): string {
  return formatOf('short', locale, timeZone).format(new Date(startsAt));
}

/** The zone's city for form labels: "Europe/Amsterdam" → "Amsterdam". */
export const zoneLabel = (timeZone: string): string => (timeZone.split('/').pop() ?? timeZone).replace(/_/g, ' ');

/** Teams identifies users in `refresh.userIds` by MRI; for an Entra user that is `8:orgid:<object id>`. */
export const userMri = (userId: string): string => `8:orgid:${userId}`;
