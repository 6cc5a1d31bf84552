import { StrictMode, useCallback } from 'react';
import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from '@jest/globals';
import type { InHand } from '../../tabs/src/shared/api-client';
import { useAsync } from '../../tabs/src/shared/use-async';

// The views' loader. An answer already in hand (the entry's early start, issue #16) is drawn by the
// first render without running the load, and taken once that render is on screen; a retry, or another
// load, runs as always.

/** An answer in hand as `ApiClient.answered` gives it: the same until taken, then gone. */
function heldAnswer(data: string) {
  let taken = 0;
  const held: InHand<string> = {
    data,
    take: () => {
      taken += 1;
    },
  };
  return { offer: () => (taken === 0 ? held : undefined), taken: () => taken };
}

function counting() {
  const calls: string[] = [];
  const Counting = (props: { readonly source: string; readonly inHand?: (() => InHand<string> | undefined) | undefined }) => {
    const load = useCallback(() => {
      calls.push(props.source);
      return Promise.resolve(`${props.source} loaded`);
    }, [props.source]);
    const state = useAsync(load, props.inHand);
    return (
      <div>
        <p data-testid="shown">{state.status === 'success' ? state.data : state.status}</p>
        <button type="button" onClick={state.retry}>
          retry
        </button>
      </div>
    );
  };
  return { calls, Counting };
}

const shown = () => screen.getByTestId('shown').textContent;

describe('useAsync', () => {
  it('draws an answer in hand in the first render, takes it once on screen and does not load it (Strict Mode too)', async () => {
    const { calls, Counting } = counting();
    const answer = heldAnswer('a in hand');
    render(
      <StrictMode>
        <Counting source="a" inHand={answer.offer} />
      </StrictMode>,
    );
    expect(shown()).toBe('a in hand');
    expect(answer.taken()).toBeGreaterThan(0);
    await act(async () => Promise.resolve());
    expect(calls).toEqual([]);
    expect(shown()).toBe('a in hand');
  });

  it('loads another load at once, even before any retry, and never re-reads what was in hand', async () => {
    const { calls, Counting } = counting();
    let offered = 0;
    const inHand = () => {
      offered += 1;
      return { data: 'a in hand', take: () => undefined };
    };
    const { rerender } = render(<Counting source="a" inHand={inHand} />);
    rerender(<Counting source="b" inHand={inHand} />);
    expect(shown()).toBe('loading');
    await act(async () => Promise.resolve());
    expect(calls).toEqual(['b']);
    expect(shown()).toBe('b loaded');
    expect(offered).toBe(1);
  });

  it('loads as always on retry', async () => {
    const { calls, Counting } = counting();
    render(<Counting source="a" inHand={heldAnswer('a in hand').offer} />);
    await act(async () => screen.getByRole('button', { name: 'retry' }).click());
    expect(calls).toEqual(['a']);
    expect(shown()).toBe('a loaded');
  });

  it('starts loading without an answer in hand, or when reading it throws, then shows the answer', async () => {
    for (const inHand of [undefined, () => undefined, () => JSON.parse('{') as InHand<string>]) {
      const { calls, Counting } = counting();
      const { unmount } = render(<Counting source="c" inHand={inHand} />);
      expect(shown()).toBe('loading');
      await act(async () => Promise.resolve());
      expect(shown()).toBe('c loaded');
      expect(calls).toEqual(['c']);
      unmount();
    }
  });
});
