import type { BuddyStatus } from '../../domain/buddies/buddy-service-contract';
import type { CardVerb } from '../../domain/shared/card-verbs';
import type { Locale } from '../../domain/shared/person';
import { adaptiveCard, heading, paragraph } from '../shared/adaptive-card';
import type { AdaptiveCard, CardAction, CardElement } from '../shared/adaptive-card';
import { t } from '../shared/i18n';
import { userText } from '../shared/user-text';
import { buddyPoolData } from './buddy-intro-card';
import { buddyNames, shortWhen } from './buddy-text';

const TEAM_MAX = 80;
/** A personal chat's choice lists this many teams at most; more is a tab's job (My profile). */
const MAX_TEAM_CHOICES = 10;

interface StatusView {
  readonly status: BuddyStatus;
  /** The team's name ('' when unknown). */
  readonly teamName: string;
  /** The team's zone, for the next round's time. */
  readonly timeZone: string;
}

/**
 * `my buddy` / `mijn buddy` and the answer to every preference button: in or out, skipping the next
 * round, across the organisation, the current buddy, and buttons that change each of them.
 */
export function buddyStatusCard(view: StatusView, locale: Locale): AdaptiveCard {
  const { status } = view;
  const body: CardElement[] = [
    heading(t(locale, 'buddies:statusTitle')),
    paragraph(t(locale, 'buddies:statusTeam', { team: teamText(view.teamName, locale) }), true),
    paragraph(t(locale, status.optIn ? 'buddies:statusIn' : 'buddies:statusOut')),
  ];
  if (status.optIn) {
    if (status.skipNext) body.push(paragraph(t(locale, 'buddies:statusSkipping')));
    body.push(paragraph(t(locale, status.acrossOrganisation ? 'buddies:statusAcross' : 'buddies:statusNotAcross')));
    body.push(
      paragraph(
        status.nextRoundAt
          ? t(locale, 'buddies:statusNextRound', { when: shortWhen(status.nextRoundAt, locale, view.timeZone) })
          : t(locale, 'buddies:statusNoCadence'),
        true,
      ),
    );
  }
  const current = status.current.flatMap((c) => c.buddies);
  body.push(
    paragraph(
      current.length > 0
        ? t(locale, 'buddies:statusCurrent', { names: buddyNames(current, locale) })
        : t(locale, 'buddies:statusCurrentNone'),
    ),
  );

  const pool = buddyPoolData(status.teamId);
  const actions: CardAction[] = status.optIn
    ? [
        {
          type: 'Action.Execute',
          title: t(locale, status.skipNext ? 'buddies:unskipButton' : 'buddies:skipNextButton'),
          verb: 'buddySkip',
          data: { ...pool, skipNext: !status.skipNext },
        },
        {
          type: 'Action.Execute',
          title: t(locale, status.acrossOrganisation ? 'buddies:acrossOffButton' : 'buddies:acrossOnButton'),
          verb: 'buddyAcross',
          data: { ...pool, across: !status.acrossOrganisation },
        },
        { type: 'Action.Execute', title: t(locale, 'buddies:leaveButton'), verb: 'buddyLeave', data: pool, style: 'destructive' },
      ]
    : [{ type: 'Action.Execute', title: t(locale, 'buddies:joinButton'), verb: 'buddyJoin', data: pool, style: 'positive' }];
  return adaptiveCard(body, actions);
}

/** What a command asked for, done on the team the person picks. */
export type BuddyTeamAction = Extract<CardVerb, 'buddyJoin' | 'buddySkip' | 'buddyLeave' | 'buddyStatus'>;

/** In the personal chat, for someone in several teams: one button per team, each doing what the command asked. */
export function buddyTeamChoiceCard(
  teams: readonly { readonly teamId: string; readonly name: string }[],
  verb: BuddyTeamAction,
  locale: Locale,
): AdaptiveCard {
  const extra = verb === 'buddySkip' ? { skipNext: true } : {};
  return adaptiveCard([
    heading(t(locale, 'buddies:chooseTeamTitle')),
    paragraph(t(locale, 'buddies:chooseTeamBody')),
    ...teams.slice(0, MAX_TEAM_CHOICES).map((team): CardElement => ({
      type: 'ActionSet',
      actions: [
        // A button's title is plain text in Teams (no Markdown), so the name goes in as typed.
        {
          type: 'Action.Execute',
          title: team.name.trim() || t(locale, 'buddies:aTeam'),
          verb,
          data: { ...buddyPoolData(team.teamId), ...extra },
        },
      ],
    })),
  ]);
}

const teamText = (name: string, locale: Locale): string => (name.trim() ? userText(name, TEAM_MAX) : t(locale, 'buddies:aTeam'));
