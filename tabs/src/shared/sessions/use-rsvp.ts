import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiRequestError } from '../api-client';
import type { ApiClient } from '../api-client';
import type { BoardSession, RsvpAnswer } from './board-session';
import { putRsvp, withAnswer, withConfirmed } from './rsvp';

interface RsvpState {
  /** What the board shows instead of the loaded session (optimistic or confirmed). */
  readonly shown: ReadonlyMap<string, BoardSession>;
  readonly busy: ReadonlySet<string>;
  readonly failed: ReadonlySet<string>;
  /** Why the last answer failed (e.g. 409 `session_past`), per session. */
  readonly errors: ReadonlyMap<string, unknown>;
}

const empty: RsvpState = { shown: new Map(), busy: new Set(), failed: new Set(), errors: new Map() };

function without<T>(set: ReadonlySet<T>, value: T): Set<T> {
  const next = new Set(set);
  next.delete(value);
  return next;
}

/** Optimistic RSVP: the card changes at once, and goes back to what it was if the service says no. */
export function useRsvp(api: ApiClient, teamId: string) {
  const [state, setState] = useState<RsvpState>(empty);
  // The answer handler reads the latest shown session without re-creating itself on every change.
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  }, [state]);

  const answer = useCallback(
    (session: BoardSession, response: RsvpAnswer) => {
      const before = stateRef.current.shown.get(session.sessionId);
      const current = before ?? session;
      const optimistic = withAnswer(current, response);
      setState((s) => ({
        shown: new Map(s.shown).set(session.sessionId, optimistic),
        busy: new Set(s.busy).add(session.sessionId),
        failed: without(s.failed, session.sessionId),
        errors: s.errors,
      }));
      putRsvp(api, teamId, session.sessionId, response).then(
        (confirmed) => {
          setState((s) => ({
            shown: new Map(s.shown).set(session.sessionId, withConfirmed(optimistic, confirmed)),
            busy: without(s.busy, session.sessionId),
            failed: s.failed,
            errors: s.errors,
          }));
        },
        (error: unknown) => {
          setState((s) => {
            const shown = new Map(s.shown);
            if (before) shown.set(session.sessionId, before);
            else shown.delete(session.sessionId);
            return {
              shown,
              busy: without(s.busy, session.sessionId),
              failed: new Set(s.failed).add(session.sessionId),
              errors: new Map(s.errors).set(session.sessionId, error),
            };
          });
        },
      );
    },
    [api, teamId],
  );

  return { ...state, answer };
}

/** Why an answer did not stick, in words: answers closed (cancelled or past), or the generic rollback note. */
export function rsvpFailureKey(error: unknown): 'rsvp.closed' | 'rsvp.failed' {
  return error instanceof ApiRequestError && (error.code === 'session_cancelled' || error.code === 'session_past')
    ? 'rsvp.closed'
    : 'rsvp.failed';
}
