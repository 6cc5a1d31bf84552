import type { BrowserContext, Frame, Page } from 'playwright-core';

/**
 * A fake Microsoft Teams web client for browser tests: a host page that frames the built tab and
 * answers the real `@microsoft/teams-js` over its real postMessage wire protocol.
 *
 * Wire protocol (teams-js 2.x, read from node_modules/@microsoft/teams-js):
 * - The SDK posts requests to `window.parent`:
 *   `{ id, uuidAsString, func, args, timestamp, monotonicTimestamp, apiVersionTag, isProxiedFromChild, teamsJsInstanceId }`.
 * - The host answers on the same iframe with `{ id, uuidAsString, args }`; the SDK matches the uuid
 *   (the numeric `id` for legacy hosts) and resolves the call with `args`.
 * - The host pushes events (`themeChange`, `settings.save`, …) as `{ func, args }`.
 * - `initialize` (args `[sdkVersion, runtimeApiVersion, validMessageOrigins]`) is posted with target
 *   origin `*`; every later request waits in a queue until a reply from an origin teams-js trusts
 *   arrives. The answer is `[frameContext, hostClientType, runtimeConfigJson, clientSdkVersion]`.
 * - teams-js trusts a message only from its own origin, an origin passed to `app.initialize`, or an
 *   **https** origin on its built-in list (`teams.microsoft.com`, `*.cloud.microsoft`, …). The tab
 *   passes none, so this host page is served as `https://teams.microsoft.com/…` by the browser
 *   context's request interception (no DNS, no certificate): the origin check runs unmodified, and
 *   the service's `frame-ancestors` policy (which allows Teams' origins) is exercised as well.
 *
 * The protocol logic lives here in Node (typed, recorded); the page only relays messages between the
 * tab's frame and this module through an exposed binding.
 */

/** The Teams web client's origin: on teams-js's built-in list of trusted hosts. */
export const FAKE_TEAMS_ORIGIN = 'https://teams.microsoft.com';
const HOST_PATH = '/_fake-host/';
const BINDING = '__peerlearnFakeTeamsHost';

/** `page.frameContext` values the tab cares about. */
export type FrameContext = 'content' | 'settings';
/** Teams' theme names on the wire (`app.Context.app.theme`). */
export type TeamsTheme = 'default' | 'dark' | 'contrast';

export interface TeamsUser {
  readonly tenantId: string;
  /** Entra object id. */
  readonly userId: string;
  readonly name: string;
}

export interface TeamsTabLaunch {
  /** Path on the tab's origin, e.g. `/#/board` (contentUrl) or `/config` (configurationUrl). */
  readonly path: string;
  readonly frameContext?: FrameContext;
  readonly locale?: string;
  readonly theme?: TeamsTheme;
  readonly user: TeamsUser;
  readonly team?: { readonly internalId: string; readonly displayName: string };
  readonly channel?: { readonly id: string; readonly displayName: string };
  readonly entityId?: string;
  /** What a deep link asked to open (`subEntityId` in the deep link's context). */
  readonly subPageId?: string;
  /** Answer `authentication.getAuthToken` with this error (as Teams does when SSO fails). */
  readonly authError?: string;
  /** Answer `initialize` this late, like a busy desktop or mobile client on a cold start. */
  readonly initializeDelayMs?: number;
}

export interface HostCall {
  readonly func: string;
  readonly args: readonly unknown[];
  /** Milliseconds since the host page was opened. */
  readonly at: number;
  /** How the host dealt with it: answered, took note (no answer expected), or did not know it. */
  readonly handling: 'answered' | 'noted' | 'unknown';
}

export interface FakeTeamsHostOptions {
  /** Origin of the built tab (e.g. the test service's URL). */
  readonly tabOrigin: string;
  /** Stands in for Entra: an SSO token for the user (the service's dev issuer in tests). */
  readonly mintToken: (user: TeamsUser, locale: string) => Promise<string>;
  /** Runs as each call arrives, before the host answers: lets a test look at the tab at that moment. */
  readonly onCall?: (call: HostCall, tab: Frame) => Promise<void> | void;
}

export interface FakeTeamsHost {
  readonly page: Page;
  /** The tab's frame (cross-origin, inside the host page). */
  readonly tab: Frame;
  /** Every SDK request, in order of arrival. */
  readonly calls: readonly HostCall[];
  callsTo(func: string): HostCall[];
  /** Tokens handed out by `authentication.getAuthToken`. */
  readonly tokens: ReadonlySet<string>;
  /** Resolves with the `count`-th call to `func` (already made or still coming). */
  waitForCall(func: string, options?: { readonly count?: number; readonly timeoutMs?: number }): Promise<HostCall>;
  /** The user switched Teams' theme. */
  pushTheme(theme: TeamsTheme): Promise<void>;
  /** The user pressed Save on the tab's configuration dialog. */
  pushSave(): Promise<void>;
  /** Teams fails to store the next `settings.setSettings` (answers `[false, reason]`). */
  failNextSetSettings(reason: string): void;
  close(): Promise<void>;
}

/** What a real Teams web client reports it supports (runtime API version 4). */
const RUNTIME_CONFIG = {
  apiVersion: 4,
  hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
  isNAAChannelRecommended: false,
  supports: {
    appInstallDialog: {},
    appEntity: {},
    call: {},
    chat: {},
    conversations: {},
    dialog: { card: { bot: {} }, url: { bot: {}, parentCommunication: {} }, update: {} },
    pages: { appButton: {}, backStack: {}, config: {}, currentApp: {}, fullTrust: {}, tabs: {} },
    teams: { fullTrust: {} },
    teamsCore: {},
  },
};
const CLIENT_SDK_VERSION = '2.58.0';

/** Calls the host answers (see `answer`). */
const ANSWERED = new Set(['initialize', 'getContext', 'authentication.getAuthToken', 'settings.setSettings', 'executeDeepLink']);
/** Calls that need no answer: the host only takes note. */
const NOTED = new Set([
  'registerHandler',
  'appInitialization.appLoaded',
  'appInitialization.success',
  'appInitialization.failure',
  'appInitialization.expectedFailure',
  'settings.setValidityState',
  'settings.save.success',
  'settings.save.failure',
]);

interface WireRequest {
  readonly id: number;
  readonly uuidAsString?: string;
  readonly func: string;
  readonly args?: readonly unknown[];
}

function isWireRequest(data: unknown): data is WireRequest {
  if (typeof data !== 'object' || data === null) return false;
  const record = data as Record<string, unknown>;
  return typeof record['id'] === 'number' && typeof record['func'] === 'string';
}

function hostHtml(tabUrl: string): string {
  const tabOrigin = new URL(tabUrl).origin;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Microsoft Teams (fake host)</title>
<style>html,body{margin:0;height:100%}iframe{border:0;width:100%;height:100%;display:block}</style></head>
<body><iframe id="tab" title="PeerLearn" src="${tabUrl.replace(/"/g, '&quot;')}"></iframe>
<script>
  const frame = document.getElementById('tab');
  const tabOrigin = ${JSON.stringify(tabOrigin)};
  window.addEventListener('message', (event) => {
    if (event.source !== frame.contentWindow || event.origin !== tabOrigin) return;
    window.${BINDING}(event.data);
  });
  window.__postToTab = (message) => frame.contentWindow.postMessage(message, tabOrigin);
</script></body></html>`;
}

function isLoopback(origin: string): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(origin).hostname);
}

function legacyContext(launch: TeamsTabLaunch, theme: TeamsTheme): Record<string, unknown> {
  return {
    locale: launch.locale ?? 'en-US',
    theme,
    frameContext: launch.frameContext ?? 'content',
    hostClientType: 'web',
    hostName: 'Teams',
    appSessionId: 'fake-app-session',
    sessionId: 'fake-host-session',
    entityId: launch.entityId,
    subEntityId: launch.subPageId,
    userObjectId: launch.user.userId,
    userDisplayName: launch.user.name,
    tid: launch.user.tenantId,
    ...(launch.team
      ? { teamId: launch.team.internalId, teamName: launch.team.displayName, groupId: `group-${launch.team.internalId}` }
      : {}),
    ...(launch.channel ? { channelId: launch.channel.id, channelName: launch.channel.displayName, channelType: 'Regular' } : {}),
  };
}

/** Opens the tab inside a fake Teams web client in a new page of `context`. */
export async function openInFakeTeams(
  context: BrowserContext,
  options: FakeTeamsHostOptions,
  launch: TeamsTabLaunch,
): Promise<FakeTeamsHost> {
  const tabUrl = new URL(launch.path, options.tabOrigin).toString();
  const hostUrl = `${FAKE_TEAMS_ORIGIN}${HOST_PATH}`;
  // Chromium's Local Network Access check blocks a public origin from framing a loopback one until
  // the user allows it, exactly as for a developer running a local tab in Teams on the web.
  if (isLoopback(options.tabOrigin)) await context.grantPermissions(['local-network-access'], { origin: FAKE_TEAMS_ORIGIN });
  // teams-js prefetches its list of trusted origins from a CDN; keep the test hermetic (its
  // built-in list, which it checks first, already names teams.microsoft.com).
  await context.route('https://res.cdn.office.net/**', (route) => route.fulfill({ status: 404, body: '' }));
  await context.route(`${FAKE_TEAMS_ORIGIN}/**`, (route) =>
    new URL(route.request().url()).pathname === HOST_PATH
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: hostHtml(tabUrl) })
      : route.fulfill({ status: 404, body: '' }),
  );

  const page = await context.newPage();
  const opened = Date.now();
  const calls: HostCall[] = [];
  const tokens = new Set<string>();
  const waiters: { func: string; count: number; resolve: (call: HostCall) => void }[] = [];
  let theme: TeamsTheme = launch.theme ?? 'default';
  let token: Promise<string> | undefined;
  let setSettingsFailure: string | undefined;

  const post = (message: unknown) => page.evaluate((m) => (window as unknown as { __postToTab(m: unknown): void }).__postToTab(m), message);
  const tabFrame = (): Frame => {
    const frame = page.frames().find((f) => f !== page.mainFrame() && f.url().startsWith(options.tabOrigin));
    if (!frame) throw new Error('The tab frame is not there');
    return frame;
  };

  const answer = async (request: WireRequest): Promise<readonly unknown[] | undefined> => {
    switch (request.func) {
      case 'initialize':
        if (launch.initializeDelayMs) await new Promise((resolve) => setTimeout(resolve, launch.initializeDelayMs));
        return [launch.frameContext ?? 'content', 'web', JSON.stringify(RUNTIME_CONFIG), CLIENT_SDK_VERSION];
      case 'getContext':
        return [legacyContext(launch, theme)];
      case 'authentication.getAuthToken': {
        if (launch.authError) return [false, launch.authError];
        // Teams caches the SSO token and hands the same one out until it nears expiry.
        token ??= options.mintToken(launch.user, launch.locale ?? 'en-US');
        try {
          const value = await token;
          tokens.add(value);
          return [true, value];
        } catch (error) {
          token = undefined;
          return [false, error instanceof Error ? error.message : 'FailedToGetToken'];
        }
      }
      case 'settings.setSettings': {
        // `[wasSuccessful, reason]`: Teams stores the tab's settings.
        const reason = setSettingsFailure;
        setSettingsFailure = undefined;
        return reason === undefined ? [true] : [false, reason];
      }
      case 'executeDeepLink':
        // `app.openLink`: `[success, reason]`; Teams opens the meeting or chat in the client.
        return [true];
      default:
        return undefined;
    }
  };

  await page.exposeBinding(BINDING, async (_source, data: unknown) => {
    if (!isWireRequest(data)) return;
    const call: HostCall = {
      func: data.func,
      args: data.args ?? [],
      at: Date.now() - opened,
      handling: ANSWERED.has(data.func) ? 'answered' : NOTED.has(data.func) ? 'noted' : 'unknown',
    };
    calls.push(call);
    await options.onCall?.(call, tabFrame());
    const reply = await answer(data);
    for (const waiter of [...waiters]) {
      if (waiter.func === call.func && calls.filter((c) => c.func === waiter.func).length === waiter.count) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(call);
      }
    }
    if (reply) await post({ id: data.id, uuidAsString: data.uuidAsString, args: reply });
  });

  await page.goto(hostUrl);
  await page.waitForFunction((origin) => [...document.querySelectorAll('iframe')].some((f) => f.src.startsWith(origin)), options.tabOrigin);

  return {
    page,
    get tab() {
      return tabFrame();
    },
    calls,
    callsTo: (func) => calls.filter((c) => c.func === func),
    tokens,
    waitForCall(func, { count = 1, timeoutMs = 15_000 } = {}) {
      const existing = calls.filter((c) => c.func === func);
      if (existing.length >= count) return Promise.resolve(existing[count - 1] as HostCall);
      return new Promise<HostCall>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`No call #${count} to ${func} within ${timeoutMs} ms; calls: ${calls.map((c) => c.func).join(', ')}`)),
          timeoutMs,
        );
        waiters.push({
          func,
          count,
          resolve: (call) => {
            clearTimeout(timer);
            resolve(call);
          },
        });
      });
    },
    async pushTheme(next) {
      theme = next;
      await post({ func: 'themeChange', args: [next] });
    },
    async pushSave() {
      // Teams passes the save event's result object (`webhookUrl` is only set for connectors).
      await post({ func: 'settings.save', args: [{}] });
    },
    failNextSetSettings(reason) {
      setSettingsFailure = reason;
    },
    async close() {
      await page.close();
    },
  };
}
