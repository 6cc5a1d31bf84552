/** "Open to everyone" (issue #12), a section of `en.ts`: the view and the board's section. */
export const enOpen = {
  title: 'Open to everyone',
  intro: 'Upcoming sessions from all teams in your organisation that anyone may join.',
  search: 'Search by skill or title',
  loading: 'Loading sessions open to everyone…',
  emptyTitle: 'Nothing open to everyone yet',
  emptyText: 'When a team opens a session to the whole organisation, it shows up here.',
  noMatchTitle: 'No session matches “{{query}}”',
  noMatchText: 'Try another skill, or ask to learn it.',
  team: 'From {{team}}',
  listHeading: 'Upcoming sessions',
  more: 'Show more',
  boardHeading: 'Open to everyone',
  boardSeeAll: 'See all sessions open to everyone',
};
