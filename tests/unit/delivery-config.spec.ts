import { describe, expect, it } from '@jest/globals';
import { ConfigError, readConfig } from '../../bot/src/config';

describe('delivery settings', () => {
  it('defaults: the worker runs, 30 sends a second per tenant, 6 attempts', () => {
    expect(readConfig({}).delivery).toEqual({ worker: true, tenantPerSecond: 30, maxAttempts: 6 });
  });

  it('reads WORKER, TEAMS_TENANT_RATE_PER_SECOND and DELIVERY_MAX_ATTEMPTS', () => {
    const config = readConfig({ WORKER: 'false', TEAMS_TENANT_RATE_PER_SECOND: '15', DELIVERY_MAX_ATTEMPTS: '3' });
    expect(config.delivery).toEqual({ worker: false, tenantPerSecond: 15, maxAttempts: 3 });
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
