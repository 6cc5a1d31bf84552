/** Where the plan form keeps its draft: sessionStorage, which throws in some sandboxed frames. */
export function draftStore(storage: Storage | undefined) {
  const get = () => storage ?? window.sessionStorage;
  // A draft that cannot be kept must not break the form.
  return {
    read: (key: string) => {
      try {
        return get().getItem(key);
      } catch {
        return null;
      }
    },
    write: (key: string, value: string) => {
      try {
        get().setItem(key, value);
      } catch {
        // Kept in memory only.
      }
    },
    remove: (key: string) => {
      try {
        get().removeItem(key);
      } catch {
        // Nothing kept.
      }
    },
  };
}
