import { screen, within } from '@testing-library/react';
import type { ByRoleMatcher, ByRoleOptions } from '@testing-library/react';

/**
 * The open modal dialog's content, found by role and name. Fluent's focus trap (tabster) marks a
 * modal `aria-hidden` whenever it thinks focus has left it, and in jsdom on a busy machine its focus
 * bookkeeping runs late: the dialog was seen to flip to hidden between two queries (in two
 * clean-clone runs with both cores busy), even with focus put back in it. jsdom has no focus model
 * to test that against, so these queries look inside the dialog whatever tabster says; roles and
 * accessible names are still required. What jsdom cannot check here, a real browser does:
 * tests/e2e/cancel-dialog.spec.ts finds the open dialog through Chromium's accessibility tree.
 */
export async function openDialog() {
  const surface = await screen.findByRole('dialog', { hidden: true });
  const inside = within(surface);
  const all = (options: ByRoleOptions = {}): ByRoleOptions => ({ ...options, hidden: true });
  return {
    getByRole: (role: ByRoleMatcher, options?: ByRoleOptions) => inside.getByRole(role, all(options)),
    queryByRole: (role: ByRoleMatcher, options?: ByRoleOptions) => inside.queryByRole(role, all(options)),
    findByRole: (role: ByRoleMatcher, options?: ByRoleOptions) => inside.findByRole(role, all(options)),
  };
}
