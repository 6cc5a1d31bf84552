import { describe, expect, it } from '@jest/globals';
import { ConfigError, readConfig } from '../../bot/src/config';

describe('load-shedding settings', () => {
  it('reads API_MAX_CONCURRENT and BOT_MAX_CONCURRENT, each with its own default', () => {
    expect(readConfig({}).limits).toEqual({ apiConcurrent: 64, botConcurrent: 256 });
    expect(readConfig({ API_MAX_CONCURRENT: '10', BOT_MAX_CONCURRENT: '20' }).limits).toEqual({ apiConcurrent: 10, botConcurrent: 20 });
  });

  it('refuses a cap that is not a whole number from 1 to 10,000', () => {
    let problems: readonly string[] = [];
    try {
      readConfig({ API_MAX_CONCURRENT: '0', BOT_MAX_CONCURRENT: 'lots' });
    } catch (error) {
      if (error instanceof ConfigError) problems = error.problems;
    }
    expect(problems).toEqual([
      'API_MAX_CONCURRENT must be a whole number from 1 to 10000 (got "0")',
      'BOT_MAX_CONCURRENT must be a whole number from 1 to 10000 (got "lots")',
    ]);
  });
});
