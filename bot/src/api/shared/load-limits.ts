import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from '../../domain/shared/logger';
import type { WriteLimiter } from '../../domain/shared/write-rate-limiter';
import type { ApiError } from '../contract';
import { callerOf } from './authed';
import type { TokenValidator } from './token-validator';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** One shedding warning per this long, with the count since: a flood must not become a flood of log lines. */
const SHED_LOG_EVERY_MS = 10_000;

function refuse(res: Response, status: number, retryAfterSeconds: number, code: string, message: string): void {
  const body: ApiError = { error: { code, message } };
  res.setHeader('Retry-After', String(retryAfterSeconds));
  res.status(status).json(body);
}

/**
 * At most `max` requests of one kind in flight; the next is answered 503 with `Retry-After` at once
 * instead of waiting in a queue, so a flood costs memory for `max` requests, not for all of them,
 * and what is not capped here (`/healthz`, `/readyz`, the other kind) keeps its turn on the event loop.
 */
export function concurrencyCap(name: string, max: number, log: Logger): RequestHandler {
  let inFlight = 0;
  let shed = 0;
  let loggedAt = Number.NEGATIVE_INFINITY;
  return (_req, res, next) => {
    if (inFlight >= max) {
      shed += 1;
      const now = performance.now();
      if (now - loggedAt >= SHED_LOG_EVERY_MS) {
        log.warn('shedding load: too many requests in flight', { endpoint: name, max, shed });
        loggedAt = now;
        shed = 0;
      }
      refuse(res, 503, 1, 'overloaded', 'PeerLearn is very busy right now. Please try again in a moment.');
      return;
    }
    inFlight += 1;
    let done = false;
    // 'close' comes after the answer is sent and also when the client goes away first.
    res.once('close', () => {
      if (done) return;
      done = true;
      inFlight -= 1;
    });
    next();
  };
}

/**
 * Counts each change (POST/PUT/PATCH/DELETE) against the caller's and the tenant's windows
 * (domain/shared/write-rate-limiter.ts) and answers 429 with `Retry-After` past them. A request without a
 * valid token goes on uncounted: its route answers 401. The validated caller is kept for the route.
 */
export function writeRateLimit(
  limiter: WriteLimiter,
  validate: TokenValidator,
  clock: () => number = () => performance.now(),
): RequestHandler {
  return (req: Request, res, next) => {
    if (!WRITE_METHODS.has(req.method)) return next();
    callerOf(req, validate).then(
      (caller) => {
        const decision = limiter.take(caller.tenantId, caller.userId, clock());
        if (decision.allowed) return next();
        const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
        const who = decision.limitedBy === 'person' ? 'You are making changes' : 'Your organisation is making changes';
        refuse(res, 429, seconds, 'rate_limited', `${who} faster than PeerLearn accepts. Please wait ${seconds} s and try again.`);
      },
      () => next(),
    );
  };
}
