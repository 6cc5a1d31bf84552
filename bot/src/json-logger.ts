import { AsyncLocalStorage } from 'node:async_hooks';
import type { LogFields, Logger } from './domain/shared/logger';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

interface JsonLoggerOptions {
  /** Lines below this level are dropped. */
  readonly level: LogLevel;
  /** Where each line goes, newline included; standard output by default. */
  readonly write?: (line: string) => void;
  readonly now?: () => Date;
}

// Last line of defence: whatever reaches a log line and looks like a credential is blanked, wherever
// it came from (an error message quoting a URL, a connection string, an Authorization header).
const CREDENTIALS: readonly (readonly [RegExp, string])[] = [
  [/\b(Bearer|Basic)\s+[\w.~+/=-]+/gi, '$1 [redacted]'],
  [/\beyJ[\w-]+\.[\w-]+\.[\w-]*/g, '[redacted]'],
  [/([?&](?:token|sig|signature|code|key|secret|password|access_token|client_secret)=)[^&#\s"']*/gi, '$1[redacted]'],
  [/\b(AccountKey|SharedAccessSignature|SharedAccessKey|Password)=[^;\s"']*/gi, '$1=[redacted]'],
  // A personal-data export link carries its signed token in the path (privacy-routes.ts).
  [/(\/me\/export\/link\/)[^/?#\s"']+/g, '$1[redacted]'],
];

function redact(text: string): string {
  return CREDENTIALS.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

type LineValue = string | number | boolean | readonly string[] | { readonly [key: string]: LineValue | undefined } | undefined;

function redacted(value: LineValue): LineValue {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((v: string) => redact(v));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redacted(v)]));
  }
  return value;
}

/** An error as a log field: its name, message, stack and status code only (a client error's other properties may hold request headers). */
function errorField(detail: unknown): LineValue {
  if (detail === undefined) return undefined;
  if (!(detail instanceof Error)) return { message: String(detail) };
  const statusCode = (detail as { statusCode?: unknown }).statusCode;
  const code = (detail as { code?: unknown }).code;
  return {
    name: detail.name,
    message: detail.message,
    ...(typeof code === 'string' || typeof code === 'number' ? { code: String(code) } : {}),
    ...(typeof statusCode === 'number' ? { statusCode } : {}),
    ...(detail.stack ? { stack: detail.stack } : {}),
  };
}

/**
 * JSON lines: one object per event, `time`, `level` and `msg` first, then the scope's fields (request or
 * activity id) and the call's. JSON encoding escapes newlines, so no value can start a line of its own.
 */
export function createJsonLogger(options: JsonLoggerOptions): Logger {
  const write = options.write ?? ((line: string) => process.stdout.write(line));
  const now = options.now ?? (() => new Date());
  const threshold = LOG_LEVELS.indexOf(options.level);
  const scopes = new AsyncLocalStorage<LogFields>();

  const emit = (level: LogLevel, message: string, fields: LogFields | undefined, detail?: unknown): void => {
    if (LOG_LEVELS.indexOf(level) < threshold) return;
    const line: Record<string, LineValue> = { time: now().toISOString(), level, msg: message };
    for (const [key, value] of Object.entries({ ...scopes.getStore(), ...fields })) {
      if (!(key in line)) line[key] = value;
    }
    const error = errorField(detail);
    if (error !== undefined) line.error = error;
    write(`${JSON.stringify(redacted(line))}\n`);
  };

  return {
    debug: (message, fields) => emit('debug', message, fields),
    info: (message, fields) => emit('info', message, fields),
    warn: (message, fields) => emit('warn', message, fields),
    error: (message, detail, fields) => emit('error', message, fields, detail),
    scope: (fields, work) => scopes.run({ ...scopes.getStore(), ...fields }, work),
  };
}
