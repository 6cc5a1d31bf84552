import { useTranslation } from 'react-i18next';
import { formatSessionTime } from './format-session';
import { browserTimeZone, viewerClock, zoneCity } from './team-time';

interface SessionTimeProps {
  readonly startsAt: string;
  readonly durationMinutes: number;
  readonly locale: string;
  /** The team's zone (the API's `timeZone`); absent from an older service: the viewer's clock alone, as before. */
  readonly teamTimeZone?: string | undefined;
  /** The viewer's own zone (default: the browser's); a seam for tests. */
  readonly viewerTimeZone?: string | undefined;
}

/**
 * When a session is, on the team's clock (it was planned on it), and the viewer's own start time
 * beside it when their clock differs: "Thursday 3 December 2026, 10:00–10:45 Amsterdam · 04:00 your time".
 */
export function SessionTime({ startsAt, durationMinutes, locale, teamTimeZone, viewerTimeZone }: SessionTimeProps) {
  const { t } = useTranslation();
  const viewer = viewerTimeZone ?? browserTimeZone();
  const zone = teamTimeZone ?? viewer;
  const start = new Date(startsAt);
  const own = teamTimeZone && !Number.isNaN(start.getTime()) ? viewerClock(start, locale, teamTimeZone, viewer) : undefined;
  return (
    <>
      <time dateTime={startsAt}>{formatSessionTime(startsAt, durationMinutes, locale, zone)}</time>
      {own ? ` ${t('common.zoneAndViewer', { city: zoneCity(zone), viewer: own })}` : null}
    </>
  );
}
