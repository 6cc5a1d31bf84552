import { describe, expect, it } from '@jest/globals';
import { ApiRequestError, createApiClient } from '../../tabs/src/shared/api-client';
import { errorMessageKey } from '../../tabs/src/shared/error-message';
import { formattingLocale, languageOf } from '../../tabs/src/shared/locale';
import { safeWebUrl } from '../../tabs/src/shared/safe-url';
import { createBrowserStore } from '../../tabs/src/shared/local-store';
import { apiFetch } from '../../tabs/src/shared/api-fetch';
import { apiError, createFakeService } from '../support/tab/fake-service';

describe('apiFetch', () => {
  it('sends every API call without credentials (its own connections in Chromium), keeping the rest of the request', async () => {
    const seen: (RequestInit | undefined)[] = [];
    const original = globalThis.fetch;
    globalThis.fetch = (_input: RequestInfo | URL, init?: RequestInit) => {
      seen.push(init);
      return Promise.resolve(new Response('{}'));
    };
    try {
      await apiFetch('/api/v1/me', { method: 'POST', headers: { Authorization: 'Bearer t' }, body: '{}' });
      await apiFetch('/api/v1/me');
    } finally {
      globalThis.fetch = original;
    }
    expect(seen.map((init) => init?.credentials)).toEqual(['omit', 'omit']);
    expect(seen[0]).toMatchObject({ method: 'POST', headers: { Authorization: 'Bearer t' }, body: '{}' });
  });
});

describe('locale', () => {
  it.each([
    ['nl', 'nl'],
    ['nl-NL', 'nl'],
    ['NL-be', 'nl'],
    ['nl_NL', 'nl'],
    ['en-GB', 'en'],
    ['fr-FR', 'en'],
    ['nle', 'en'],
    [undefined, 'en'],
  ] as const)('%s speaks %s', (locale, language) => {
    expect(languageOf(locale)).toBe(language);
  });

  it('formats with the host locale only when it is of the chosen language', () => {
    expect(formattingLocale('en', 'en-GB')).toBe('en-GB');
    expect(formattingLocale('nl', 'nl_BE')).toBe('nl-BE');
    expect(formattingLocale('en', 'nl-NL')).toBe('en');
    expect(formattingLocale('en', 'fr-FR')).toBe('en');
    expect(formattingLocale('en', 'en-!!')).toBe('en');
  });
});

describe('api client', () => {
  it('turns a non-JSON gateway error into a coded error', async () => {
    const service = createFakeService({ 'GET /api/v1/me': () => new Response('<html>Bad gateway</html>', { status: 502 }) });
    const api = createApiClient(service.fetch, () => Promise.resolve('t'));
    const error: unknown = await api.get('/api/v1/me').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 502, code: 'http_502' });
    expect(errorMessageKey(error)).toBe('network');
  });

  it('a write limit (429 rate_limited, or a bare 429 from a proxy) reads as "wait a minute"', () => {
    expect(errorMessageKey(new ApiRequestError(429, 'rate_limited', 'Too many changes'))).toBe('rateLimited');
    expect(errorMessageKey(new ApiRequestError(429, 'http_429', 'Too Many Requests'))).toBe('rateLimited');
  });

  it('keeps the API error code', async () => {
    const service = createFakeService({ 'GET /api/v1/me': () => apiError(403, 'forbidden', 'Not a member') });
    const api = createApiClient(service.fetch, () => Promise.resolve('t'));
    const error: unknown = await api.get('/api/v1/me').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 403, code: 'forbidden', message: 'Not a member' });
    expect(errorMessageKey(error)).toBe('forbidden');
    // Only 401 earns a second try.
    expect(service.calls).toHaveLength(1);
  });

  it('says the app was removed from the team when the board answers 410 not_installed', async () => {
    const service = createFakeService({ 'GET /api/v1/teams/x/sessions': () => apiError(410, 'not_installed', 'No longer installed') });
    const api = createApiClient(service.fetch, () => Promise.resolve('t'));
    const error: unknown = await api.get('/api/v1/teams/x/sessions').catch((e: unknown) => e);
    expect(errorMessageKey(error)).toBe('notInstalled');
  });

  it('tells the service which language the tab shows right now (Accept-Language from <html lang>)', async () => {
    const seen: (string | null)[] = [];
    const api = createApiClient(
      (_input, init) => {
        seen.push(new Headers(init?.headers).get('Accept-Language'));
        return Promise.resolve(new Response('{}', { status: 200, headers: { 'Content-Type': 'application/json' } }));
      },
      () => Promise.resolve('t'),
    );
    document.documentElement.lang = 'nl';
    await api.get('/api/v1/me');
    document.documentElement.lang = 'en';
    await api.send('POST', '/api/v1/x', {});
    expect(seen).toEqual(['nl', 'en']);
  });
});

describe('createApiClient writes', () => {
  it('sends a small write with keepalive, so it lands when the tab goes away at once; a large one and a read without', async () => {
    const seen: { method: string; keepalive: boolean | undefined }[] = [];
    const api = createApiClient(
      (_input, init) => {
        seen.push({ method: init?.method ?? 'GET', keepalive: init?.keepalive });
        return Promise.resolve(new Response('{}', { status: 200, headers: { 'Content-Type': 'application/json' } }));
      },
      () => Promise.resolve('t'),
    );
    await api.send('PUT', '/api/v1/teams/t/sessions/s/rsvp', { response: 'maybe' });
    await api.send('DELETE', '/api/v1/teams/t/sessions/s/rsvp');
    await api.send('POST', '/api/v1/x', { text: 'x'.repeat(1_001) });
    await api.get('/api/v1/me');
    expect(seen).toEqual([
      { method: 'PUT', keepalive: true },
      { method: 'DELETE', keepalive: true },
      { method: 'POST', keepalive: undefined },
      { method: 'GET', keepalive: undefined },
    ]);
  });
});

describe('safeWebUrl', () => {
  it('keeps http(s) links only', () => {
    expect(safeWebUrl('https://teams.microsoft.com/l/meetup-join/x')).toBe('https://teams.microsoft.com/l/meetup-join/x');
    expect(safeWebUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeWebUrl('data:text/html,hi')).toBeUndefined();
    expect(safeWebUrl('not a url')).toBeUndefined();
    expect(safeWebUrl(undefined)).toBeUndefined();
  });
});

describe('browser store', () => {
  it('survives a storage that throws', () => {
    const store = createBrowserStore(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(() => store.set('theme', 'dark')).not.toThrow();
    expect(store.get('theme')).toBeNull();
  });
});
