import { REQUEST_NOTE_MAX, REQUEST_SKILL_MAX } from '../domain/learning-request';
import type { LearningRequest } from '../domain/learning-request';
import type { RequestFailure } from '../domain/learning-request-service';
import type { Locale } from '../domain/person';
import { adaptiveCard, heading, paragraph } from './adaptive-card';
import type { AdaptiveCard } from './adaptive-card';
import { tr } from './learning-request-strings';
import { clip } from './session-text';

export interface LearningRequestCardView {
  readonly request: LearningRequest;
  readonly authorName: string;
  /** False: the team had asked for this skill already, and the person's +1 was added to it. */
  readonly created: boolean;
  /** Up to three colleagues who teach the skill. */
  readonly experts: readonly string[];
}

/** "I want to learn X" in the channel: what was asked, how many want it, and who could teach it. */
export function learningRequestCard(view: LearningRequestCardView, locale: Locale): AdaptiveCard {
  const { request } = view;
  const skill = clip(request.skill, 60);
  return adaptiveCard([
    heading(view.created ? tr(locale, 'cardAsked', { name: clip(view.authorName || '—', 80), skill }) : tr(locale, 'cardAlready', { skill })),
    ...(request.note ? [paragraph(clip(request.note, 500))] : []),
    paragraph(request.votes === 1 ? tr(locale, 'cardVotesOne') : tr(locale, 'cardVotes', { votes: request.votes }), true),
    ...(view.experts.length > 0 ? [paragraph(tr(locale, 'cardExperts', { names: view.experts.map((n) => clip(n, 80)).join(', ') }))] : []),
  ]);
}

/** A refused request in the person's language: the first problem of a bad form, else why it was refused. */
export function learningRequestFailureText(failure: RequestFailure, locale: Locale): string {
  switch (failure.kind) {
    case 'invalid': {
      const first = failure.problems[0];
      return first ? tr(locale, `problem_${first.code}`, { max: first.code === 'noteTooLong' ? REQUEST_NOTE_MAX : REQUEST_SKILL_MAX }) : tr(locale, 'failure_invalid');
    }
    case 'notOpen':
      return tr(locale, failure.status === 'taken' ? 'failure_taken' : 'failure_closed');
    case 'takenByOther':
      return tr(locale, 'failure_taken');
    default:
      return tr(locale, `failure_${failure.kind}`);
  }
}
