import type { Response } from 'express';
import { t } from '../../cards/shared/i18n';
import { tipProblemText } from '../../cards/tips/tip-form-card';
import { kudosProblemText } from '../../cards/kudos/kudos-card';
import { sessionProblemText } from '../../cards/sessions/session-form-card';
import { REQUEST_NOTE_MAX, REQUEST_SKILL_MAX } from '../../domain/requests/learning-request';
import type { Failure, Result } from '../../domain/shared/result';
import type { ApiError } from '../contract';

type Kind = Failure['kind'];

/** The HTTP status of each kind of refusal, whatever the feature. */
const STATUS: Record<Kind, number> = {
  invalid: 400,
  badInput: 400,
  teamUnknown: 404,
  notInstalled: 410,
  notFound: 404,
  notMember: 403,
  notAllowed: 403,
  notHost: 403,
  notAttendee: 403,
  notNamed: 403,
  closed: 409,
  notEnded: 409,
  notAsked: 403,
  notOpen: 409,
  takenByOther: 409,
  ownRequest: 409,
  notTaken: 409,
  notTaker: 403,
  requestPlanned: 409,
  requestUnavailable: 409,
  linkInvalid: 403,
  notYours: 403,
  ownersOnly: 403,
  noRound: 404,
  notInRound: 403,
  alreadyAnswered: 409,
  pulseClosed: 409,
  nudgedRecently: 409,
};

const snake = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The problem code of the API contract: `not_found` for anything unknown, the feature's prefix where the contract has one. */
function codeOf(failure: Failure): string {
  switch (failure.kind) {
    case 'invalid':
      return `invalid_${failure.subject}`;
    case 'teamUnknown':
    case 'notFound':
      return 'not_found';
    case 'closed':
      return `session_${failure.reason}`;
    case 'badInput':
      return snake(failure.code);
    case 'notOpen':
      return `request_${failure.status}`;
    case 'takenByOther':
      return 'request_taken';
    case 'requestPlanned':
      return 'request_planned';
    case 'requestUnavailable':
      return 'request_unavailable';
    case 'notYours':
      return 'forbidden';
    default:
      return snake(failure.kind);
  }
}

/** The English message, and for a bad form the text of every field's problems (several joined by a space). */
function textsOf(failure: Failure): {
  readonly message: string;
  readonly problems: readonly { readonly field: string; readonly text: string }[];
} {
  switch (failure.subject) {
    case 'session': {
      if (failure.kind === 'invalid')
        return {
          message: t('en', 'sessions:failure_invalid'),
          problems: failure.problems.map((p) => ({ field: p.field, text: sessionProblemText('en', p.code) })),
        };
      const key =
        failure.kind === 'closed'
          ? (`sessions:failure_${failure.reason}` as const)
          : failure.kind === 'badInput'
            ? (`sessions:failure_${failure.code}` as const)
            : (`sessions:failure_${failure.kind}` as const);
      return { message: t('en', key), problems: [] };
    }
    case 'tip':
      return {
        message: t('en', `tips:${failure.kind}`),
        problems: failure.kind === 'invalid' ? failure.problems.map((p) => ({ field: p.field, text: tipProblemText('en', p.code) })) : [],
      };
    case 'request': {
      if (failure.kind === 'invalid') {
        const problems = failure.problems.map((p) => ({
          field: p.field,
          text: t('en', `requests:problem_${p.code}`, { max: p.code === 'noteTooLong' ? REQUEST_NOTE_MAX : REQUEST_SKILL_MAX }),
        }));
        return { message: t('en', 'requests:failure_invalid'), problems };
      }
      const key =
        failure.kind === 'notOpen'
          ? (`requests:failure_${failure.status}` as const)
          : failure.kind === 'takenByOther'
            ? 'requests:failure_taken'
            : (`requests:failure_${failure.kind}` as const);
      return { message: t('en', key), problems: [] };
    }
    case 'privacy':
      return { message: t('en', `privacy:failure_${failure.kind}`), problems: [] };
    case 'buddy':
      return {
        message: t('en', `buddies:failure_${failure.kind}`),
        problems:
          failure.kind === 'invalid' ? failure.problems.map((p) => ({ field: p.field, text: t('en', `buddies:problem_${p.code}`) })) : [],
      };
    case 'insights':
      return {
        message: t('en', `insights:failure_${failure.kind}`),
        problems:
          failure.kind === 'invalid' ? failure.problems.map((p) => ({ field: p.field, text: t('en', `insights:problem_${p.code}`) })) : [],
      };
    case 'kudos':
      return {
        message: t('en', `kudos:failure_${failure.kind}`),
        problems: failure.kind === 'invalid' ? failure.problems.map((p) => ({ field: p.field, text: kudosProblemText('en', p.code) })) : [],
      };
  }
}

/** A refused operation as the API answers it: its status and an `ApiError`; a bad form names every field. */
function problemOf(failure: Failure): { readonly status: number; readonly body: ApiError } {
  const { message, problems } = textsOf(failure);
  const code = codeOf(failure);
  if (failure.kind === 'requestPlanned' && failure.sessionId !== undefined) {
    return { status: STATUS[failure.kind], body: { error: { code, message, sessionId: failure.sessionId } } };
  }
  if (failure.kind !== 'invalid') return { status: STATUS[failure.kind], body: { error: { code, message } } };
  const fields: Record<string, string> = {};
  for (const p of problems) fields[p.field] = fields[p.field] ? `${fields[p.field]} ${p.text}` : p.text;
  return {
    status: STATUS.invalid,
    body: { error: { code, message, fields, problems: failure.problems.map((p) => ({ field: p.field, code: p.code })) } },
  };
}

export function sendFailure(res: Response, failure: Failure): void {
  const { status, body } = problemOf(failure);
  res.status(status).json(body);
}

/** Sends the failure, if it is one; returns whether the operation succeeded. */
export function unwrap<T>(res: Response, result: Result<T>): result is { readonly ok: true; readonly value: T } {
  if (!result.ok) sendFailure(res, result.failure);
  return result.ok;
}
