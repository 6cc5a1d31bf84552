import type { Team } from './team';

/**
 * Where a team-wide post goes when nothing chose a channel: the General channel (whose id is the
 * team's) when the team knows it, else the first channel it knows; undefined when it knows none.
 */
export function generalChannelOf(team: Pick<Team, 'teamId' | 'channels'>): string | undefined {
  return team.channels.find((c) => c.channelId === team.teamId)?.channelId ?? team.channels[0]?.channelId;
}
