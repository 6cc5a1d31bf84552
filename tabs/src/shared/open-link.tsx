import { createContext, useContext } from 'react';
import type { MouseEvent, ReactNode } from 'react';

/** Opens a Teams deep link inside the Teams client; absent outside Teams. */
type LinkOpener = (url: string) => Promise<void>;

const LinkOpenerContext = createContext<LinkOpener | undefined>(undefined);

export function LinkOpenerProvider({ opener, children }: { readonly opener: LinkOpener | undefined; readonly children: ReactNode }) {
  return <LinkOpenerContext.Provider value={opener}>{children}</LinkOpenerContext.Provider>;
}

/** A Teams deep link (`https://teams.microsoft.com/l/…`): a meeting to join, a chat to open. */
function isTeamsDeepLink(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.hostname === 'teams.microsoft.com' && parsed.pathname.startsWith('/l/');
  } catch {
    return false;
  }
}

/**
 * The click handler for a link that leaves the tab. Inside Teams a Teams deep link goes through
 * `app.openLink`, so a meeting or chat opens in the client instead of a browser detour; every other
 * link (and anything outside Teams) keeps the plain `target="_blank"` behaviour. If the host refuses,
 * the link still opens in a new window.
 */
export function useExternalLinkClick(url: string | undefined): ((event: MouseEvent<HTMLElement>) => void) | undefined {
  const opener = useContext(LinkOpenerContext);
  if (!opener || !url || !isTeamsDeepLink(url)) return undefined;
  return (event) => {
    event.preventDefault();
    opener(url).catch(() => {
      window.open(url, '_blank', 'noopener,noreferrer');
    });
  };
}
