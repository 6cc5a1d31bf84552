import { StrictMode, useCallback } from 'react';
import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from '@jest/globals';
import { useAsync } from '../../tabs/src/shared/use-async';

// The views' loader. An answer already in hand (the entry's early start, issue #16) is drawn by the
// first render without running the load; a retry, or another load, runs as always.
function counting() {
  const calls: string[] = [];
  const Counting = (props: { readonly source: string; readonly inHand?: string }) => {
    const load = useCallback(() => {
      calls.push(props.source);
      return Promise.resolve(`${props.source} loaded`);
    }, [props.source]);
    const state = useAsync(load, props.inHand === undefined ? undefined : () => props.inHand);
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

describe('useAsync', () => {
  it('draws an answer in hand in the first render and does not load it (also under Strict Mode)', async () => {
    const { calls, Counting } = counting();
    render(
      <StrictMode>
        <Counting source="a" inHand="a in hand" />
      </StrictMode>,
    );
    expect(screen.getByTestId('shown').textContent).toBe('a in hand');
    await act(async () => Promise.resolve());
    expect(calls).toEqual([]);
    expect(screen.getByTestId('shown').textContent).toBe('a in hand');
  });

  it('loads as always on retry, and for another load', async () => {
    const { calls, Counting } = counting();
    const { rerender } = render(<Counting source="a" inHand="a in hand" />);
    await act(async () => screen.getByRole('button', { name: 'retry' }).click());
    expect(calls).toEqual(['a']);
    expect(screen.getByTestId('shown').textContent).toBe('a loaded');

    rerender(<Counting source="b" inHand="ignored: read once" />);
    await act(async () => Promise.resolve());
    expect(calls).toEqual(['a', 'b']);
    expect(screen.getByTestId('shown').textContent).toBe('b loaded');
  });

  it('without an answer in hand starts loading, then shows the answer', async () => {
    const { calls, Counting } = counting();
    render(<Counting source="c" />);
    expect(screen.getByTestId('shown').textContent).toBe('loading');
    await act(async () => Promise.resolve());
    expect(screen.getByTestId('shown').textContent).toBe('c loaded');
    expect(calls).toEqual(['c']);
  });
});
