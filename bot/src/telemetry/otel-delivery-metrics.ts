import type { Meter } from '@opentelemetry/api';
import type { DeliveryMetrics } from '../domain/delivery/delivery-metrics';

/** The outbox's counters as OpenTelemetry metrics; Application Insights shows them in `customMetrics`. */
export function otelDeliveryMetrics(meter: Meter): DeliveryMetrics {
  const sent = meter.createCounter('peerlearn.outbox.sent', { description: 'Messages posted or updated in Teams by the outbox' });
  const retried = meter.createCounter('peerlearn.outbox.retried', {
    description: 'Connector calls repeated after 429/412/5xx, and queue messages left for another try',
  });
  const parked = meter.createCounter('peerlearn.outbox.parked', { description: 'Messages given up on and parked for a team owner' });
  return {
    sent: (job) => sent.add(1, { job }),
    retried: (what) => retried.add(1, { what }),
    parked: (reason) => parked.add(1, { reason }),
  };
}
