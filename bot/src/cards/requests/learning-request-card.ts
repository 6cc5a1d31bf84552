import { REQUEST_NOTE_MAX, REQUEST_SKILL_MAX } from '../../domain/requests/learning-request';
import type { LearningRequest } from '../../domain/requests/learning-request';
import type { Reason, RequestFailure } from '../../domain/shared/result';
import type { Locale } from '../../domain/shared/person';
import { adaptiveCard, heading, paragraph } from '../shared/adaptive-card';
import type { AdaptiveCard, CardAction } from '../shared/adaptive-card';
import { t } from '../shared/i18n';
import { personName, userText } from '../shared/user-text';
import { skillText } from '../shared/skill-text';

interface LearningRequestCardView {
  readonly request: LearningRequest;
  readonly authorName: string;
  /** False: the team had asked for this skill already, and the person's +1 was added to it. */
  readonly created: boolean;
  /** Up to three colleagues who teach the skill. */
  readonly experts: readonly string[];
  /** Who took or planned it (status `taken` or `planned`); empty when nothing names them. */
  readonly takerName?: string;
}

/** The learning request card's Universal Action verbs. */
export const LEARNING_REQUEST_VERBS = { vote: 'voteRequest', handBack: 'handBackRequest', ask: 'askToLearn' } as const;

/**
 * "I can teach this": opens the bot's plan form filled from the request (a `task/fetch` dialog, so
 * cancelling it changes nothing). Shown to everyone; the domain lets only a team member who did not
 * ask it open the form, and the save takes the request.
 */
export function teachAction(request: Pick<LearningRequest, 'teamId' | 'requestId'>, locale: Locale): CardAction {
  return {
    type: 'Action.Submit',
    title: t(locale, 'requests:cardTeach'),
    data: { msteams: { type: 'task/fetch' }, verb: 'planSession', teamId: request.teamId, requestId: request.requestId },
  };
}

/** "I want to learn X" in the channel: what was asked, how many want it, and who could teach it. */
export function learningRequestCard(view: LearningRequestCardView, locale: Locale): AdaptiveCard {
  const { request } = view;
  const skill = skillText(request.skill, locale);
  // +1 from the channel: the answer replaces the card for everyone with the new count (no per-person state on it).
  const actions: CardAction[] =
    request.status === 'open'
      ? [
          {
            type: 'Action.Execute',
            title: t(locale, 'requests:cardPlusOne'),
            verb: LEARNING_REQUEST_VERBS.vote,
            data: { requestId: request.requestId },
          },
          teachAction(request, locale),
        ]
      : request.status === 'taken' || request.status === 'planned'
        ? [
            // Shown to everyone; the domain lets only whoever took it (or a team owner) hand it back.
            {
              type: 'Action.Execute',
              title: t(locale, 'requests:cardHandBack'),
              verb: LEARNING_REQUEST_VERBS.handBack,
              data: { requestId: request.requestId },
            },
          ]
        : [];
  const taker =
    request.takenBy && (request.status === 'taken' || request.status === 'planned')
      ? personName(request.takenBy, view.takerName, locale)
      : undefined;
  return adaptiveCard(
    [
      heading(
        view.created
          ? t(locale, 'requests:cardAsked', { name: personName(request.authorUserId, view.authorName, locale), skill })
          : t(locale, 'requests:cardAlready', { skill }),
      ),
      ...(request.note ? [paragraph(userText(request.note, 500))] : []),
      paragraph(t(locale, 'requests:cardVotes', { count: request.votes }), true),
      ...(view.experts.length > 0
        ? [paragraph(t(locale, 'requests:cardExperts', { names: view.experts.map((n) => userText(n, 80)).join(', ') }))]
        : []),
      ...(taker
        ? [paragraph(t(locale, request.status === 'planned' ? 'requests:cardPlannedBy' : 'requests:cardTakenBy', { name: taker }))]
        : []),
    ],
    actions,
  );
}

/** A refused request in the person's language: the first problem of a bad form, else why it was refused. */
export function learningRequestFailureText(failure: Reason<RequestFailure>, locale: Locale): string {
  switch (failure.kind) {
    case 'invalid': {
      const first = failure.problems[0];
      return first
        ? t(locale, `requests:problem_${first.code}`, { max: first.code === 'noteTooLong' ? REQUEST_NOTE_MAX : REQUEST_SKILL_MAX })
        : t(locale, 'requests:failure_invalid');
    }
    case 'notOpen':
      return t(locale, `requests:failure_${failure.status}`);
    case 'takenByOther':
      return t(locale, 'requests:failure_taken');
    default:
      return t(locale, `requests:failure_${failure.kind}`);
  }
}
