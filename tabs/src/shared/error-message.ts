import { ApiRequestError } from './api-client';

export type ErrorMessageKey =
  | 'network'
  | 'storageUnavailable'
  | 'unauthorized'
  | 'tokenUnavailable'
  | 'forbidden'
  | 'notFound'
  | 'notInstalled'
  | 'server'
  | 'invalid'
  | 'conflict'
  | 'rateLimited'
  | 'overloaded'
  | 'unknown';

/** Maps a failure to a sentence a person understands (the API's own message is English-only). */
export function errorMessageKey(error: unknown): ErrorMessageKey {
  if (!(error instanceof ApiRequestError)) return 'unknown';
  switch (error.code) {
    case 'network':
      return 'network';
    case 'storage_unavailable':
      return 'storageUnavailable';
    case 'token_unavailable':
      return 'tokenUnavailable';
    case 'rate_limited':
      return 'rateLimited';
    case 'overloaded':
      return 'overloaded';
    case 'not_installed':
      return 'notInstalled';
  }
  if (error.status === 429) return 'rateLimited';
  if (error.status === 401) return 'unauthorized';
  if (error.status === 403) return 'forbidden';
  if (error.status === 404) return 'notFound';
  if (error.status === 400 || error.status === 422) return 'invalid';
  if (error.status === 409 || error.status === 412) return 'conflict';
  // A proxy in front of a stopped service answers 502/504: to a person that is "can't reach".
  if (error.status === 502 || error.status === 504) return 'network';
  if (error.status >= 500) return 'server';
  return 'unknown';
}

/** When the API said how long to wait (Retry-After), else a few seconds: the `count` of the rateLimited and overloaded texts. */
const WAIT_UNSAID_SECONDS = 5;

/** The values the error texts take: how many seconds to wait before trying again. */
export function errorMessageValues(error: unknown): { readonly count: number } {
  const seconds = error instanceof ApiRequestError ? error.retryAfterSeconds : undefined;
  return { count: seconds !== undefined && seconds > 0 ? seconds : WAIT_UNSAID_SECONDS };
}

/** Errors no retry on our page can fix: Teams could not give us a token at all. */
export function isAuthFailure(error: unknown): boolean {
  return error instanceof ApiRequestError && error.code === 'token_unavailable';
}
