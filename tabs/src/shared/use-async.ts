import { useEffect, useRef, useState } from 'react';

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
 * (`ApiClient.answered`): the first render shows it and that `load` is not run; a `retry` or another
 * `load` runs as always.
 */
export function useAsync<T>(
  load: (signal: AbortSignal) => Promise<T>,
  inHand?: () => T | undefined,
): AsyncState<T> & { retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<Settled<T> | null>(() => {
    const data = inHand?.();
    return data === undefined ? null : { load, attempt: 0, state: { status: 'success', data } };
  });
  // The load whose answer was handed over: its first run is skipped (also when Strict Mode runs the effect twice).
  const handedOver = useRef(settled?.load);

  useEffect(() => {
    if (attempt === 0 && handedOver.current === load) return;
    handedOver.current = undefined;
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
