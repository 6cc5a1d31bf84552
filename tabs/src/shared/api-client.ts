import type { ApiError } from '../../../bot/src/api/contract';

/**
 * A failed call, carrying the API's stable `code` so the UI can translate it.
 * `status` 0 means the request never got an HTTP answer (offline, service down, no token).
 */
export class ApiRequestError extends Error {
  override readonly name = 'ApiRequestError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** `fresh` asks for a new token because the API rejected the last one. */
export type TokenProvider = (fresh: boolean) => Promise<string>;

export interface ApiClient {
  get<T>(path: string, signal?: AbortSignal): Promise<T>;
}

function isApiError(body: unknown): body is ApiError {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error: unknown = body.error;
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string';
}

async function send(fetchImpl: FetchLike, path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetchImpl(path, init);
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new ApiRequestError(0, 'network', error instanceof Error ? error.message : 'Network error');
  }
}

async function readJson<T>(response: Response): Promise<T> {
  if (!response.ok) {
    // Proxies and a stopped service answer with HTML or nothing; only trust a real ApiError body.
    const body: unknown = await response.json().catch(() => undefined);
    if (isApiError(body)) throw new ApiRequestError(response.status, body.error.code, body.error.message);
    throw new ApiRequestError(response.status, `http_${response.status}`, response.statusText || 'Request failed');
  }
  try {
    return (await response.json()) as T;
  } catch {
    throw new ApiRequestError(response.status, 'invalid_response', 'The answer was not JSON');
  }
}

/** A call without a bearer token (the dev-mode endpoints). */
export async function requestJson<T>(fetchImpl: FetchLike, path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('Accept', 'application/json');
  return readJson<T>(await send(fetchImpl, path, { ...init, headers }));
}

/** Calls `/api/v1` with a bearer token; on 401 it gets a fresh token once and retries once. */
export function createApiClient(fetchImpl: FetchLike, getToken: TokenProvider): ApiClient {
  const authorizedGet = async (path: string, fresh: boolean, signal: AbortSignal | undefined) => {
    let token: string;
    try {
      token = await getToken(fresh);
    } catch (error) {
      if (error instanceof ApiRequestError) throw error;
      throw new ApiRequestError(0, 'token_unavailable', error instanceof Error ? error.message : 'No token');
    }
    const init: RequestInit = { headers: { Accept: 'application/json', Authorization: `Bearer ${token}` } };
    if (signal) init.signal = signal;
    return send(fetchImpl, path, init);
  };

  return {
    async get<T>(path: string, signal?: AbortSignal): Promise<T> {
      let response = await authorizedGet(path, false, signal);
      if (response.status === 401) response = await authorizedGet(path, true, signal);
      return readJson<T>(response);
    },
  };
}
