import { forwardRef } from 'react';
import type { ReactNode } from 'react';
import { useInsightsStyles } from './insights-styles';

/**
 * A box that scrolls sideways when its content (a chart, the matrix, a long table) is wider than the
 * screen, so the page itself never does. Focusable and named, so keyboard users can scroll it too.
 */
export const ScrollBox = forwardRef<HTMLDivElement, { readonly label: string; readonly children: ReactNode; readonly testId?: string }>(
  function ScrollBox({ label, children, testId }, ref) {
    const shared = useInsightsStyles();
    return (
      <div ref={ref} className={shared.scroller} role="group" aria-label={label} tabIndex={0} data-testid={testId}>
        {children}
      </div>
    );
  },
);
