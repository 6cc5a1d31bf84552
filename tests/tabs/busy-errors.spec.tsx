import { describe, expect, it } from '@jest/globals';
import { screen } from '@testing-library/react';
import type { ApiError } from '../../bot/src/api/contract';
import { ErrorState } from '../../tabs/src/shared/ui/error-state';
import { errorMessageKey } from '../../tabs/src/shared/error-message';
import { createFakeService } from '../support/tab/fake-service';
import { apiFor, renderView } from '../support/tab/render-view';

/**
 * The API's answers to going too fast (429 rate_limited) and to a full service (503 overloaded)
 * carry Retry-After: the tab says so in plain words, with the number of seconds, in en and nl.
 */
function busy(status: number, code: string, retryAfter?: string): Response {
  const body: ApiError = { error: { code, message: code } };
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...(retryAfter !== undefined ? { 'Retry-After': retryAfter } : {}) },
  });
}

async function failureOf(response: () => Response): Promise<unknown> {
  const api = apiFor(createFakeService({ 'GET /api/v1/me': response }).fetch);
  return api.get('/api/v1/me').catch((e: unknown) => e);
}

describe('rate limited and overloaded, as the tab says them', () => {
  it.each<[string, () => Response, 'en' | 'nl', string]>([
    ['429 with Retry-After: 7', () => busy(429, 'rate_limited', '7'), 'en', "You're going a bit fast — try again in 7 seconds."],
    ['429 with Retry-After: 1', () => busy(429, 'rate_limited', '1'), 'en', "You're going a bit fast — try again in 1 second."],
    [
      '429 with Retry-After: 7',
      () => busy(429, 'rate_limited', '7'),
      'nl',
      'Je gaat een beetje snel — probeer het over 7 seconden opnieuw.',
    ],
    [
      '503 overloaded, Retry-After: 2',
      () => busy(503, 'overloaded', '2'),
      'en',
      'PeerLearn is very busy right now — try again in 2 seconds.',
    ],
    [
      '503 overloaded, Retry-After: 1',
      () => busy(503, 'overloaded', '1'),
      'nl',
      'PeerLearn heeft het nu erg druk — probeer het over 1 seconde opnieuw.',
    ],
    ['429 without Retry-After', () => busy(429, 'rate_limited'), 'en', "You're going a bit fast — try again in 5 seconds."],
    ['429 with an HTTP date', () => busy(429, 'rate_limited', 'Wed, 21 Oct 2026 07:28:00 GMT'), 'en', 'try again in 5 seconds.'],
  ])('%s in %s', async (_what, response, language, text) => {
    const error = await failureOf(response);
    await renderView(<ErrorState error={error} onRetry={() => undefined} />, language);
    expect(screen.getByRole('alert').textContent).toContain(text);
  });

  it('a 503 that is storage, not load, keeps its own text', async () => {
    expect(errorMessageKey(await failureOf(() => busy(503, 'storage_unavailable', '30')))).toBe('storageUnavailable');
    expect(errorMessageKey(await failureOf(() => busy(503, 'overloaded')))).toBe('overloaded');
    expect(errorMessageKey(await failureOf(() => busy(429, 'http_429')))).toBe('rateLimited');
  });
});
