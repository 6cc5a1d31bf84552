/**
 * Waits for a state, not for a time: runs `check` until it stops throwing (an `expect` inside it
 * passes) and returns what it returned. On timeout the last failure is thrown, so the message is
 * the assertion's own. The timeout only bounds the wait, so it is generous: on a busy machine a
 * state a few hundred milliseconds away can take seconds; a passing check returns at once anyway.
 */
export async function eventually<T>(
  check: () => T | Promise<T>,
  { timeout = 15_000, interval = 50 }: { timeout?: number; interval?: number } = {},
): Promise<T> {
  const deadline = performance.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (performance.now() >= deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/** `expect(value, message)`: the assertion inside, with `message` in front of its failure. */
export function because(message: string, assertion: () => void): void {
  try {
    assertion();
  } catch (error) {
    if (error instanceof Error) error.message = `${message}\n\n${error.message}`;
    throw error;
  }
}
