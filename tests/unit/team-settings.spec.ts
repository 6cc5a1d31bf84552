import { describe, expect, it } from '@jest/globals';
import { reminderWhen } from '../../bot/src/cards/sessions/session-notice-cards';
import { timeZoneOf } from '../../bot/src/domain/sessions/session-service';
import type { Team } from '../../bot/src/domain/teams/team';
import { isTimeZone, settingsOf, validateTeamSettings, withSettings } from '../../bot/src/domain/teams/team-settings';
import { teamFromEntity, teamToEntity } from '../../bot/src/storage/teams/team-mapper';

const team: Team = {
  tenantId: 't',
  teamId: 'team',
  name: 'Team',
  locale: 'nl-NL',
  channels: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('team settings', () => {
  it('a team without settings has the defaults; its locale reads as nl/en', () => {
    expect(settingsOf(team)).toEqual({ reminderMinutes: [1440, 15], timeZone: 'Europe/Amsterdam', locale: 'nl', quietWeeks: 6 });
    expect(settingsOf(undefined).locale).toBe('en');
    expect(timeZoneOf({ ...team, timeZone: 'Asia/Tokyo' })).toBe('Asia/Tokyo');
    // A zone the platform stopped knowing falls back rather than breaking every card.
    expect(timeZoneOf({ ...team, timeZone: 'Nowhere/Land' })).toBe('Europe/Amsterdam');
  });

  it('validates every field at once and keeps absent ones', () => {
    const current = settingsOf(team);
    expect(validateTeamSettings({ reminderMinutes: [15, 10080, 5] }, current)).toEqual({
      ok: true,
      settings: { ...current, reminderMinutes: [10080, 15, 5] },
    });
    expect(validateTeamSettings({}, current)).toEqual({ ok: true, settings: current });
    expect(validateTeamSettings({ reminderMinutes: [] }, current)).toMatchObject({ ok: true, settings: { reminderMinutes: [] } });
    const bad = validateTeamSettings({ reminderMinutes: [4], timeZone: 42, locale: 'NL', extra: 1 }, current);
    expect(bad).toEqual({
      ok: false,
      problems: [
        { field: 'extra', code: 'unknown_field' },
        { field: 'reminderMinutes', code: 'reminder_out_of_range' },
        { field: 'timeZone', code: 'time_zone_unknown' },
        { field: 'locale', code: 'locale_unsupported' },
      ],
    });
    // Quiet weeks (insights): whole weeks from 2 to 26.
    expect(validateTeamSettings({ quietWeeks: 4 }, current)).toEqual({ ok: true, settings: { ...current, quietWeeks: 4 } });
    for (const quietWeeks of [1, 27, 2.5, '6']) {
      expect(validateTeamSettings({ quietWeeks }, current)).toEqual({
        ok: false,
        problems: [{ field: 'quietWeeks', code: 'quiet_weeks_out_of_range' }],
      });
    }
    expect(validateTeamSettings(null, current)).toEqual({ ok: false, problems: [{ field: 'body', code: 'not_an_object' }] });
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Europe/Amsterdam ')).toBe(false);
  });

  it('the mapper stores the settings and reads old rows without them', () => {
    const changed = withSettings(
      team,
      { reminderMinutes: [60], timeZone: 'America/New_York', locale: 'en', quietWeeks: 4 },
      new Date('2026-02-01T00:00:00Z'),
    );
    const round = teamFromEntity({ ...teamToEntity(changed), etag: 'x' } as Parameters<typeof teamFromEntity>[0]);
    expect(round).toEqual(changed);
    const old = teamFromEntity({ ...teamToEntity(team), etag: 'x' } as Parameters<typeof teamFromEntity>[0]);
    expect(old).toEqual(team);
    expect(settingsOf(old).reminderMinutes).toEqual([1440, 15]);
  });

  it('the reminder card says how far off the start is for any setting', () => {
    expect([15, 60, 120, 1440, 2880, 10080].map((m) => reminderWhen(m, 'en'))).toEqual([
      'in 15 minutes',
      'in 60 minutes',
      'in 2 hours',
      'tomorrow',
      'in 2 days',
      'in 7 days',
    ]);
    expect([15, 120, 1440, 4320].map((m) => reminderWhen(m, 'nl'))).toEqual(['over 15 minuten', 'over 2 uur', 'morgen', 'over 3 dagen']);
  });
});
