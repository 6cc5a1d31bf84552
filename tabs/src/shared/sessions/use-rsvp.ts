import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiRequestError } from '../api-client';
import type { ApiClient } from '../api-client';
import type { BoardSession, RsvpAnswer } from './board-session';
import { putRsvp, withAnswer, withConfirmed } from './rsvp';

interface RsvpState {
  /** What the board shows instead of the loaded session (optimistic or confirmed). */
  readonly shown: ReadonlyMap<string, BoardSession>;
  /** The answer on its way to the service, per session. */
  readonly pending: ReadonlyMap<string, RsvpAnswer>;
  /** An answer clicked while another was on its way: sent when that one is saved. */
  readonly queued: ReadonlyMap<string, RsvpAnswer>;
  readonly failed: ReadonlySet<string>;
  /** Why the last answer failed (e.g. 409 `session_past`), per session. */
  readonly errors: ReadonlyMap<string, unknown>;
}

const empty: RsvpState = { shown: new Map(), pending: new Map(), queued: new Map(), failed: new Set(), errors: new Map() };

function without<K, V>(map: ReadonlyMap<K, V>, key: K): Map<K, V> {
  const next = new Map(map);
  next.delete(key);
  return next;
}

function withoutItem<T>(set: ReadonlySet<T>, value: T): Set<T> {
  const next = new Set(set);
  next.delete(value);
  return next;
}

/**
 * Optimistic RSVP: the card changes at once, and goes back to what it was if the service says no.
 * Each answer goes to its session's own team (a list of sessions open to everyone spans teams).
 * One answer per session is on its way at a time; a click meanwhile is queued (the last one wins)
 * and sent when the first is saved, or dropped with the first one's failure, which is shown.
 */
export function useRsvp(api: ApiClient) {
  const [state, setState] = useState<RsvpState>(empty);
  // The answer handler reads the latest state without re-creating itself on every change.
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  }, [state]);

  // The queued answer is sent from the first one's callback: through a ref, as `send` cannot name itself.
  const sendRef = useRef<(session: BoardSession, response: RsvpAnswer) => void>(() => undefined);
  const send = useCallback(
    (session: BoardSession, response: RsvpAnswer) => {
      const before = stateRef.current.shown.get(session.sessionId);
      const current = before ?? session;
      const optimistic = withAnswer(current, response);
      const id = session.sessionId;
      const next: RsvpState = {
        ...stateRef.current,
        shown: new Map(stateRef.current.shown).set(id, optimistic),
        pending: new Map(stateRef.current.pending).set(id, response),
        queued: without(stateRef.current.queued, id),
        failed: withoutItem(stateRef.current.failed, id),
      };
      stateRef.current = next;
      setState(next);
      putRsvp(api, session.teamId, id, response).then(
        (confirmed) => {
          const saved = withConfirmed(optimistic, confirmed);
          const queued = stateRef.current.queued.get(id);
          const after: RsvpState = {
            ...stateRef.current,
            shown: new Map(stateRef.current.shown).set(id, saved),
            pending: without(stateRef.current.pending, id),
            queued: without(stateRef.current.queued, id),
          };
          stateRef.current = after;
          setState(after);
          if (queued && queued !== confirmed.response) sendRef.current(saved, queued);
        },
        (error: unknown) => {
          const shown = new Map(stateRef.current.shown);
          if (before) shown.set(id, before);
          else shown.delete(id);
          const after: RsvpState = {
            ...stateRef.current,
            shown,
            pending: without(stateRef.current.pending, id),
            queued: without(stateRef.current.queued, id),
            failed: new Set(stateRef.current.failed).add(id),
            errors: new Map(stateRef.current.errors).set(id, error),
          };
          stateRef.current = after;
          setState(after);
        },
      );
    },
    [api],
  );

  useEffect(() => {
    sendRef.current = send;
  }, [send]);

  const answer = useCallback(
    (session: BoardSession, response: RsvpAnswer) => {
      const id = session.sessionId;
      const pending = stateRef.current.pending.get(id);
      if (pending === undefined) {
        send(session, response);
        return;
      }
      // On its way already: remember the newest wish (the one on its way again: nothing more to send).
      const queued = response === pending ? without(stateRef.current.queued, id) : new Map(stateRef.current.queued).set(id, response);
      const next: RsvpState = { ...stateRef.current, queued };
      stateRef.current = next;
      setState(next);
    },
    [send],
  );

  const busy: ReadonlySet<string> = new Set(state.pending.keys());
  return { ...state, busy, answer };
}

/** Why an answer did not stick, in words: answers closed (cancelled or past), or the generic rollback note. */
export function rsvpFailureKey(error: unknown): 'rsvp.closed' | 'rsvp.failed' {
  return error instanceof ApiRequestError && (error.code === 'session_cancelled' || error.code === 'session_past')
    ? 'rsvp.closed'
    : 'rsvp.failed';
}

/** A session card's RSVP props from the hook's state: the answer on its way, one queued, and why the last one failed (in words). */
export function cardRsvpOf(rsvp: ReturnType<typeof useRsvp>, session: BoardSession, t: (key: 'rsvp.closed' | 'rsvp.failed') => string) {
  const id = session.sessionId;
  return {
    pending: rsvp.pending.get(id),
    queued: rsvp.queued.get(id),
    failure: rsvp.failed.has(id) ? t(rsvpFailureKey(rsvp.errors.get(id))) : undefined,
    onAnswer: (answer: RsvpAnswer) => rsvp.answer(session, answer),
  };
}
