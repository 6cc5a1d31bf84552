// First, before anything else of this module's graph runs: registers OpenTelemetry's ESM hooks
// (import-in-the-middle), so the service's modules imported after this one are instrumented. The
// documented way is `node --import @azure/monitor-opentelemetry/loader`; the entry (index.ts) does the
// same in-process, only when Application Insights is configured, by importing this module before the
// service's chunk.
import '@azure/monitor-opentelemetry/loader';
import { shutdownAzureMonitor, useAzureMonitor } from '@azure/monitor-opentelemetry';
import { metrics } from '@opentelemetry/api';
import type { DeliveryMetrics } from '../domain/delivery/delivery-metrics';
import { otelDeliveryMetrics } from './otel-delivery-metrics';

export interface Telemetry {
  readonly deliveryMetrics: DeliveryMetrics;
  /** Sends what is still buffered; called on a graceful stop. */
  shutdown(): Promise<void>;
}

/**
 * Azure Monitor's OpenTelemetry distro: incoming requests, outgoing HTTP (Storage, the Bot Connector,
 * Graph), exceptions and the outbox's counters, exported to Application Insights. Batching intervals
 * follow the OpenTelemetry environment variables (OTEL_BSP_SCHEDULE_DELAY, OTEL_METRIC_EXPORT_INTERVAL).
 */
export function startTelemetry(options: { readonly connectionString: string }): Telemetry {
  useAzureMonitor({ azureMonitorExporterOptions: { connectionString: options.connectionString } });
  return {
    deliveryMetrics: otelDeliveryMetrics(metrics.getMeter('peerlearn')),
    shutdown: () => shutdownAzureMonitor(),
  };
}
