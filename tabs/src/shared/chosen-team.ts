import { useCallback, useState } from 'react';
import type { KeyValueStore } from './local-store';
import { preferenceKeys } from './preference-keys';

/** The team a view shows: the one the person last chose (on the board, in Tips, Insights, Buddies or Settings), else their first. */
export function pickTeam<T extends { readonly teamId: string }>(teams: readonly T[], chosen: string | null | undefined): T | undefined {
  return teams.find((team) => team.teamId === chosen) ?? teams[0];
}

/**
 * The remembered team choice of a view outside any channel: read once from the store, and a choice is
 * written back so the next view (and the next visit) opens on the same team.
 */
export function useChosenTeam(store: KeyValueStore | undefined): {
  readonly chosen: string | null;
  readonly choose: (teamId: string) => void;
} {
  const [chosen, setChosen] = useState(() => store?.get(preferenceKeys.team) ?? null);
  const choose = useCallback(
    (teamId: string) => {
      store?.set(preferenceKeys.team, teamId);
      setChosen(teamId);
    },
    [store],
  );
  return { chosen, choose };
}
