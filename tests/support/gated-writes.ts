/** A gate a held write waits at: `onTheWire` resolves when the write reaches it, `open` lets it through. */
export interface Gate {
  readonly onTheWire: Promise<void>;
  readonly open: () => void;
}

/**
 * Holds each write on the wire until the test opens its gate: `hold(write)` wraps a write so its n-th call waits
 * at `gates[n]`, the test sees it arrive and decides when it lands (what queues behind it, what an erase drops).
 */
export function gatedWrites(): {
  readonly gates: Gate[];
  hold<A extends unknown[]>(write: (...args: A) => Promise<void>): (...args: A) => Promise<void>;
} {
  const gates: Gate[] = [];
  const nextGate = () => {
    let reached: () => void = () => undefined;
    let open: () => void = () => undefined;
    const onTheWire = new Promise<void>((resolve) => (reached = resolve));
    const opened = new Promise<void>((resolve) => (open = resolve));
    gates.push({ onTheWire, open });
    return { reached: () => reached(), opened };
  };
  let gate = nextGate();
  return {
    gates,
    hold:
      (write) =>
      async (...args) => {
        const held = gate;
        gate = nextGate();
        held.reached();
        await held.opened;
        await write(...args);
      },
  };
}
