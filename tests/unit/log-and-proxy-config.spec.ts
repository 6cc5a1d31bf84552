import { describe, expect, it } from '@jest/globals';
import { ConfigError, readConfig } from '../../bot/src/config';

function problems(env: Record<string, string>): readonly string[] {
  try {
    readConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('TRUST_PROXY', () => {
  it('trusts no proxy unless told: X-Forwarded-* from a client count for nothing', () => {
    expect(readConfig({}).trustProxy).toBe(false);
    expect(readConfig({ TRUST_PROXY: '' }).trustProxy).toBe(false);
    expect(readConfig({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(readConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
  });

  it('takes a hop count or a list of addresses, subnets and named ranges', () => {
    expect(readConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(readConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::/8, 169.254.129.1' }).trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::/8',
      '169.254.129.1',
    ]);
  });

  it.each(['true', '11', '10.0.0.0/33', 'proxy.example.com', '10.0.0.1/8/2'])('refuses TRUST_PROXY=%s, naming what is allowed', (value) => {
    expect(problems({ TRUST_PROXY: value })).toEqual([
      expect.stringMatching(/^TRUST_PROXY must be the number of proxies .*"true" \(trust every hop\) is refused/),
    ]);
  });
});

describe('LOG_LEVEL', () => {
  it('is info by default and takes debug, info, warn or error', () => {
    expect(readConfig({}).logLevel).toBe('info');
    expect(readConfig({ LOG_LEVEL: 'WARN' }).logLevel).toBe('warn');
    expect(problems({ LOG_LEVEL: 'verbose' })).toEqual(['LOG_LEVEL must be one of debug, info, warn, error (got "verbose")']);
  });
});
