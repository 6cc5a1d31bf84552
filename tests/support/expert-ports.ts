import type { ExpertDirectory } from '../../bot/src/domain/experts/expert-directory';

type Ports = ConstructorParameters<typeof ExpertDirectory>[0];

/**
 * An expert directory's ports over nothing: no tenants, profiles, teams, endorsements or changes. A test
 * names only the parts it watches or feeds (`changes` is merged one level deep).
 */
export function expertPorts(overrides: Partial<Omit<Ports, 'changes'>> & { readonly changes?: Partial<Ports['changes']> } = {}): Ports {
  const { changes, ...rest } = overrides;
  return {
    members: { get: async () => undefined, forEachInTenant: async () => undefined },
    teams: { listForTenant: async () => [] },
    sessions: { listForTeam: async () => [] },
    endorsements: { add: async () => true, addMany: async () => undefined, listForPerson: async () => [], listForTenant: async () => [] },
    ...rest,
    changes: {
      record: async () => undefined,
      recordErasure: async () => undefined,
      since: async () => [],
      tenants: async () => [],
      prune: async () => 0,
      ...changes,
    },
  };
}
