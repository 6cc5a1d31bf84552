/** Table Storage returns at most 1,000 rows a page. */
export const MAX_PAGE_SIZE = 1000;

export interface PageSettings {
  readonly maxPageSize?: number;
  readonly continuationToken?: string;
}

export type Page<T> = readonly T[] & { readonly continuationToken?: string };

/** What `TableClient.listEntities()` returns, reduced to the part the helper needs (and a test can fake). */
export interface PagedSource<T> {
  byPage(settings?: PageSettings): AsyncIterableIterator<Page<T>>;
}

/**
 * Reads every page of a query. A page may be empty and still carry a continuation token (Table
 * Storage stops at partition boundaries and time limits), so the end is "no token", never "no rows".
 * If an iterator stops on a page that still has a token, the listing resumes from that token.
 */
export async function listAll<T>(source: PagedSource<T>, maxPageSize: number = MAX_PAGE_SIZE): Promise<T[]> {
  const items: T[] = [];
  await forEachPage(
    source,
    (page) => {
      for (const item of page) items.push(item);
    },
    maxPageSize,
  );
  return items;
}

/** The same reading as `listAll`, handing over each page as it comes: nothing holds the whole listing. */
export async function forEachPage<T>(
  source: PagedSource<T>,
  onPage: (page: readonly T[]) => void,
  maxPageSize: number = MAX_PAGE_SIZE,
): Promise<void> {
  let token: string | undefined;
  do {
    let resumeFrom: string | undefined;
    const settings: PageSettings = token === undefined ? { maxPageSize } : { maxPageSize, continuationToken: token };
    for await (const page of source.byPage(settings)) {
      onPage(page);
      resumeFrom = page.continuationToken || undefined;
    }
    token = resumeFrom;
  } while (token !== undefined);
}
