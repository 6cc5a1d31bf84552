import type { Locale } from '../../domain/shared/person';
import type { LearningSession, Rsvp, RsvpResponse } from '../../domain/sessions/session';
import { adaptiveCard, paragraph } from '../shared/adaptive-card';
import type { AdaptiveCard, CardAction, CardElement, ExecuteAction, Fact } from '../shared/adaptive-card';
import { formatWhen, userMri } from './session-text';
import { personName, userText } from '../shared/user-text';
import { isFormerColleague } from '../../domain/shared/person';
import { t } from '../shared/i18n';
import type { CardKey } from '../shared/i18n';
import { skillsText } from '../shared/skill-text';

/** Teams refreshes the card automatically for at most 60 listed users. */
const MAX_REFRESH_USERS = 60;

export interface InviteView {
  readonly session: LearningSession;
  /** Display names of the host, teachers and discussion leader. */
  readonly names: ReadonlyMap<string, string>;
  readonly timeZone: string;
  /** Signed `.ics` link (see domain/sessions/session-links.ts). */
  readonly calendarUrl: string;
  /** The people who answered last, newest first: they get the automatic refresh. */
  readonly recentResponders: readonly string[];
  readonly now: Date;
}

export interface InviteViewer {
  readonly userId: string;
  readonly rsvp?: Rsvp;
  readonly questionCount?: number;
}

/** The data every session action carries: the card's session and team, checked against the invoke's team and tenant. */
export const sessionActionData = (session: Pick<LearningSession, 'sessionId' | 'teamId'>) => ({
  sessionId: session.sessionId,
  teamId: session.teamId,
});

const RESPONSES: readonly { readonly response: RsvpResponse; readonly title: CardKey }[] = [
  { response: 'yes', title: 'sessions:rsvpYes' },
  { response: 'maybe', title: 'sessions:rsvpMaybe' },
  { response: 'no', title: 'sessions:rsvpNo' },
];

function nameOf(view: InviteView, userId: string, locale: Locale): string {
  return personName(userId, view.names.get(userId), locale);
}

function statusLine(viewer: InviteViewer, locale: Locale): string {
  const r = viewer.rsvp;
  if (!r) return t(locale, 'sessions:yourStatusNone');
  if (r.response === 'yes') return t(locale, r.waitlisted ? 'sessions:yourStatusWaitlisted' : 'sessions:yourStatusYes');
  return t(locale, r.response === 'maybe' ? 'sessions:yourStatusMaybe' : 'sessions:yourStatusNo');
}

/**
 * The channel invite. Without a viewer it is the shared view everyone sees before a refresh, so
 * it must be right on its own (live counts, waitlist, links); with a viewer it adds their status
 * and, for the host, the host controls.
 */
export function sessionInviteCard(view: InviteView, viewer: InviteViewer | undefined, locale: Locale): AdaptiveCard {
  const { session } = view;
  const data = sessionActionData(session);
  const cancelled = session.status === 'cancelled';
  const started = Date.parse(session.startsAt) <= view.now.getTime();
  const waitlisted = session.counts.waitlisted ?? 0;
  const full = session.capacity !== null && session.counts.yes >= session.capacity;

  const facts: Fact[] = [
    { title: t(locale, 'sessions:when'), value: formatWhen(session, locale, view.timeZone) },
    { title: t(locale, 'sessions:format'), value: t(locale, `sessions:format_${session.format}`) },
    ...(session.place ? [{ title: t(locale, 'sessions:where'), value: userText(session.place, 200) }] : []),
    ...(session.onlineUrl && !session.place ? [{ title: t(locale, 'sessions:where'), value: t(locale, 'sessions:online') }] : []),
    { title: t(locale, 'sessions:host'), value: nameOf(view, session.hostId, locale) },
    ...(session.teacherIds.length > 0
      ? [{ title: t(locale, 'sessions:teachers'), value: session.teacherIds.map((id) => nameOf(view, id, locale)).join(', ') }]
      : []),
    ...(session.discussionLeaderId
      ? [{ title: t(locale, 'sessions:discussionLeader'), value: nameOf(view, session.discussionLeaderId, locale) }]
      : []),
    ...(session.skills.length > 0 ? [{ title: t(locale, 'sessions:skills'), value: skillsText(session.skills, locale, 50) }] : []),
  ];

  const going =
    session.capacity === null
      ? t(locale, 'sessions:goingCount', { count: session.counts.yes })
      : t(locale, 'sessions:goingOfCapacity', { going: session.counts.yes, capacity: session.capacity });
  const countLine = [
    going,
    t(locale, 'sessions:maybeCount', { maybe: session.counts.maybe }),
    ...(waitlisted > 0 ? [t(locale, 'sessions:waitlistCount', { waitlisted })] : []),
  ].join(' · ');

  const body: CardElement[] = [
    { type: 'TextBlock', text: t(locale, 'sessions:inviteKicker'), isSubtle: true, size: 'small', wrap: true },
    { type: 'TextBlock', text: userText(session.title, 120), size: 'large', weight: 'bolder', wrap: true, style: 'heading' },
    ...(cancelled
      ? [
          {
            type: 'TextBlock' as const,
            text: t(locale, 'sessions:cancelledBanner'),
            color: 'attention' as const,
            weight: 'bolder' as const,
            wrap: true,
          },
        ]
      : []),
    ...(!cancelled && started ? [{ type: 'TextBlock' as const, text: t(locale, 'sessions:pastBanner'), isSubtle: true, wrap: true }] : []),
    ...(session.description ? [paragraph(userText(session.description, 600))] : []),
    { type: 'FactSet', facts },
    { type: 'TextBlock', text: countLine, weight: 'bolder', wrap: true, spacing: 'medium' },
    ...(full && !cancelled && !started ? [paragraph(t(locale, 'sessions:full'), true)] : []),
    ...(session.openToOrganisation ? [paragraph(t(locale, 'sessions:openToOrganisation'), true)] : []),
  ];

  if (viewer) {
    body.push({ type: 'Container', style: 'emphasis', items: [paragraph(statusLine(viewer, locale))] });
    if (viewer.userId === session.hostId) {
      body.push(paragraph(t(locale, 'sessions:youHost'), true));
      if (viewer.questionCount) body.push(paragraph(t(locale, 'sessions:questionsForHost', { count: viewer.questionCount }), true));
    }
  }

  const actions: CardAction[] = [];
  if (!cancelled && !started) {
    for (const r of RESPONSES) {
      const chosen = viewer?.rsvp?.response === r.response;
      actions.push({
        type: 'Action.Execute',
        title: `${chosen ? '✓ ' : ''}${t(locale, r.title)}`,
        verb: 'rsvp',
        data: { ...data, response: r.response },
        ...(r.response === 'yes' ? { style: 'positive' as const } : {}),
      });
    }
    if (session.onlineUrl) actions.push({ type: 'Action.OpenUrl', title: t(locale, 'sessions:join'), url: session.onlineUrl });
    actions.push({ type: 'Action.OpenUrl', title: t(locale, 'sessions:addToCalendar'), url: view.calendarUrl });
  }
  // An erased host is nobody to thank.
  if (!cancelled && started && viewer && viewer.userId !== session.hostId && !isFormerColleague(session.hostId)) {
    actions.push({
      type: 'Action.Execute',
      title: t(locale, 'sessions:thankHost'),
      verb: 'kudos',
      data: { ...data, toUserId: session.hostId },
    });
  }
  if (viewer?.userId === session.hostId && !cancelled && !started) {
    body.push({
      type: 'ActionSet',
      actions: [
        { type: 'Action.Execute', title: t(locale, 'sessions:editSession'), verb: 'editSession', data } satisfies ExecuteAction,
        {
          type: 'Action.Execute',
          title: t(locale, 'sessions:cancelSession'),
          verb: 'cancelSession',
          data,
          style: 'destructive',
        } satisfies ExecuteAction,
        // A series can be stopped from here in one go (DESIGN F3), not one card at a time.
        ...(session.seriesId
          ? [
              {
                type: 'Action.Execute',
                title: t(locale, 'sessions:cancelSeries'),
                verb: 'cancelSession',
                data: { ...data, scope: 'following' },
                style: 'destructive',
              } satisfies ExecuteAction,
            ]
          : []),
      ],
    });
  }

  const userIds = [...new Set([session.hostId, ...view.recentResponders])]
    .filter((id) => !isFormerColleague(id))
    .slice(0, MAX_REFRESH_USERS)
    .map(userMri);
  return { ...adaptiveCard(body, actions), refresh: { action: { type: 'Action.Execute', verb: 'refresh', data }, userIds } };
}
