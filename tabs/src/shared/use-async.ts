import { useEffect, useState } from 'react';

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
 */
export function useAsync<T>(load: (signal: AbortSignal) => Promise<T>): AsyncState<T> & { retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<Settled<T> | null>(null);

  useEffect(() => {
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
