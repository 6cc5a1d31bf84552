/**
 * What a log line may carry besides its message: ids, counts, codes and reasons. Never a token, a
 * secret or personal data beyond ids (names, texts, search terms); the logger redacts what looks like
 * a credential, but the fields are where that is decided.
 */
export type LogFields = Readonly<Record<string, string | number | boolean | readonly string[] | undefined>>;

/** The one logging interface, passed in from the composition root (`server.ts`). */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  /** `detail` is usually the error: its name, message and stack are logged, never its other properties. */
  error(message: string, detail?: unknown, fields?: LogFields): void;
  /** Runs `work` with `fields` on every line it logs, across awaits: an HTTP request id, a bot activity id. */
  scope<T>(fields: LogFields, work: () => T): T;
}
