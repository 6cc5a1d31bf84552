import { learningRequestFailureText } from '../../cards/requests/learning-request-card';
import { t } from '../../cards/shared/i18n';
import type { Locale } from '../../domain/shared/person';
import type { Failure } from '../../domain/shared/result';

/** The one answer the bot gives for a refused operation: why, in the person's language, from the feature's own texts. */
export function failureAnswer(failure: Failure, locale: Locale): string {
  switch (failure.subject) {
    case 'session':
      return t(
        locale,
        failure.kind === 'closed'
          ? `sessions:failure_${failure.reason}`
          : failure.kind === 'badInput'
            ? `sessions:failure_${failure.code}`
            : `sessions:failure_${failure.kind}`,
      );
    case 'tip':
      return t(locale, `tips:${failure.kind}`);
    case 'request':
      return learningRequestFailureText(failure, locale);
    case 'privacy':
      return t(locale, `privacy:failure_${failure.kind}`);
    case 'buddy':
      return t(locale, `buddies:failure_${failure.kind}`);
    case 'insights':
      return t(locale, `insights:failure_${failure.kind}`);
    case 'kudos':
      return t(locale, `kudos:failure_${failure.kind}`);
  }
}
