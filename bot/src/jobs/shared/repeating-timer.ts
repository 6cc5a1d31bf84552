/** A background pass that runs now and then, and how to stop it. */
export interface RepeatingPass {
  /** Stops the timer and waits for a pass in progress. */
  readonly stop: () => Promise<void>;
  /** One pass now (tests, and the timer itself). */
  readonly runOnce: () => Promise<void>;
}

/**
 * Runs `pass` first after `firstAfterMs`, then `everyMs` after each pass ends (never two at once).
 * `pass` handles its own errors. The timer never keeps the process alive.
 */
export function startRepeating(
  pass: () => Promise<void>,
  timing: { readonly everyMs: number; readonly firstAfterMs: number },
): RepeatingPass {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;

  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = pass().finally(() => {
        running = undefined;
        schedule(timing.everyMs);
      });
    }, ms);
    timer.unref();
  };
  schedule(timing.firstAfterMs);

  return {
    runOnce: pass,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
