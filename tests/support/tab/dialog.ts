import { screen, waitFor, within } from '@testing-library/react';
import { expect } from '@jest/globals';

/**
 * The open modal dialog, once it is in the accessibility tree. Fluent's focus trap (tabster) marks a
 * modal `aria-hidden` while it is not the active one, and it becomes active when focus is inside it.
 * A browser moves focus in as the dialog opens; in jsdom on a busy machine tabster can see that focus
 * leave again before it settles (seen: the dialog stayed hidden for good). So focus is put in the
 * dialog, as a person's next Tab or click would, until tabster shows it.
 */
export async function openDialog(): Promise<ReturnType<typeof within>> {
  const surface = await screen.findByRole('dialog', { hidden: true });
  await waitFor(() => {
    if (!surface.contains(document.activeElement)) surface.focus();
    expect(surface.getAttribute('aria-hidden')).toBeNull();
  });
  return within(surface);
}
