import type { Team } from './team';

/**
 * Where a team-wide post goes when nothing chose a channel: the General channel (Teams gives it the
 * team's own id; a team may also name it) when the team knows it, else the first channel it knows;
 * undefined when it knows none.
 */
export function generalChannelOf(team: Pick<Team, 'teamId' | 'channels'>): string | undefined {
  return (
    team.channels.find((c) => c.channelId === team.teamId)?.channelId ??
    team.channels.find((c) => /^general$/i.test(c.name))?.channelId ??
    team.channels[0]?.channelId
  );
}
