import type { Locale } from '../domain/person';
import type { LearningSession } from '../domain/session';
import { adaptiveCard, heading, paragraph } from './adaptive-card';
import type { AdaptiveCard } from './adaptive-card';
import { clip, formatShortWhen, formatWhen } from './session-text';
import { st } from './session-strings';
import type { SessionStringKey } from './session-strings';

/** A short message card: an answer to an action that has nothing else to show. */
export function sessionMessageCard(text: string, tone: 'default' | 'attention' | 'good' = 'default'): AdaptiveCard {
  return adaptiveCard([{ type: 'TextBlock', text, wrap: true, ...(tone !== 'default' ? { color: tone } : {}) }]);
}

/** In the invite's thread, `minutesBefore` the start. */
export function reminderCard(session: LearningSession, minutesBefore: number, locale: Locale, timeZone: string): AdaptiveCard {
  const when = minutesBefore >= 12 * 60 ? st(locale, 'reminderIn24h') : st(locale, 'reminderSoon', { minutes: minutesBefore });
  return adaptiveCard(
    [
      heading(st(locale, 'reminderTitle', { title: clip(session.title, 120), when })),
      paragraph(formatWhen(session, locale, timeZone)),
      paragraph(st(locale, 'reminderBody', { going: session.counts.yes }), true),
    ],
    session.onlineUrl ? [{ type: 'Action.OpenUrl', title: st(locale, 'join'), url: session.onlineUrl }] : [],
  );
}

export type PersonNotice = 'waitlistPromoted' | 'sessionCancelled';

const NOTICE_TEXT: Record<PersonNotice, { readonly title: SessionStringKey; readonly body: SessionStringKey }> = {
  waitlistPromoted: { title: 'promotedTitle', body: 'promotedBody' },
  sessionCancelled: { title: 'cancelledTitle', body: 'cancelledBody' },
};

/** A direct message about one session ("you're in", "cancelled"). */
export function personNoticeCard(notice: PersonNotice, session: LearningSession, locale: Locale, timeZone: string): AdaptiveCard {
  const values = { title: clip(session.title, 120), when: formatShortWhen(session.startsAt, locale, timeZone) };
  return adaptiveCard([heading(st(locale, NOTICE_TEXT[notice].title, values)), paragraph(st(locale, NOTICE_TEXT[notice].body, values))]);
}

export interface MySessionLine {
  readonly session: LearningSession;
  readonly role: 'host' | 'teacher' | 'leader' | 'attendee' | 'waitlisted';
}

/** `my sessions`: the person's upcoming sessions with their role. */
export function mySessionsCard(lines: readonly MySessionLine[], locale: Locale, timeZone: string): AdaptiveCard {
  if (lines.length === 0) return adaptiveCard([heading(st(locale, 'mySessionsTitle')), paragraph(st(locale, 'mySessionsNone'))]);
  const shown = lines.slice(0, 20);
  return adaptiveCard([
    heading(st(locale, 'mySessionsTitle')),
    {
      type: 'FactSet',
      facts: shown.map((l) => ({
        title: formatShortWhen(l.session.startsAt, locale, timeZone),
        value: `${clip(l.session.title, 80)} — ${st(locale, `role_${l.role}`)}`,
      })),
    },
  ]);
}

/** `shareTip` belongs to a later issue (F9); its dialog answers kindly instead of failing. */
export function shareTipSoonCard(locale: Locale): AdaptiveCard {
  return adaptiveCard([heading(st(locale, 'shareTipTitle')), paragraph(st(locale, 'shareTipSoon'))]);
}
