import { StorageUnavailableError } from '../../domain/shared/repositories';

/** A stored row that does not map to its domain type; never handed on as garbage. */
export class MalformedRowError extends Error {
  override readonly name = 'MalformedRowError';
}

interface RestErrorShape {
  readonly name: string;
  readonly message: string;
  readonly statusCode?: number;
  readonly code?: string;
}

// Duck-typed: @azure/data-tables and @azure/storage-queue may bring different copies of
// core-rest-pipeline, so `instanceof RestError` is not reliable across them.
function isRestError(error: unknown): error is RestErrorShape {
  return error instanceof Error && error.name === 'RestError';
}

export function statusOf(error: unknown): number | undefined {
  return isRestError(error) && typeof error.statusCode === 'number' ? error.statusCode : undefined;
}

/**
 * The service's error code. Transactions fill in `code`; single-row calls leave it empty and carry
 * the OData error body in the message instead.
 */
function errorCodeOf(error: unknown): string | undefined {
  if (!isRestError(error)) return undefined;
  if (error.code) return error.code;
  try {
    const body = JSON.parse(error.message) as { 'odata.error'?: { code?: unknown } };
    const code = body['odata.error']?.code;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A conditional write lost a race, so the caller should read again: 412 (the ETag moved on), 409
 * (someone else created the row first) or 404 (the row was deleted since it was read; a missing
 * table never gets here, guard() turns that into StorageUnavailableError).
 */
export function isLostRace(error: unknown): boolean {
  const status = statusOf(error);
  return status === 412 || status === 409 || status === 404;
}

/**
 * Storage could not answer: no HTTP response at all (refused, reset, DNS, timeout), or a server-side
 * failure that outlived the SDK's own retries (5xx, 408, and 429 from Cosmos DB's Table API).
 */
function isUnavailable(error: unknown): boolean {
  if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) return true;
  if (!isRestError(error)) return false;
  const status = error.statusCode;
  return status === undefined || status >= 500 || status === 408 || status === 429;
}

function describe(error: unknown): string {
  if (isRestError(error)) {
    const what =
      error.statusCode === undefined ? (error.code ?? 'no response') : `HTTP ${error.statusCode}${error.code ? ` ${error.code}` : ''}`;
    return `${what}: ${error.message.split('\n')[0] ?? ''}`;
  }
  // We pass no abort signals of our own: an abort is the request timeout.
  if (error instanceof Error && error.name === 'AbortError') return `no answer within the request timeout: ${error.message}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Runs one storage call; turns "storage is not there" into the domain's StorageUnavailableError. */
export async function guard<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof StorageUnavailableError) throw error;
    const code = errorCodeOf(error);
    if (code === 'TableNotFound' || code === 'QueueNotFound') {
      throw new StorageUnavailableError(`Storage is not initialised: ${code} while ${what} (was ensureCreated() run?)`, { cause: error });
    }
    if (!isUnavailable(error)) throw error;
    throw new StorageUnavailableError(`Storage unavailable while ${what} (${describe(error)})`, { cause: error });
  }
}
