import { describe, expect, it } from '@jest/globals';
import { ConfigError, readConfig } from '../../bot/src/config';

describe('delivery settings', () => {
  it('defaults: the worker runs, 30 sends a second per tenant, 6 attempts, 30 days of delivery rows', () => {
    expect(readConfig({}).delivery).toEqual({ worker: true, tenantPerSecond: 30, maxAttempts: 6, retentionDays: 30 });
  });

  it('reads WORKER, TEAMS_TENANT_RATE_PER_SECOND, DELIVERY_MAX_ATTEMPTS and DELIVERY_RETENTION_DAYS', () => {
    const config = readConfig({
      WORKER: 'false',
      TEAMS_TENANT_RATE_PER_SECOND: '15',
      DELIVERY_MAX_ATTEMPTS: '3',
      DELIVERY_RETENTION_DAYS: '90',
    });
    expect(config.delivery).toEqual({ worker: false, tenantPerSecond: 15, maxAttempts: 3, retentionDays: 90 });
  });

  it('refuses a retention shorter than the queue’s 7 days of hiding and a day (a job must not outlive its record)', () => {
    expect(readConfig({ DELIVERY_RETENTION_DAYS: '8' }).delivery.retentionDays).toBe(8);
    expect(() => readConfig({ DELIVERY_RETENTION_DAYS: '7' })).toThrow(
      'DELIVERY_RETENTION_DAYS must be a whole number from 8 to 3650 (got "7")',
    );
    expect(() => readConfig({ DELIVERY_RETENTION_DAYS: '30d' })).toThrow(
      'DELIVERY_RETENTION_DAYS must be a whole number from 8 to 3650 (got "30d")',
    );
  });

  it('names every bad delivery setting', () => {
    let error: unknown;
    try {
      readConfig({ WORKER: 'sometimes', TEAMS_TENANT_RATE_PER_SECOND: '0', DELIVERY_MAX_ATTEMPTS: 'many' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toContain('WORKER must be true or false (got "sometimes")');
    expect(problems).toContain('TEAMS_TENANT_RATE_PER_SECOND must be a whole number from 1 to 100 (got "0")');
    expect(problems).toContain('DELIVERY_MAX_ATTEMPTS must be a whole number from 1 to 20 (got "many")');
  });
});
