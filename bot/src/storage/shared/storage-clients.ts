import { TableClient } from '@azure/data-tables';
import type { TableServiceClientOptions } from '@azure/data-tables';
import type { TokenCredential } from '@azure/identity';
import { QueueServiceClient } from '@azure/storage-queue';
import type { QueueClient, StoragePipelineOptions } from '@azure/storage-queue';

/**
 * How the SDK clients reach storage. Repositories only ever ask this for clients, so a
 * managed-identity variant (account URLs + a TokenCredential: `new TableClient(url, table,
 * credential)`, `new QueueServiceClient(url, credential)`) is one more factory beside
 * `clientsFromConnectionString`, with no change to callers.
 */
export interface StorageClients {
  table(name: string): TableClient;
  queue(name: string): QueueClient;
}

export interface TransportTuning {
  /** SDK retries of transient failures (network, 5xx) before an error reaches us. */
  readonly maxRetries: number;
  readonly retryDelayMs: number;
  readonly maxRetryDelayMs: number;
  /** Gives up on a request that gets no answer, so a hung storage fails instead of hanging the caller. */
  readonly requestTimeoutMs: number;
}

// Short on purpose: a stopped storage should show as 503 within seconds, not after a minute of
// the SDK's default retries (Table: 3 retries up to 64 s apart; Queue: 4 tries up to 120 s apart).
export const DEFAULT_TRANSPORT: TransportTuning = {
  maxRetries: 2,
  retryDelayMs: 200,
  maxRetryDelayMs: 1_000,
  requestTimeoutMs: 10_000,
};

function tableOptions(tuning: TransportTuning, allowInsecureConnection: boolean): TableServiceClientOptions {
  return {
    allowInsecureConnection,
    retryOptions: { maxRetries: tuning.maxRetries, retryDelayInMs: tuning.retryDelayMs, maxRetryDelayInMs: tuning.maxRetryDelayMs },
  };
}

function queueOptions(tuning: TransportTuning): StoragePipelineOptions {
  return {
    retryOptions: {
      maxTries: tuning.maxRetries + 1,
      retryDelayInMs: tuning.retryDelayMs,
      maxRetryDelayInMs: tuning.maxRetryDelayMs,
      tryTimeoutInMs: tuning.requestTimeoutMs,
    },
  };
}

function withRequestTimeout(client: TableClient, timeoutMs: number): TableClient {
  client.pipeline.addPolicy({
    name: 'peerlearnRequestTimeout',
    sendRequest: (request, next) => {
      if (!request.timeout) request.timeout = timeoutMs;
      return next(request);
    },
  });
  return client;
}

export function clientsFromConnectionString(connectionString: string, tuning: TransportTuning = DEFAULT_TRANSPORT): StorageClients {
  const queues = QueueServiceClient.fromConnectionString(connectionString, queueOptions(tuning));
  return {
    table(name) {
      // Plain http is allowed only where the connection string itself says http (Azurite on loopback).
      const insecure = TableClient.fromConnectionString(connectionString, name).url.startsWith('http://');
      const client = TableClient.fromConnectionString(connectionString, name, tableOptions(tuning, insecure));
      return withRequestTimeout(client, tuning.requestTimeoutMs);
    },
    queue: (name) => queues.getQueueClient(name),
  };
}

interface AccountUrls {
  /** e.g. https://<account>.table.core.windows.net */
  readonly tableUrl: string;
  /** e.g. https://<account>.queue.core.windows.net */
  readonly queueUrl: string;
}

/** Clients that sign in with an Entra ID token (a managed identity in Azure) instead of a shared key. */
export function clientsFromAccountUrls(
  urls: AccountUrls,
  credential: TokenCredential,
  tuning: TransportTuning = DEFAULT_TRANSPORT,
): StorageClients {
  const queues = new QueueServiceClient(urls.queueUrl, credential, queueOptions(tuning));
  return {
    table(name) {
      // Token credentials need https; the SDK refuses them over plain http anyway.
      const client = new TableClient(urls.tableUrl, name, credential, tableOptions(tuning, false));
      return withRequestTimeout(client, tuning.requestTimeoutMs);
    },
    queue: (name) => queues.getQueueClient(name),
  };
}
