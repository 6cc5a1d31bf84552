import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Caller, TokenValidator } from './token-validator';

type AuthedHandler = (req: Request, res: Response, caller: Caller) => Promise<void>;

// One validation per request: the write limit (load-limits.ts) needs the caller before the route does.
const callers = new WeakMap<Request, Promise<Caller>>();

/** The request's validated caller; the token is checked once however often this is asked. */
export function callerOf(req: Request, validate: TokenValidator): Promise<Caller> {
  let caller = callers.get(req);
  if (!caller) {
    caller = validate(req.headers.authorization);
    callers.set(req, caller);
  }
  return caller;
}

/** Wraps a route so it runs only for a validated caller; every error goes to the one error handler. */
export function authed(validate: TokenValidator, handler: AuthedHandler): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      const caller = await callerOf(req, validate);
      const language = readerLanguage(req.headers['accept-language']);
      await handler(req, res, language ? { ...caller, locale: language } : caller);
    } catch (error) {
      next(error);
    }
  };
}

/**
 * The reader's language from `Accept-Language` when it is one PeerLearn speaks (the tab sends the
 * language it shows); otherwise the token's locale stands. Entra tokens from Teams carry no locale.
 */
export function readerLanguage(header: string | undefined): 'nl' | 'en' | undefined {
  const first = header?.split(',')[0]?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (first === 'nl' || first.startsWith('nl-')) return 'nl';
  if (first === 'en' || first.startsWith('en-')) return 'en';
  return undefined;
}
