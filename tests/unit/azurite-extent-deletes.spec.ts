import { createRequire } from 'node:module';
import { beforeEach, describe, expect, it } from '@jest/globals';
import { fixExtentDeletes } from '../../bot/src/storage/shared/embedded-azurite';
import type { ExtentMetadataStoreClass } from '../../bot/src/storage/shared/embedded-azurite';

// Azurite's own extent metadata store (what its queue garbage collector deletes from), on an in-memory LokiJS.
interface Collection {
  binaryIndices: Record<string, { dirty: boolean }>;
  ensureIndex(property: string, force?: boolean): void;
  findOne(query: { readonly id: string }): object | null;
  count(): number;
}
interface Store {
  readonly EXTENTS_COLLECTION: string;
  readonly db: { getCollection(name: string): Collection };
  init(): Promise<void>;
  updateExtent(extent: { id: string; locationId: string; path: string; size: number; lastModifiedInMS: number }): Promise<void>;
  deleteExtent(id: string): Promise<void>;
}
type StoreClass = ExtentMetadataStoreClass & (new (path: string, inMemory: boolean) => Store);

const require = createRequire(import.meta.url);
const AzuriteStore = (require('azurite/dist/src/common/persistence/LokiExtentMetadataStore') as { default: StoreClass }).default;
const azuriteDelete = AzuriteStore.prototype.deleteExtent;
// Each test starts from Azurite's own deleteExtent.
beforeEach(() => {
  AzuriteStore.prototype.deleteExtent = azuriteDelete;
});

/** A store with `count` extents, and how many times LokiJS re-sorted its index on id from then on. */
async function storeWith(Store: StoreClass, count: number): Promise<{ store: Store; extents: Collection; sorts: () => number }> {
  const store = new Store('unused-extents.db', true);
  await store.init();
  for (let i = 0; i < count; i++) {
    await store.updateExtent({ id: `extent-${i}`, locationId: 'Default', path: `extent-${i}`, size: 10, lastModifiedInMS: i });
  }
  const extents = store.db.getCollection(store.EXTENTS_COLLECTION);
  extents.findOne({ id: 'extent-0' }); // the index is clean before counting starts
  let sorted = 0;
  const ensureIndex = extents.ensureIndex.bind(extents);
  extents.ensureIndex = (property, force) => {
    if (force === true || extents.binaryIndices[property]?.dirty === true) sorted++;
    ensureIndex(property, force);
  };
  return { store, extents, sorts: () => sorted };
}

async function deleteEveryOther(store: Store, count: number): Promise<void> {
  for (let i = 0; i < count; i += 2) await store.deleteExtent(`extent-${i}`);
}

describe("Azurite's queue garbage collector deleting message extents", () => {
  const COUNT = 400;

  it('re-sorts the whole extents index once per delete without the fix (what made the shared Azurite spin)', async () => {
    const { store, sorts } = await storeWith(AzuriteStore, COUNT);
    await deleteEveryOther(store, COUNT);
    expect(sorts()).toBeGreaterThanOrEqual(COUNT / 2 - 1);
  });

  it('with the fix deletes the same extents without re-sorting, and the index still finds the rest', async () => {
    fixExtentDeletes(AzuriteStore);
    const { store, extents, sorts } = await storeWith(AzuriteStore, COUNT);
    await deleteEveryOther(store, COUNT);
    expect(sorts()).toBe(0);
    expect(extents.count()).toBe(COUNT / 2);
    for (let i = 0; i < COUNT; i++) {
      expect(extents.findOne({ id: `extent-${i}` }) === null).toBe(i % 2 === 0);
    }
    await store.deleteExtent('extent-unknown'); // an extent already gone is no error, as before
    expect(extents.count()).toBe(COUNT / 2);
  });
});
