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
    case 'not_installed':
      return 'notInstalled';
  }
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

/** Errors no retry on our page can fix: Teams could not give us a token at all. */
export function isAuthFailure(error: unknown): boolean {
  return error instanceof ApiRequestError && error.code === 'token_unavailable';
}
