/** The views the app's navigation offers (tabs when wide, a menu when narrow), in order. */
export type NavItem = 'board' | 'experts' | 'tips' | 'my-learning' | 'profile' | 'insights' | 'settings';

export interface NavEntry {
  readonly name: NavItem;
  readonly label: 'board' | 'experts' | 'tips' | 'myLearning' | 'profile' | 'insights' | 'settings';
}

export const items: readonly NavEntry[] = [
  { name: 'board', label: 'board' },
  { name: 'experts', label: 'experts' },
  { name: 'tips', label: 'tips' },
  { name: 'my-learning', label: 'myLearning' },
  { name: 'profile', label: 'profile' },
  { name: 'insights', label: 'insights' },
  { name: 'settings', label: 'settings' },
];
