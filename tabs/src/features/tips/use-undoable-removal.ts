import { useCallback, useEffect, useRef, useState } from 'react';

/** How long "Undo" is offered before the removal is sent. */
export const UNDO_MS = 8_000;

interface Pending<T> {
  readonly item: T;
  readonly timer: ReturnType<typeof setTimeout>;
}

/**
 * Removal with undo: the item disappears at once, and the service hears of it only when the undo
 * window lapses (or when another removal or leaving the page ends it), so "Undo" needs no restore
 * on the server. A failed removal brings the item back and says so.
 */
export function useUndoableRemoval<T extends { readonly id: string }>(
  commit: (item: T) => Promise<'removed' | 'failed'>,
  undoMs = UNDO_MS,
) {
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [pending, setPending] = useState<T | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const current = useRef<Pending<T> | undefined>(undefined);
  // The latest commit (it closes over the api and team), for a timer set in an earlier render.
  const commitRef = useRef(commit);
  useEffect(() => {
    commitRef.current = commit;
  }, [commit]);

  const settle = useCallback((item: T) => {
    void commitRef.current(item).then((outcome) => {
      if (outcome === 'removed') return;
      setHidden((ids) => new Set([...ids].filter((id) => id !== item.id)));
      setFailed(true);
    });
  }, []);

  /** Sends the pending removal now (its window ended early). */
  const flush = useCallback(() => {
    const was = current.current;
    if (!was) return;
    clearTimeout(was.timer);
    current.current = undefined;
    setPending(undefined);
    settle(was.item);
  }, [settle]);

  const remove = useCallback(
    (item: T) => {
      flush();
      setFailed(false);
      setHidden((ids) => new Set([...ids, item.id]));
      const timer = setTimeout(() => {
        if (current.current?.item.id !== item.id) return;
        current.current = undefined;
        setPending(undefined);
        settle(item);
      }, undoMs);
      current.current = { item, timer };
      setPending(item);
    },
    [flush, settle, undoMs],
  );

  const undo = useCallback(() => {
    const was = current.current;
    if (!was) return;
    clearTimeout(was.timer);
    current.current = undefined;
    setPending(undefined);
    setHidden((ids) => new Set([...ids].filter((id) => id !== was.item.id)));
  }, []);

  // Leaving the page ends the window: the person asked for the removal and did not undo it.
  useEffect(() => flush, [flush]);

  return { hidden, pending, failed, remove, undo };
}
