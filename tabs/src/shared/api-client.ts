import type { ApiError, UnknownSkillView } from '../../../bot/src/api/contract';

/**
 * A failed call, carrying the API's stable `code` so the UI can translate it.
 * `status` 0 means the request never got an HTTP answer (offline, service down, no token).
 */
export class ApiRequestError extends Error {
  override readonly name = 'ApiRequestError';

  /** Per-field problems of a 400 (`{ field: code-or-message }`), when the API names them. */
  readonly fields: Readonly<Record<string, string>>;
  /** From `Retry-After` (429 rate_limited, 503 overloaded): how long the API asks us to wait. */
  readonly retryAfterSeconds: number | undefined;
  /** For a 400 `unknownSkill`: each skill the taxonomy does not know, with what the person probably meant. */
  readonly unknownSkills: readonly UnknownSkillView[];
  /** For 409 `request_planned`: the session someone else planned from the request first. */
  readonly sessionId: string | undefined;

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** What the API said beside the code, as far as this error kind carries it. */
    details: {
      readonly fields?: Readonly<Record<string, string>>;
      readonly retryAfterSeconds?: number | undefined;
      readonly unknownSkills?: readonly UnknownSkillView[];
      readonly sessionId?: string | undefined;
    } = {},
  ) {
    super(message);
    this.fields = details.fields ?? {};
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.unknownSkills = details.unknownSkills ?? [];
    this.sessionId = details.sessionId;
  }
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** `fresh` asks for a new token because the API rejected the last one. */
export type TokenProvider = (fresh: boolean) => Promise<string>;

type WriteMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Writes up to this size (JSON characters, at most 3 KB of UTF-8) are sent with `keepalive`. Browsers keep
 * at most 64 KB of such bodies in flight per page and refuse the one past it: an answer, a thank-you or a
 * rating is far below this, and twenty of them at once still fit.
 */
const KEEPALIVE_MAX_CHARS = 1_000;

export interface ApiClient {
  get<T>(path: string, signal?: AbortSignal): Promise<T>;
  /** A write with a JSON body; answers the parsed JSON (or `undefined` for 204). */
  send<T>(method: WriteMethod, path: string, body?: unknown, signal?: AbortSignal): Promise<T>;
  /** A non-JSON download (e.g. `calendar.ics`), with the same bearer token. */
  download(path: string): Promise<Blob>;
  /**
   * The answer to `get(path)` when it is already in hand (the entry asked for it before the app's code
   * was in: app/early-start.ts); undefined otherwise, and then `get` asks as always. A view's first
   * render draws with it instead of a loading state (issue #16) and takes it once that render is on
   * screen (`useAsync`); until then it is the same answer each time.
   */
  answered<T>(path: string): InHand<T> | undefined;
}

/** An answer already in hand: draw `data` at once, and `take` it (once is enough) when it is on screen. */
export interface InHand<T> {
  readonly data: T;
  readonly take: () => void;
}

interface ApiClientOptions {
  /** Answers already in hand, as parsed JSON (`EarlyStart.answered`). */
  readonly answered?: (path: string) => InHand<unknown> | undefined;
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

/** Field errors in either shape a validator tends to give: a map, or a list of `{ field|path, code|message }`. */
function fieldsOf(error: unknown): Record<string, string> {
  if (typeof error !== 'object' || error === null) return {};
  // Codes beat sentences: `problems` (`[{ field, code }]`) when the API gives them, else `details`, else `fields`.
  const raw: unknown =
    'problems' in error ? error.problems : 'details' in error ? error.details : 'fields' in error ? error.fields : undefined;
  const fields: Record<string, string> = {};
  if (Array.isArray(raw)) {
    for (const item of raw as unknown[]) {
      if (typeof item !== 'object' || item === null) continue;
      const entry = item as Record<string, unknown>;
      const path = entry['field'] ?? entry['path'];
      const name = Array.isArray(path) ? path.join('.') : path;
      const what = entry['code'] ?? entry['message'];
      // The first problem of a field is the one to fix first.
      if (typeof name === 'string' && typeof what === 'string' && !(name in fields)) fields[name] = what;
    }
  } else if (typeof raw === 'object' && raw !== null) {
    for (const [name, what] of Object.entries(raw as Record<string, unknown>)) {
      if (typeof what === 'string') fields[name] = what;
      else if (Array.isArray(what) && typeof what[0] === 'string') fields[name] = what[0];
    }
  }
  return fields;
}

/** The `unknownSkills` of a 400 `unknownSkill`, each entry checked (a proxy's or an old service's body holds none). */
function unknownSkillsOf(error: unknown): UnknownSkillView[] {
  const raw: unknown = typeof error === 'object' && error !== null && 'unknownSkills' in error ? error.unknownSkills : undefined;
  if (!Array.isArray(raw)) return [];
  return (raw as unknown[]).flatMap((item): UnknownSkillView[] => {
    if (typeof item !== 'object' || item === null) return [];
    const { field, index, skill, suggestions } = item as Record<string, unknown>;
    if (typeof field !== 'string' || typeof index !== 'number' || typeof skill !== 'string' || !Array.isArray(suggestions)) return [];
    return [{ field, index, skill, suggestions: suggestions.filter((s): s is string => typeof s === 'string') }];
  });
}

/** `Retry-After` in seconds (the API sends whole seconds; an HTTP date or nonsense reads as absent). */
function retryAfterOf(response: Response): number | undefined {
  const value = response.headers.get('retry-after');
  return value !== null && /^\d{1,5}$/.test(value.trim()) ? Number(value.trim()) : undefined;
}

async function readJson<T>(response: Response): Promise<T> {
  if (!response.ok) {
    // Proxies and a stopped service answer with HTML or nothing; only trust a real ApiError body.
    const body: unknown = await response.json().catch(() => undefined);
    if (isApiError(body))
      throw new ApiRequestError(response.status, body.error.code, body.error.message, {
        fields: fieldsOf(body.error),
        retryAfterSeconds: retryAfterOf(response),
        unknownSkills: unknownSkillsOf(body.error),
        sessionId: typeof body.error.sessionId === 'string' ? body.error.sessionId : undefined,
      });
    throw new ApiRequestError(response.status, `http_${response.status}`, response.statusText || 'Request failed');
  }
  if (response.status === 204) return undefined as T;
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
export function createApiClient(fetchImpl: FetchLike, getToken: TokenProvider, options: ApiClientOptions = {}): ApiClient {
  const authorized = async (
    path: string,
    fresh: boolean,
    signal: AbortSignal | undefined,
    write?: { method: WriteMethod; body: unknown },
  ) => {
    let token: string;
    try {
      token = await getToken(fresh);
    } catch (error) {
      if (error instanceof ApiRequestError) throw error;
      throw new ApiRequestError(0, 'token_unavailable', error instanceof Error ? error.message : 'No token');
    }
    const headers: Record<string, string> = { Accept: 'application/json', Authorization: `Bearer ${token}` };
    // The language the tab speaks right now (useAppLanguage keeps <html lang> current): texts the
    // service writes for the reader, such as a session draft, come in it. Teams' SSO tokens carry none.
    const language = typeof document === 'undefined' ? '' : document.documentElement.lang;
    if (language) headers['Accept-Language'] = language;
    const init: RequestInit = { headers };
    if (write) {
      init.method = write.method;
      const body = write.body === undefined ? '' : JSON.stringify(write.body);
      if (write.body !== undefined) {
        headers['Content-Type'] = 'application/json';
        init.body = body;
      }
      // A small write outlives the page: an answer clicked just before the tab goes (a reload, or
      // Teams dropping the tab's frame on a switch of app) still reaches the service. A large one
      // (a session's description) goes as a plain request, within the browsers' 64 KB in flight.
      if (body.length <= KEEPALIVE_MAX_CHARS) init.keepalive = true;
    }
    if (signal) init.signal = signal;
    return send(fetchImpl, path, init);
  };

  return {
    answered: <T>(path: string) => options.answered?.(path) as InHand<T> | undefined,
    async get<T>(path: string, signal?: AbortSignal): Promise<T> {
      let response = await authorized(path, false, signal);
      if (response.status === 401) response = await authorized(path, true, signal);
      return readJson<T>(response);
    },
    async download(path: string): Promise<Blob> {
      let response = await authorized(path, false, undefined);
      if (response.status === 401) response = await authorized(path, true, undefined);
      if (!response.ok) await readJson<unknown>(response);
      return response.blob();
    },
    async send<T>(method: WriteMethod, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
      // A 401 is answered before the write is applied, so sending it once more is safe.
      let response = await authorized(path, false, signal, { method, body });
      if (response.status === 401) response = await authorized(path, true, signal, { method, body });
      return readJson<T>(response);
    },
  };
}
