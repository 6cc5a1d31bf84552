import { z } from 'zod';
import type { AddressBook, PersonAddress, TeamAddress } from '../../domain/delivery/delivery';
import { id, isoTime, parseRow, toEntity } from '../shared/entity-schema';
import { DELIVERY_TABLES, personAddressKey, teamAddressKey } from '../shared/keys';
import type { StorageTable } from '../shared/storage-table';
import { chunkByPartition } from '../shared/transactions';
import type { TransactionAction } from '@azure/data-tables';

const teamRow = z.object({ tenantId: id, teamId: id, serviceUrl: id, botId: id, updatedAt: isoTime });
const personRow = z.object({
  tenantId: id,
  userId: id,
  serviceUrl: id,
  botId: id,
  // exactOptional: toEntity never writes undefined, so a missing value is a missing column, and the domain type says `?: string`.
  teamsUserId: z.string().min(1).exactOptional(),
  conversationId: z.string().min(1).exactOptional(),
  updatedAt: isoTime,
});

/** Conversation addresses in plAddresses: one row per team, one per person. */
export class TableAddressBook implements AddressBook {
  constructor(private readonly table: StorageTable) {}

  async getTeam(tenantId: string, teamId: string): Promise<TeamAddress | undefined> {
    const entity = await this.table.get(teamAddressKey(tenantId, teamId));
    return entity && parseRow(DELIVERY_TABLES.addresses, entity, teamRow, (r) => teamAddressKey(r.tenantId, r.teamId));
  }

  async putTeam(a: TeamAddress): Promise<void> {
    await this.table.upsert(
      toEntity(teamAddressKey(a.tenantId, a.teamId), {
        tenantId: a.tenantId,
        teamId: a.teamId,
        serviceUrl: a.serviceUrl,
        botId: a.botId,
        updatedAt: a.updatedAt,
      }),
    );
  }

  async removeTeam(tenantId: string, teamId: string): Promise<void> {
    await this.table.delete(teamAddressKey(tenantId, teamId));
  }

  async getPerson(tenantId: string, userId: string): Promise<PersonAddress | undefined> {
    const entity = await this.table.get(personAddressKey(tenantId, userId));
    return entity && parseRow(DELIVERY_TABLES.addresses, entity, personRow, (r) => personAddressKey(r.tenantId, r.userId));
  }

  async putPerson(a: PersonAddress): Promise<void> {
    await this.table.upsert(personEntity(a));
  }

  async mergePeople(addresses: readonly PersonAddress[]): Promise<void> {
    // A tenant's people share one partition: a transaction per 100 of them.
    for (const partition of chunkByPartition(addresses.map(personEntity))) {
      for (const chunk of partition) await this.table.transaction(chunk.map((e): TransactionAction => ['upsert', e, 'Merge']));
    }
  }
}

/** A person's row; columns the address leaves out are not written (a merge keeps the stored ones). */
function personEntity(a: PersonAddress) {
  return toEntity(personAddressKey(a.tenantId, a.userId), {
    tenantId: a.tenantId,
    userId: a.userId,
    serviceUrl: a.serviceUrl,
    botId: a.botId,
    teamsUserId: a.teamsUserId,
    conversationId: a.conversationId,
    updatedAt: a.updatedAt,
  });
}
