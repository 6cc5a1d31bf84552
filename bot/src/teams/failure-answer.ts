import { learningRequestFailureText } from '../cards/learning-request-card';
import { st } from '../cards/session-strings';
import { tipText } from '../cards/tip-strings';
import type { Locale } from '../domain/person';
import type { Failure } from '../domain/result';

/** The one answer the bot gives for a refused operation: why, in the person's language, from the feature's own texts. */
export function failureAnswer(failure: Failure, locale: Locale): string {
  switch (failure.subject) {
    case 'session':
      return st(
        locale,
        failure.kind === 'closed'
          ? `failure_${failure.reason}`
          : failure.kind === 'badInput'
            ? `failure_${failure.code}`
            : `failure_${failure.kind}`,
      );
    case 'tip':
      return tipText(locale, failure.kind);
    case 'request':
      return learningRequestFailureText(failure, locale);
  }
}
