import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Caller, TokenValidator } from './token-validator';

export type AuthedHandler = (req: Request, res: Response, caller: Caller) => Promise<void>;

/** Wraps a route so it runs only for a validated caller; every error goes to the one error handler. */
export function authed(validate: TokenValidator, handler: AuthedHandler): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      const caller = await validate(req.headers.authorization);
      await handler(req, res, caller);
    } catch (error) {
      next(error);
    }
  };
}
