import { useEffect, useRef, useState } from 'react';
import type { InHand } from './api-client';

type AsyncState<T> =
  { readonly status: 'loading' } | { readonly status: 'success'; readonly data: T } | { readonly status: 'error'; readonly error: unknown };

interface Settled<T> {
  readonly load: (signal: AbortSignal) => Promise<T>;
  readonly attempt: number;
  readonly state: AsyncState<T>;
}

/**
 * Runs `load` (keep it stable with `useCallback`) and re-runs it when it changes or on `retry`.
 * A result counts only for the `load` and attempt that produced it, so a stale answer never shows.
 *
 * `inHand`, read once as the component mounts, gives the first `load`'s answer when it is already there
 * (`ApiClient.answered`): the first render shows it, that `load` is not run, and the answer is taken
 * once the render is on screen (a render React throws away leaves it for the next mount). A `retry` or
 * another `load` runs as always. An `inHand` that throws counts as nothing in hand.
 */
export function useAsync<T>(
  load: (signal: AbortSignal) => Promise<T>,
  inHand?: () => InHand<T> | undefined,
): AsyncState<T> & { retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  const [handedOver] = useState(() => {
    try {
      const held = inHand?.();
      return held && { load, held };
    } catch {
      return undefined;
    }
  });
  const [settled, setSettled] = useState<Settled<T> | null>(() =>
    handedOver ? { load, attempt: 0, state: { status: 'success', data: handedOver.held.data } } : null,
  );
  // Until another load runs: the handed-over one is not run, only taken (also when Strict Mode runs the effect twice).
  const unloaded = useRef(handedOver);

  useEffect(() => {
    const given = unloaded.current;
    if (given && attempt === 0 && given.load === load) {
      given.held.take();
      return;
    }
    unloaded.current = undefined;
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setSettled({ load, attempt, state: { status: 'success', data } });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setSettled({ load, attempt, state: { status: 'error', error } });
      },
    );
    return () => controller.abort();
  }, [load, attempt]);

  const retry = () => setAttempt((n) => n + 1);
  const current = settled && settled.load === load && settled.attempt === attempt ? settled.state : { status: 'loading' as const };
  return { ...current, retry };
}
