import type { MemberProfile } from '../../domain/experts/member';
import type { MemberRepository } from '../../domain/shared/repositories';
import type { ProfileChangeFeed } from '../../domain/experts/expert-ports';

/**
 * The member repository, announcing every profile write on the change feed, so expert search on
 * every instance picks it up within seconds whoever wrote it (bot, tab API, seeding).
 * A Proxy, so methods added to the repository later still pass through; only these four writes
 * are announced (a new write method must be added here).
 */
export function recordingProfileChanges(members: MemberRepository, changes: ProfileChangeFeed): MemberRepository {
  const byTenant = (profiles: readonly MemberProfile[]) => {
    const groups = new Map<string, string[]>();
    for (const p of profiles) groups.set(p.tenantId, [...(groups.get(p.tenantId) ?? []), p.userId]);
    return groups;
  };
  const overrides: Partial<MemberRepository> = {
    async put(profile) {
      await members.put(profile);
      await changes.record(profile.tenantId, [profile.userId]);
    },
    async putMany(profiles) {
      await members.putMany(profiles);
      for (const [tenantId, userIds] of byTenant(profiles)) await changes.record(tenantId, userIds);
    },
    async createMany(profiles) {
      const created = await members.createMany(profiles);
      if (created) for (const [tenantId, userIds] of byTenant(profiles)) await changes.record(tenantId, userIds);
      return created;
    },
    async update(tenantId, userId, change) {
      let wrote = false;
      const result = await members.update(tenantId, userId, (current) => {
        const next = change(current);
        wrote = next !== undefined;
        return next;
      });
      if (wrote) await changes.record(tenantId, [userId]);
      return result;
    },
  };
  return new Proxy(members, {
    get(target, property, receiver) {
      if (typeof property === 'string' && property in overrides) return overrides[property as keyof MemberRepository];
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
