import type { ThemeName } from './theme-name';
import { toThemeName } from './theme-name';

/** The tab runs inside a Teams (or other Microsoft 365) host. */
export interface TeamsHost {
  readonly kind: 'teams';
  readonly tenantId: string | undefined;
  /** Entra object id of the signed-in user. */
  readonly userId: string | undefined;
  /** `team.internalId`: the team id the API uses; absent in a personal tab. */
  readonly teamId: string | undefined;
  readonly teamName: string | undefined;
  /** `channel.id`: the channel a channel tab is pinned in; a session planned there invites that channel by default. */
  readonly channelId: string | undefined;
  /** BCP 47 tag, e.g. `nl-NL`. */
  readonly locale: string;
  readonly theme: ThemeName;
  /** `page.subPageId`: what a deep link asked to open (a hash route without `#/`, see app/routes.ts). */
  readonly subPageId: string | undefined;
  /** `page.frameContext`: `settings` on the channel tab's config page, `content` otherwise. */
  readonly frameContext: string | undefined;
  /** The config page: registers the save handler with these settings and marks the page valid. */
  configureTab(settings: TabSettings): void;
  /** An Entra SSO token for our API; Teams caches it and renews it when it is close to expiry. */
  getToken(): Promise<string>;
  onThemeChange(handler: (theme: ThemeName) => void): void;
  /** Hides Teams' loading indicator; only the first call counts. */
  notifyReady(): void;
  /** Tells Teams the app cannot load; only the first call counts. */
  notifyFailure(reason: 'auth' | 'other', message: string): void;
  /** `app.openLink`: Teams opens its own deep links (a meeting, a chat) in the client instead of a browser. */
  openLink(url: string): Promise<void>;
}

/** What the channel tab's config page saves (`pages.config.setConfig`). */
interface TabSettings {
  readonly contentUrl: string;
  readonly websiteUrl: string;
  readonly entityId: string;
  readonly suggestedDisplayName: string;
}

/** Outside Teams: the standalone dev mode. */
interface StandaloneHost {
  readonly kind: 'standalone';
}

export type Host = TeamsHost | StandaloneHost;

/** The part of `app.Context` the tab reads (a structural subset, so tests can fake it). */
export interface HostContext {
  readonly app: { readonly locale: string; readonly theme: string };
  readonly user?: { readonly id: string; readonly tenant?: { readonly id: string } };
  readonly team?: { readonly internalId: string; readonly displayName?: string };
  readonly channel?: { readonly id: string };
  readonly page?: { readonly id?: string; readonly subPageId?: string; readonly frameContext?: string };
}

/** The teams-js calls the tab makes, behind one seam so the detection logic can be tested. */
export interface TeamsSdk {
  initialize(): Promise<void>;
  getContext(): Promise<HostContext>;
  registerOnThemeChangeHandler(handler: (theme: string) => void): void;
  notifySuccess(): Promise<unknown>;
  notifyFailure(reason: 'auth' | 'other', message: string): void;
  getAuthToken(): Promise<string>;
  /** `pages.config.registerOnSaveHandler`: `save` stores the settings and tells Teams the outcome. */
  registerOnSaveHandler(handler: (done: { succeed(): void; fail(reason: string): void }) => void): void;
  setValidityState(valid: boolean): void;
  setConfig(settings: TabSettings): Promise<void>;
  openLink(url: string): Promise<void>;
}

interface DetectHostOptions {
  readonly sdk?: TeamsSdk;
  /**
   * `initialize` rejects at once outside any frame but never settles in a frame that is not Teams.
   * Default 15 s: a busy desktop or mobile client can take seconds to answer, and giving up early
   * would drop a real Teams user into the standalone dev mode. A foreign frame is rare anyway (the
   * service's `frame-ancestors` allows only Microsoft 365 hosts), and Teams itself waits 30 s.
   */
  readonly timeoutMs?: number;
  /** Used when Teams gives no context (it should, but the tab must still start). */
  readonly fallbackLocale?: string;
}

/**
 * Whether a Teams (or other Microsoft 365) host could be talking to this page: teams-js' own test in
 * `initializeCommunication` — a parent frame, an opener, or a mobile client's `nativeInterface`. Where
 * none is there, `app.initialize()` rejects at once ("No Parent window found"), so skipping it changes nothing.
 */
export function mayBeHosted(win: Window): boolean {
  return win.parent !== win.self || Boolean(win.opener) || 'nativeInterface' in win;
}

class TimeoutError extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`No answer from the host within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Call once per page load: teams-js keeps global state. */
export async function detectHost(options: DetectHostOptions = {}): Promise<Host> {
  // teams-js (≈ 13 KB gzip) loads only where a host could be listening, so a plain browser tab never
  // fetches it; in Teams the import starts at once, before React renders, as the handshake did before.
  if (!options.sdk && !mayBeHosted(window)) return { kind: 'standalone' };
  const timeoutMs = options.timeoutMs ?? 15_000;
  let sdk: TeamsSdk;
  try {
    sdk = options.sdk ?? (await import('./teams-sdk')).teamsSdk;
    await withTimeout(sdk.initialize(), timeoutMs);
  } catch {
    // Not in a Teams host (a plain browser tab or a foreign iframe): that is what standalone mode is for.
    return { kind: 'standalone' };
  }

  let context: HostContext | undefined;
  try {
    context = await withTimeout(sdk.getContext(), timeoutMs);
  } catch {
    // Still Teams: the token identifies the user and `/api/v1/me` lists the teams, so carry on without context.
    context = undefined;
  }
  return createTeamsHost(sdk, context, options.fallbackLocale ?? 'en');
}

function createTeamsHost(sdk: TeamsSdk, context: HostContext | undefined, fallbackLocale: string): TeamsHost {
  let settled = false;
  const settleOnce = (action: () => void) => {
    if (settled) return;
    settled = true;
    action();
  };
  return {
    kind: 'teams',
    tenantId: context?.user?.tenant?.id,
    userId: context?.user?.id || undefined,
    teamId: context?.team?.internalId || undefined,
    teamName: context?.team?.displayName,
    channelId: context?.channel?.id || undefined,
    locale: context?.app.locale || fallbackLocale,
    theme: toThemeName(context?.app.theme),
    subPageId: context?.page?.subPageId || undefined,
    frameContext: context?.page?.frameContext,
    configureTab: (settings) => {
      sdk.registerOnSaveHandler((done) => {
        sdk.setConfig(settings).then(
          () => done.succeed(),
          (error: unknown) => done.fail(error instanceof Error ? error.message : 'Could not save the tab'),
        );
      });
      sdk.setValidityState(true);
    },
    getToken: () => sdk.getAuthToken(),
    onThemeChange: (handler) => sdk.registerOnThemeChangeHandler((theme) => handler(toThemeName(theme))),
    notifyReady: () =>
      settleOnce(() => {
        // A host that no longer listens must not surface as an unhandled rejection.
        sdk.notifySuccess().catch(() => undefined);
      }),
    notifyFailure: (reason, message) => settleOnce(() => sdk.notifyFailure(reason, message)),
    openLink: (url) => sdk.openLink(url),
  };
}
