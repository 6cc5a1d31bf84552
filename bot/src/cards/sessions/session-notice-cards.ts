import type { Locale } from '../../domain/shared/person';
import type { LearningSession, NamedRole } from '../../domain/sessions/session';
import { adaptiveCard, heading, paragraph } from '../shared/adaptive-card';
import type { AdaptiveCard } from '../shared/adaptive-card';
import { formatShortWhen, formatWhen } from './session-text';
import { userText } from '../shared/user-text';
import { t } from '../shared/i18n';
import type { CardKey } from '../shared/i18n';

/** A short message card: an answer to an action that has nothing else to show. */
export function sessionMessageCard(text: string, tone: 'default' | 'attention' | 'good' = 'default'): AdaptiveCard {
  return adaptiveCard([{ type: 'TextBlock', text, wrap: true, ...(tone !== 'default' ? { color: tone } : {}) }]);
}

/** Teams choose their reminder times (team-settings.ts), so the card says how far off the start is in words that fit. */
export function reminderWhen(minutesBefore: number, locale: Locale): string {
  if (minutesBefore < 90) return t(locale, 'sessions:reminderSoon', { minutes: minutesBefore });
  if (minutesBefore < 20 * 60) return t(locale, 'sessions:reminderInHours', { hours: Math.round(minutesBefore / 60) });
  if (minutesBefore <= 28 * 60) return t(locale, 'sessions:reminderIn24h');
  return t(locale, 'sessions:reminderInDays', { count: Math.round(minutesBefore / (24 * 60)) });
}

/** In the invite's thread, `minutesBefore` the start. */
export function reminderCard(session: LearningSession, minutesBefore: number, locale: Locale, timeZone: string): AdaptiveCard {
  const when = reminderWhen(minutesBefore, locale);
  return adaptiveCard(
    [
      heading(t(locale, 'sessions:reminderTitle', { title: userText(session.title, 120), when })),
      paragraph(formatWhen(session, locale, timeZone)),
      paragraph(t(locale, 'sessions:reminderBody', { going: session.counts.yes }), true),
    ],
    session.onlineUrl ? [{ type: 'Action.OpenUrl', title: t(locale, 'sessions:join'), url: session.onlineUrl }] : [],
  );
}

export type PersonNotice = 'waitlistPromoted' | 'sessionCancelled';

const NOTICE_TEXT: Record<PersonNotice, { readonly title: CardKey; readonly body: CardKey }> = {
  waitlistPromoted: { title: 'sessions:promotedTitle', body: 'sessions:promotedBody' },
  sessionCancelled: { title: 'sessions:cancelledTitle', body: 'sessions:cancelledBody' },
};

/** A direct message about one session ("you're in", "cancelled"). */
export function personNoticeCard(notice: PersonNotice, session: LearningSession, locale: Locale, timeZone: string): AdaptiveCard {
  const values = { title: userText(session.title, 120), when: formatShortWhen(session.startsAt, locale, timeZone) };
  return adaptiveCard([heading(t(locale, NOTICE_TEXT[notice].title, values)), paragraph(t(locale, NOTICE_TEXT[notice].body, values))]);
}

interface NamedNotice {
  readonly session: LearningSession;
  readonly role: NamedRole;
  /** The host's display name, when known. */
  readonly hostName: string | undefined;
}

/**
 * To a teacher or discussion leader the host named: who, which session and when (in the team's zone),
 * a button that shows the session's invite, and "I can't", which takes them off it and tells the host.
 */
export function namedNoticeCard(notice: NamedNotice, locale: Locale, timeZone: string): AdaptiveCard {
  const { session } = notice;
  const host = notice.hostName === undefined ? t(locale, 'sessions:namedSomeone') : userText(notice.hostName, 80);
  const title = t(locale, notice.role === 'teacher' ? 'sessions:namedTeacherTitle' : 'sessions:namedLeaderTitle', {
    host,
    title: userText(session.title, 120),
    when: formatWhen(session, locale, timeZone),
  });
  const data = { teamId: session.teamId, sessionId: session.sessionId };
  return adaptiveCard(
    [heading(title), paragraph(t(locale, 'sessions:namedBody', { host }), true)],
    [
      { type: 'Action.Execute', title: t(locale, 'sessions:namedOpen'), verb: 'refresh', data },
      { type: 'Action.Execute', title: t(locale, 'sessions:namedDecline'), verb: 'declineRole', data, style: 'destructive' },
    ],
  );
}

/** To the host: a teacher or discussion leader they named cannot, and is off the session now. */
export function roleDeclinedCard(session: LearningSession, declinedBy: string | undefined, locale: Locale, timeZone: string): AdaptiveCard {
  const name = declinedBy === undefined ? t(locale, 'sessions:declinedSomeone') : userText(declinedBy, 80);
  return adaptiveCard([
    heading(t(locale, 'sessions:declinedTitle', { name, title: userText(session.title, 120) })),
    paragraph(t(locale, 'sessions:declinedBody', { when: formatWhen(session, locale, timeZone) })),
  ]);
}

interface MySessionLine {
  readonly session: LearningSession;
  readonly role: 'host' | 'teacher' | 'leader' | 'attendee' | 'waitlisted';
}

/** `my sessions`: the person's upcoming sessions with their role. */
export function mySessionsCard(lines: readonly MySessionLine[], locale: Locale, timeZone: string): AdaptiveCard {
  if (lines.length === 0)
    return adaptiveCard([heading(t(locale, 'sessions:mySessionsTitle')), paragraph(t(locale, 'sessions:mySessionsNone'))]);
  const shown = lines.slice(0, 20);
  return adaptiveCard([
    heading(t(locale, 'sessions:mySessionsTitle')),
    {
      type: 'FactSet',
      facts: shown.map((l) => ({
        title: formatShortWhen(l.session.startsAt, locale, timeZone),
        value: `${userText(l.session.title, 80)} — ${t(locale, `sessions:role_${l.role}`)}`,
      })),
    },
  ]);
}
