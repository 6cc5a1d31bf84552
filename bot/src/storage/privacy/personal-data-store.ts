import type { ProfileChangeFeed } from '../../domain/experts/expert-ports';
import { erasureKeyOf } from '../../domain/privacy/erasure-key';
import type { EraseCounts, PersonalDataStore, PersonalTableExport } from '../../domain/privacy/personal-data';
import type { PersonRef } from '../../domain/shared/person';
import { personAddressKey, profileKey } from '../shared/keys';
import type { StorageTable } from '../shared/storage-table';
import { plain, sum } from './privacy-rule';
import type { EraseContext, PersonInView } from './privacy-rule';
import { PRIVACY_RULES } from './privacy-rules';
import type { AnyTableId } from './privacy-rules';

interface PersonalDataStoreDeps {
  /** Every table, by id (see keys.ts: TABLES and DELIVERY_TABLES). */
  readonly tables: Readonly<Record<AnyTableId, StorageTable>>;
  /** The expert-search change feed: an erase tells every instance's index to forget the person. */
  readonly changes: Pick<ProfileChangeFeed, 'recordErasure'>;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

const ruleIds = Object.keys(PRIVACY_RULES) as AnyTableId[];

/** Runs the rules of storage/privacy/ over every table (see domain/privacy/personal-data.ts). */
export function createPersonalDataStore(deps: PersonalDataStoreDeps): PersonalDataStore {
  const { tables } = deps;

  // What names the person besides their id, read before anything is erased.
  async function inView(person: PersonRef): Promise<PersonInView> {
    const [profile, address] = await Promise.all([
      tables.profiles.get(profileKey(person.tenantId, person.userId)),
      tables.addresses.get(personAddressKey(person.tenantId, person.userId)),
    ]);
    return {
      person,
      displayName: text(profile?.['displayName']),
      email: text(profile?.['email']),
      conversationId: text(address?.['conversationId']),
    };
  }

  return {
    async collect(person) {
      const who = await inView(person);
      const found = await Promise.all(
        ruleIds.map(async (id): Promise<PersonalTableExport> => {
          const rule = PRIVACY_RULES[id];
          const rows = await rule.find(tables[id], who);
          return { table: tables[id].name, purpose: rule.purpose, retention: rule.retention, rows: rows.map(plain) };
        }),
      );
      return [...found].sort((a, b) => a.table.localeCompare(b.table));
    },

    async erase(person, contributions) {
      const context: EraseContext = { ...(await inView(person)), contributions, changedPeople: new Set() };
      const counts: EraseCounts[] = [];
      for (const id of ruleIds) {
        if (id === 'profiles') {
          // Before the profile goes: an erase that stops after this finds the profile again and announces once more, which is harmless.
          const before = sum(counts);
          if (before.removed + before.anonymised > 0 || (await PRIVACY_RULES.profiles.find(tables.profiles, context)).length > 0) {
            await deps.changes.recordErasure(person.tenantId, await erasureKeyOf(person.tenantId, person.userId), [
              ...context.changedPeople,
            ]);
          }
        }
        // One table after the other, in the registry's order (see privacy-rules.ts).
        const rule = PRIVACY_RULES[id];
        const rows = await rule.find(tables[id], context);
        if (rows.length > 0) counts.push(await rule.erase(tables[id], rows, context));
      }
      return sum(counts);
    },
  };
}
