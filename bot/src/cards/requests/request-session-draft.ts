import type { LearningRequest } from '../../domain/requests/learning-request';
import type { Locale } from '../../domain/shared/person';
import { t } from '../shared/i18n';

/** The session an expert starts from (tab and bot plan forms alike): a title in their language, the skill, and what was asked. */
interface RequestSessionDraft {
  readonly title: string;
  readonly skills: readonly string[];
  readonly description: string;
}

export function requestSessionDraft(request: Pick<LearningRequest, 'skill' | 'note' | 'votes'>, locale: Locale): RequestSessionDraft {
  const { skill, note, votes } = request;
  return {
    title: t(locale, 'requests:draftTitle', { skill }),
    skills: [skill],
    description: note
      ? t(locale, 'requests:draftWithNote', { skill, count: votes, note })
      : t(locale, 'requests:draftWithoutNote', { skill, count: votes }),
  };
}
