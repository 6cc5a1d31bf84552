import { afterAll, beforeAll } from '@jest/globals';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import { storagePathOf } from './storage-requests';

/** One request to Azurite's table service: method, table, and the decoded `$filter` of a query. */
export interface StorageCall {
  readonly method: string;
  readonly table: string;
  readonly filter: string;
}

/**
 * Counts the storage requests made while `work` runs, where they leave the process (Node's HTTP
 * client), as tests/bot/rsvp-storage-calls.spec.ts does: whoever sends them, nothing is missed.
 */
export function useStorageCalls(): <T>(work: () => Promise<T>) => Promise<{ readonly result: T; readonly calls: StorageCall[] }> {
  const calls: StorageCall[] = [];
  let counting = false;
  const onRequest = (message: unknown) => {
    const { request } = message as { request: ClientRequest };
    const path = storagePathOf(request.path);
    if (!counting || path === undefined) return;
    const url = new URL(path, 'http://azurite');
    const table = (url.pathname.split('/')[1] ?? '').replace(/\(.*$/, '');
    calls.push({ method: request.method, table, filter: url.searchParams.get('$filter') ?? '' });
  };
  beforeAll(() => {
    subscribe('http.client.request.start', onRequest);
  });
  afterAll(() => {
    unsubscribe('http.client.request.start', onRequest);
  });
  return async (work) => {
    calls.length = 0;
    counting = true;
    try {
      const result = await work();
      return { result, calls: [...calls] };
    } finally {
      counting = false;
    }
  };
}
