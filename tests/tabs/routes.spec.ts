import { describe, expect, it } from '@jest/globals';
import { boardContentUrl, boardEntityId, hrefFor, parseHashRoute, parseLocation, subPageIdFor } from '../../tabs/src/app/routes';
import type { Route } from '../../tabs/src/app/routes';

const at = (url: string) => {
  const u = new URL(url, 'https://tab.example');
  return { pathname: u.pathname, search: u.search, hash: u.hash };
};

describe('routes', () => {
  it.each<[string, Route]>([
    ['https://tab.example/', { name: 'board' }],
    ['https://tab.example/#/board', { name: 'board' }],
    ['https://tab.example/#/experts?q=type%20script', { name: 'experts', query: 'type script' }],
    ['https://tab.example/#/sessions/19%3Aa%40thread/s-1', { name: 'session', teamId: '19:a@thread', sessionId: 's-1' }],
    ['https://tab.example/#/sessions/t/s-1/edit', { name: 'plan', teamId: 't', sessionId: 's-1' }],
    ['https://tab.example/#/plan/t', { name: 'plan', teamId: 't' }],
    ['https://tab.example/?view=my-learning', { name: 'my-learning' }],
    ['https://tab.example/config', { name: 'config' }],
    ['https://tab.example/#/nonsense/x', { name: 'board' }],
    ['https://tab.example/#/sessions/%E0%A4%A/s', { name: 'board' }],
    ['https://tab.example/?view=my-learning#/profile', { name: 'profile' }],
    ['https://tab.example/?view=privacy', { name: 'privacy' }],
    ['https://tab.example/?view=terms', { name: 'terms' }],
    ['https://tab.example/#/privacy', { name: 'privacy' }],
    ['https://tab.example/?view=buddies', { name: 'buddies' }],
    ['https://tab.example/#/buddies/19%3Aa%40thread', { name: 'buddies', teamId: '19:a@thread' }],
    ['https://tab.example/#/buddies/t/extra', { name: 'board' }],
  ])('%s', (url, route) => {
    expect(parseLocation(at(url))).toEqual(route);
  });

  it('round-trips every route through its href and its Teams subPageId', () => {
    const routes: Route[] = [
      { name: 'board' },
      { name: 'experts', query: 'C# & .NET' },
      { name: 'session', teamId: '19:x/y@thread.tacv2', sessionId: 's 1' },
      { name: 'plan', teamId: 't', sessionId: 's' },
      { name: 'plan', teamId: 't' },
      { name: 'tips' },
      { name: 'profile' },
      { name: 'my-learning' },
      { name: 'insights' },
      { name: 'settings' },
      { name: 'buddies' },
      { name: 'buddies', teamId: '19:x/y@thread.tacv2' },
      { name: 'privacy' },
      { name: 'terms' },
    ];
    for (const route of routes) {
      expect(parseHashRoute(hrefFor(route))).toEqual(route);
      expect(parseHashRoute(subPageIdFor(route))).toEqual(route);
    }
  });

  it('gives the channel tab a stable entity id and the board as content', () => {
    expect(boardEntityId('19:abc@thread.tacv2')).toBe('peerlearn-board-19:abc@thread.tacv2');
    expect(boardContentUrl('https://tab.example')).toBe('https://tab.example/#/board');
  });
});
