import { learningRequestFailureText } from '../../cards/requests/learning-request-card';
import { st } from '../../cards/sessions/session-strings';
import { tipText } from '../../cards/tips/tip-strings';
import type { Locale } from '../../domain/shared/person';
import type { Failure } from '../../domain/shared/result';

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
