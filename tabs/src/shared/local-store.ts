/** Small, failure-proof key/value storage for user preferences. */
export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

const prefix = 'peerlearn.';

/**
 * `localStorage` throws in some sandboxed iframes and private modes; a preference that cannot be
 * remembered is no reason to break the tab.
 */
export function createBrowserStore(storage: () => Storage = () => window.localStorage): KeyValueStore {
  return {
    get(key) {
      try {
        return storage().getItem(prefix + key);
      } catch {
        return null;
      }
    },
    set(key, value) {
      try {
        storage().setItem(prefix + key, value);
      } catch {
        // Not remembered; the choice still applies for this visit.
      }
    },
    remove(key) {
      try {
        storage().removeItem(prefix + key);
      } catch {
        // Nothing to forget.
      }
    },
  };
}
