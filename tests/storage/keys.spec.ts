import { describe, expect, it } from '@jest/globals';
import {
  escapeKeyPart,
  feedbackKey,
  membershipByTeamKey,
  membershipByUserKey,
  profileKey,
  QUEUES,
  RSVP_TALLY_ROW_KEY,
  rsvpKey,
  sessionKey,
  TABLES,
  teamKey,
  tenantKey,
  unescapeKeyPart,
} from '../../bot/src/storage/shared/keys';

/** What Table Storage forbids in keys: / \\ # ? and the control characters U+0000–U+001F, U+007F–U+009F. */
function hasForbidden(key: string): boolean {
  return [...key].some((ch) => {
    const code = ch.charCodeAt(0);
    return '/\\#?'.includes(ch) || code <= 0x1f || (code >= 0x7f && code <= 0x9f);
  });
}

const samples = [
  '72f988bf-86f1-41af-91ab-2d7cd011db47',
  '19:4a95f7d8db4c4e7fae857bcebe0623e6@thread.tacv2',
  '29:1a2b3c4d-AbCdEf_ghij',
  'team-id',
  'a/b\\c#d?e',
  'x|y~z',
  "O'Brien %20",
  'tab\tnew\nline\u0001\u007f\u0085',
  'Zoë 😀',
];

describe('key escaping', () => {
  it.each(samples)('round-trips %j and leaves nothing Table Storage forbids', (id) => {
    const escaped = escapeKeyPart(id);
    expect(hasForbidden(escaped)).toBe(false);
    expect(escaped).not.toContain('|');
    expect(unescapeKeyPart(escaped)).toBe(id);
  });

  it('the check itself spots forbidden characters', () => {
    expect(hasForbidden('a/b')).toBe(true);
    expect(hasForbidden('line\u0085')).toBe(true);
    expect(hasForbidden('19:abc@thread.tacv2')).toBe(false);
  });

  it('keeps Teams, Entra and Playground ids readable', () => {
    expect(escapeKeyPart('19:abc@thread.tacv2')).toBe('19:abc@thread.tacv2');
    expect(escapeKeyPart('72f988bf-86f1-41af-91ab-2d7cd011db47')).toBe('72f988bf-86f1-41af-91ab-2d7cd011db47');
    expect(escapeKeyPart('team-id')).toBe('team-id');
    expect(escapeKeyPart('a|b')).toBe('a~007Cb');
  });

  it('a separator inside an id cannot shift the boundary between ids', () => {
    expect(sessionKey('a|b', 'c', 's').partitionKey).not.toBe(sessionKey('a', 'b|c', 's').partitionKey);
    expect(rsvpKey('t|s', 'x', 'u').partitionKey).not.toBe(rsvpKey('t', 's|x', 'u').partitionKey);
  });

  it('gives every entity a partition key that starts from its tenant', () => {
    const tenant = '72f988bf-86f1-41af-91ab-2d7cd011db47';
    const keys = [
      tenantKey(tenant),
      teamKey(tenant, 'team'),
      profileKey(tenant, 'user'),
      sessionKey(tenant, 'team', 'session'),
      rsvpKey(tenant, 'session', 'user'),
      feedbackKey(tenant, 'session', 'user'),
    ];
    for (const key of keys) expect(key.partitionKey.startsWith(tenant)).toBe(true);
    expect(membershipByTeamKey(tenant, 'team', 'user').partitionKey).toBe(`team|${tenant}|team`);
    expect(membershipByUserKey(tenant, 'team', 'user').partitionKey).toBe(`user|${tenant}|user`);
  });

  it('reserved row keys cannot collide with an escaped id', () => {
    expect(rsvpKey('t', 's', RSVP_TALLY_ROW_KEY).rowKey).not.toBe(RSVP_TALLY_ROW_KEY);
    expect(rsvpKey('t', 's', '|tally').rowKey).toBe('~007Ctally');
  });

  it('refuses empty, non-string and oversized ids', () => {
    expect(() => profileKey('', 'user')).toThrow(TypeError);
    expect(() => profileKey('tenant', undefined as unknown as string)).toThrow(/non-empty string/);
    expect(() => profileKey('tenant', 42 as unknown as string)).toThrow(TypeError);
    expect(() => profileKey('tenant', 'x'.repeat(600))).toThrow(RangeError);
  });
});

describe('names', () => {
  it('table names are alphanumeric, 3–63 characters, and distinct', () => {
    const names = Object.values(TABLES);
    for (const name of names) expect(name).toMatch(/^[A-Za-z][A-Za-z0-9]{2,62}$/);
    expect(new Set(names).size).toBe(names.length);
  });

  it('queue names are lowercase with hyphens, 3–63 characters', () => {
    expect(QUEUES.jobs).toBe('peerlearn-jobs');
    for (const name of Object.values(QUEUES)) expect(name).toMatch(/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/);
  });
});
