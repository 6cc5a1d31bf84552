import type { QueueClient } from '@azure/storage-queue';
import type { AddressBook, DeliveryRecords, ParkedDeliveries, WorkQueue } from '../../domain/delivery/delivery';
import { DELIVERY_TABLES, QUEUES } from '../shared/keys';
import type { StorageClients } from '../shared/storage-clients';
import { StorageTable } from '../shared/storage-table';
import { TableAddressBook } from './table-address-book';
import { TableDeliveryRecords } from './table-delivery-records';
import { TableParkedDeliveries } from './table-parked-deliveries';
import { StorageWorkQueue } from './queue-work-queue';

export interface DeliveryStorage {
  readonly addresses: AddressBook;
  readonly delivered: DeliveryRecords;
  readonly parked: ParkedDeliveries;
  readonly queue: WorkQueue;
  /** Creates the delivery tables (the jobs queue is created by createStorage). */
  ensureCreated(): Promise<void>;
}

/** The outbox's side of storage: addresses, the idempotency record, parked messages and the worker's queue. */
export function createDeliveryStorage(clients: StorageClients, jobsQueue?: QueueClient): DeliveryStorage {
  const tables = {
    addresses: new StorageTable(DELIVERY_TABLES.addresses, clients.table(DELIVERY_TABLES.addresses)),
    delivered: new StorageTable(DELIVERY_TABLES.delivered, clients.table(DELIVERY_TABLES.delivered)),
    parked: new StorageTable(DELIVERY_TABLES.parked, clients.table(DELIVERY_TABLES.parked)),
  };
  return {
    addresses: new TableAddressBook(tables.addresses),
    delivered: new TableDeliveryRecords(tables.delivered),
    parked: new TableParkedDeliveries(tables.parked),
    queue: new StorageWorkQueue(jobsQueue ?? clients.queue(QUEUES.jobs)),
    async ensureCreated() {
      await Promise.all(Object.values(tables).map((t) => t.ensureCreated()));
    },
  };
}
