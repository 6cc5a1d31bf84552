import type { FetchLike } from './api-client';

/**
 * The browser's fetch for PeerLearn's own API and dev token, without credentials: the API takes a bearer
 * token, never a cookie. Chromium keeps six HTTP/1.1 connections per host *and group*, and requests without
 * credentials get a group of their own, so API calls never queue behind the app's ~25 scripts (the board's
 * sessions waited 0.5 s for a connection; issue #16), nor a "load more" behind a lazy chunk. Looked up at
 * call time, so a test's stubbed global fetch is the one used.
 */
export const apiFetch: FetchLike = (input, init) => fetch(input, { ...init, credentials: 'omit' });
