import { isIP } from 'node:net';
import { LOG_LEVELS } from './json-logger';
import type { LogLevel } from './json-logger';

/**
 * The service's configuration: read from the environment once, validated, then passed in.
 * No other file reads `process.env` (lint enforces it).
 */

import { TEAMS_AND_M365_CLIENT_APPS } from './api/shared/teams-client-apps';
import type { TenantAllowList } from './domain/shared/tenant-allow-list';
import { MIN_RETENTION_DAYS } from './domain/delivery/retention';

type NodeEnv = 'development' | 'test' | 'production';
type AuthMode = 'dev' | 'entra';
type BotType = 'SingleTenant' | 'UserAssignedMSI';

type StorageConfig =
  | { readonly kind: 'connectionString'; readonly connectionString: string }
  /** Azure Storage reached with an Entra ID token (managed identity in Azure; `az login` locally). */
  | { readonly kind: 'managedIdentity'; readonly tableUrl: string; readonly queueUrl: string; readonly clientId?: string }
  | { readonly kind: 'embedded'; readonly dataDir: string };

interface AuthConfig {
  readonly mode: AuthMode;
  /** Entra app (client) id of the tab's SSO app; the token audience. */
  readonly clientId?: string;
  /** Extra accepted audiences, e.g. `api://<domain>/<client id>`. */
  readonly audiences: readonly string[];
  /** Tenants whose people may use the tab API and the bot; `'any'` only when explicitly `*`, or in dev mode. */
  readonly allowedTenants: TenantAllowList;
  /** Client apps whose SSO tokens are accepted (`azp`/`appid`): by default the Teams and Microsoft 365 clients. */
  readonly clientApps: readonly string[];
}

export interface BotConfig {
  readonly appId?: string;
  readonly appPassword?: string;
  readonly tenantId?: string;
  readonly type: BotType;
}

export interface Config {
  readonly nodeEnv: NodeEnv;
  readonly host: string;
  readonly port: number;
  readonly storage: StorageConfig;
  readonly seedDemo: boolean;
  readonly auth: AuthConfig;
  readonly bot: BotConfig;
  readonly tabDir: string;
  readonly logRequests: boolean;
  readonly logLevel: LogLevel;
  /** Express's `trust proxy`: off, the number of proxies in front, or their addresses and subnets. */
  readonly trustProxy: TrustProxy;
  readonly delivery: DeliveryConfig;
  readonly sessions: SessionsConfig;
  readonly limits: LimitsConfig;
  readonly graph: GraphConfig;
  readonly buddies: BuddiesConfig;
  /** Application Insights; unset, no telemetry starts (bot/src/telemetry/start-telemetry.ts). */
  readonly telemetry?: TelemetryConfig;
}

interface TelemetryConfig {
  /** APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=…;IngestionEndpoint=https://…`. */
  readonly connectionString: string;
}

/** Learning buddies (DESIGN F8): how often each worker instance looks for pools whose round is due. */
interface BuddiesConfig {
  readonly schedulerEveryMs: number;
}

/** Load shedding: requests in flight at once per endpoint; past that, 503 with Retry-After at once. */
interface LimitsConfig {
  /** The tab API (`/api/v1`). */
  readonly apiConcurrent: number;
  /** The bot endpoint (`/api/messages`), counted apart so tab traffic never crowds out Teams. */
  readonly botConcurrent: number;
}

/** Microsoft Graph, asked who owns each team (with the bot's identity and resource-specific consent). */
interface GraphConfig {
  /** Up to and including the version, without a trailing slash; tests point it at a local fake. */
  readonly baseUrl: string;
}

/** Links in session cards (the online meeting, the tab's detail view). */
interface SessionsConfig {
  /** The service's public base URL, for links a calendar client opens (the `.ics` of a session); unset: the local listening address. */
  readonly publicUrl?: string;
  /** Signs those links (HMAC), since a calendar client cannot send a bearer token. */
  readonly calendarLinkSecret: string;
  /** The secret before the last rotation: links it signed still verify while it is set (docs/DEPLOY.md). */
  readonly calendarLinkPreviousSecret?: string;
}

/** The outbox worker and the throttled sender of proactive messages. */
interface DeliveryConfig {
  /** Run the outbox worker in this process (every instance may; they share the queue). */
  readonly worker: boolean;
  /** Sends per second per tenant from this instance; Teams allows about 30 per app, shared by all instances. */
  readonly tenantPerSecond: number;
  /** Attempts per message (429/412/5xx) before it is parked for the team owner. */
  readonly maxAttempts: number;
  /** Days parked messages and the idempotency record of posted ones are kept (domain/delivery/retention.ts). */
  readonly retentionDays: number;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly string[]) {
    super(`PeerLearn cannot start; fix these settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

type TrustProxy = false | number | readonly string[];

type Env = Readonly<Record<string, string | undefined>>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

class Reader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  /** Unset and blank are the same: a blank line in an .env file means "not set". */
  raw(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === '' ? undefined : value;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const match = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
    if (match) return match;
    this.problems.push(`${name} must be one of ${allowed.join(', ')} (got "${value}")`);
    return fallback;
  }

  port(name: string, fallback: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const n = Number(value);
    if (/^\d+$/.test(value) && n >= 1 && n <= 65535) return n;
    this.problems.push(`${name} must be a whole number from 1 to 65535 (got "${value}")`);
    return fallback;
  }

  bool(name: string, fallback: boolean): boolean {
    const value = this.raw(name)?.toLowerCase();
    if (value === undefined) return fallback;
    if (['true', '1', 'yes', 'on'].includes(value)) return true;
    if (['false', '0', 'no', 'off'].includes(value)) return false;
    this.problems.push(`${name} must be true or false (got "${value}")`);
    return fallback;
  }

  guid(name: string): string | undefined {
    const value = this.raw(name);
    if (value !== undefined && !GUID.test(value)) {
      this.problems.push(`${name} must be a GUID such as 00000000-0000-0000-0000-000000000000 (got "${value}")`);
    }
    return value;
  }

  list(name: string): string[] {
    return (this.raw(name) ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  }
}

function wholeNumber(r: Reader, name: string, fallback: number, min: number, max: number): number {
  const value = r.raw(name);
  if (value === undefined) return fallback;
  const n = Number(value);
  if (/^\d+$/.test(value) && n >= min && n <= max) return n;
  r.problems.push(`${name} must be a whole number from ${min} to ${max} (got "${value}")`);
  return fallback;
}

/** Only this machine can reach a loopback address. */
function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare);
}

/**
 * An accepted audience must name this app: a token for any other app id URI would be another
 * app's token. Teams asks for `api://<domain>/<client id>`, or `…/botid-<bot id>` for an app with a bot.
 */
function namesTheApp(uri: string, clientId: string | undefined, botId: string | undefined): boolean {
  const path = /^api:\/\/(\S+)$/i.exec(uri)?.[1];
  const last = path?.split('/').at(-1)?.toLowerCase();
  if (!last) return false;
  const names = [clientId, botId, botId ? `botid-${botId}` : undefined].filter((n) => n !== undefined).map((n) => n.toLowerCase());
  return names.includes(last);
}

// Express's names for address ranges (proxy-addr), besides addresses and subnets.
const PROXY_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

/** Unset: no proxy is trusted, so X-Forwarded-* from a client count for nothing. `true` (every hop) is refused. */
function trustProxy(r: Reader): TrustProxy {
  const value = r.raw('TRUST_PROXY');
  if (value === undefined || value.toLowerCase() === 'false') return false;
  if (/^\d+$/.test(value) && Number(value) <= 10) return Number(value) === 0 ? false : Number(value);
  const entries = r.list('TRUST_PROXY');
  const valid = (entry: string) => {
    if (PROXY_RANGES.includes(entry)) return true;
    const [address = '', prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    if (family === 0 || rest.length > 0) return false;
    return prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
  };
  const bad = entries.filter((e) => !valid(e));
  if (bad.length === 0) return entries;
  r.problems.push(
    `TRUST_PROXY must be the number of proxies in front of the service (0 to 10; App Service: 1) or a comma-separated list of their addresses, subnets or ${PROXY_RANGES.join('/')}; "true" (trust every hop) is refused (got "${value}")`,
  );
  return false;
}

export function readConfig(env: Env): Config {
  const r = new Reader(env);
  const nodeEnv = r.oneOf<NodeEnv>('NODE_ENV', ['development', 'test', 'production'], 'development');
  const production = nodeEnv === 'production';

  const port = r.port('PORT', 3978);
  const host = r.raw('HOST') ?? (production ? '0.0.0.0' : '127.0.0.1');

  const connectionString = r.raw('STORAGE_CONNECTION_STRING');
  if (connectionString !== undefined && !/(^|;)\s*(AccountName|TableEndpoint|UseDevelopmentStorage)\s*=/i.test(connectionString)) {
    r.problems.push(
      'STORAGE_CONNECTION_STRING must be an Azure Storage or Cosmos DB Table API connection string (with AccountName=… or TableEndpoint=…)',
    );
  }
  const accountName = r.raw('STORAGE_ACCOUNT_NAME');
  const identityClientId = r.guid('AZURE_CLIENT_ID');
  if (accountName !== undefined && !/^[a-z0-9]{3,24}$/.test(accountName)) {
    r.problems.push(`STORAGE_ACCOUNT_NAME must be a storage account name: 3 to 24 lowercase letters and digits (got "${accountName}")`);
  }
  if (accountName !== undefined && connectionString !== undefined) {
    r.problems.push(
      'STORAGE_CONNECTION_STRING and STORAGE_ACCOUNT_NAME exclude each other: set the connection string, or the account name to sign in with a managed identity',
    );
  }
  if (connectionString === undefined && accountName === undefined && production) {
    r.problems.push(
      'STORAGE_CONNECTION_STRING is required when NODE_ENV=production, or STORAGE_ACCOUNT_NAME to sign in with a managed identity (the embedded Azurite is for local use only)',
    );
  }
  const storage: StorageConfig = connectionString
    ? { kind: 'connectionString', connectionString }
    : accountName
      ? {
          kind: 'managedIdentity',
          tableUrl: `https://${accountName}.table.core.windows.net`,
          queueUrl: `https://${accountName}.queue.core.windows.net`,
          ...(identityClientId ? { clientId: identityClientId } : {}),
        }
      : { kind: 'embedded', dataDir: r.raw('DATA_DIR') ?? '.data' };

  const clientId = r.guid('AAD_APP_CLIENT_ID');
  const mode = r.oneOf<AuthMode>('AUTH_MODE', ['dev', 'entra'], clientId ? 'entra' : 'dev');
  const tenantList = r.list('ALLOWED_TENANTS');
  const anyTenant = tenantList.includes('*');
  if (anyTenant && tenantList.length > 1)
    r.problems.push('ALLOWED_TENANTS is either * (every tenant) or a comma-separated list of tenant GUIDs, not both');
  for (const t of anyTenant ? [] : tenantList) {
    if (!GUID.test(t))
      r.problems.push(`ALLOWED_TENANTS must be a comma-separated list of tenant GUIDs, or * for every tenant (got "${t}")`);
  }
  if (mode === 'dev' && production) {
    r.problems.push('AUTH_MODE=dev is refused when NODE_ENV=production; set AAD_APP_CLIENT_ID (and ALLOWED_TENANTS) for Entra ID sign-in');
  }
  if (mode === 'dev' && !isLoopback(host)) {
    r.problems.push(
      `AUTH_MODE=dev is refused on HOST=${host}: its token issuer would let anyone on the network sign in as anyone; listen on 127.0.0.1 (or ::1, localhost), or set AAD_APP_CLIENT_ID for Entra ID sign-in`,
    );
  }
  if (mode === 'entra') {
    if (!clientId) r.problems.push('AAD_APP_CLIENT_ID is required when AUTH_MODE=entra');
    if (tenantList.length === 0)
      r.problems.push(
        'ALLOWED_TENANTS is required when AUTH_MODE=entra: the tenant ids whose users may sign in, comma-separated, or * to allow every tenant',
      );
  }
  const allowedTenants: TenantAllowList = anyTenant || (mode === 'dev' && tenantList.length === 0) ? 'any' : tenantList;
  const audiences = r.list('AAD_APP_ID_URI');
  const clientAppList = r.list('ALLOWED_CLIENT_APPS');
  for (const app of clientAppList) {
    if (!GUID.test(app)) r.problems.push(`ALLOWED_CLIENT_APPS must be a comma-separated list of client app GUIDs (got "${app}")`);
  }
  const clientApps = clientAppList.length > 0 ? clientAppList : Object.keys(TEAMS_AND_M365_CLIENT_APPS);

  const botType = r.oneOf<BotType>('BOT_TYPE', ['SingleTenant', 'UserAssignedMSI'], 'SingleTenant');
  const botId = r.guid('BOT_ID');
  const botPassword = r.raw('BOT_PASSWORD');
  const botTenantId = r.guid('BOT_TENANT_ID');
  if (!botId && production)
    r.problems.push('BOT_ID is required when NODE_ENV=production (an unauthenticated bot endpoint is for local use only)');
  if (botId && !botTenantId) r.problems.push('BOT_TENANT_ID is required when BOT_ID is set');
  for (const uri of audiences) {
    if (!namesTheApp(uri, clientId, botId))
      r.problems.push(
        `AAD_APP_ID_URI must be the app's identifier URI: api://<domain>/<AAD_APP_CLIENT_ID> (or …/botid-<BOT_ID> when the bot shares the app) (got "${uri}")`,
      );
  }
  if (botId && botType === 'SingleTenant' && !botPassword)
    r.problems.push('BOT_PASSWORD is required when BOT_ID is set and BOT_TYPE=SingleTenant');

  const publicUrl = r.raw('PUBLIC_URL');
  if (publicUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(publicUrl))
    r.problems.push(`PUBLIC_URL must be an http(s) address such as https://peerlearn.example.com (got "${publicUrl}")`);
  if (publicUrl === undefined && production)
    r.problems.push('PUBLIC_URL is required when NODE_ENV=production (calendar links in session cards point there)');
  const calendarLinkSecret = r.raw('CALENDAR_LINK_SECRET');
  if (calendarLinkSecret !== undefined && calendarLinkSecret.length < 32)
    r.problems.push('CALENDAR_LINK_SECRET must be at least 32 characters long');
  if (calendarLinkSecret === undefined && production)
    r.problems.push('CALENDAR_LINK_SECRET is required when NODE_ENV=production (it signs the calendar links of session cards)');
  const previousLinkSecret = r.raw('CALENDAR_LINK_SECRET_PREVIOUS');
  if (previousLinkSecret !== undefined && previousLinkSecret.length < 32)
    r.problems.push('CALENDAR_LINK_SECRET_PREVIOUS must be at least 32 characters long (or unset once the rotation is over)');
  if (previousLinkSecret !== undefined && calendarLinkSecret === undefined)
    r.problems.push('CALENDAR_LINK_SECRET_PREVIOUS is only accepted beside CALENDAR_LINK_SECRET, the secret that signs new links');
  const sessions: SessionsConfig = {
    ...(publicUrl ? { publicUrl } : {}),
    ...(previousLinkSecret !== undefined && previousLinkSecret !== calendarLinkSecret
      ? { calendarLinkPreviousSecret: previousLinkSecret }
      : {}),
    // Locally a fresh random secret: links from an earlier run stop working, which is fine there.
    calendarLinkSecret: calendarLinkSecret ?? `${crypto.randomUUID()}${crypto.randomUUID()}`,
  };
  const graphBaseUrl = r.raw('GRAPH_BASE_URL') ?? 'https://graph.microsoft.com/v1.0';
  const graphUrl = URL.canParse(graphBaseUrl) ? new URL(graphBaseUrl) : undefined;
  // The bot's Graph token goes there: plain http only to this machine (a test's fake).
  if (!graphUrl || !(graphUrl.protocol === 'https:' || (graphUrl.protocol === 'http:' && isLoopback(graphUrl.hostname))))
    r.problems.push(
      `GRAPH_BASE_URL must be an https address such as https://graph.microsoft.com/v1.0 (http only on loopback) (got "${graphBaseUrl}")`,
    );
  const telemetryConnection = r.raw('APPLICATIONINSIGHTS_CONNECTION_STRING');
  if (telemetryConnection !== undefined && !/(^|;)\s*InstrumentationKey\s*=\s*[^;\s]/i.test(telemetryConnection))
    r.problems.push(
      'APPLICATIONINSIGHTS_CONNECTION_STRING must be an Application Insights connection string (InstrumentationKey=…;IngestionEndpoint=https://…), or unset for no telemetry',
    );
  const config: Config = {
    nodeEnv,
    host,
    port,
    storage,
    seedDemo: r.bool('SEED_DEMO', true),
    auth: { mode, ...(clientId !== undefined ? { clientId } : {}), audiences, allowedTenants, clientApps },
    bot: {
      ...(botId !== undefined ? { appId: botId } : {}),
      ...(botPassword !== undefined ? { appPassword: botPassword } : {}),
      ...(botTenantId !== undefined ? { tenantId: botTenantId } : {}),
      type: botType,
    },
    tabDir: r.raw('TAB_DIR') ?? 'dist/tab',
    logRequests: r.bool('LOG_REQUESTS', false),
    logLevel: r.oneOf<LogLevel>('LOG_LEVEL', LOG_LEVELS, 'info'),
    trustProxy: trustProxy(r),
    sessions,
    limits: {
      apiConcurrent: wholeNumber(r, 'API_MAX_CONCURRENT', 64, 1, 10_000),
      botConcurrent: wholeNumber(r, 'BOT_MAX_CONCURRENT', 256, 1, 10_000),
    },
    graph: { baseUrl: graphBaseUrl.replace(/\/+$/, '') },
    // Rounds start on a weekday and time: within a few minutes of it is on time, and a pass reads one index range.
    buddies: { schedulerEveryMs: 5 * 60_000 },
    delivery: {
      worker: r.bool('WORKER', true),
      tenantPerSecond: wholeNumber(r, 'TEAMS_TENANT_RATE_PER_SECOND', 30, 1, 100),
      maxAttempts: wholeNumber(r, 'DELIVERY_MAX_ATTEMPTS', 6, 1, 20),
      // At least the queue's longest hiding time and a day: a job must not outlive the record of what it posted.
      retentionDays: wholeNumber(r, 'DELIVERY_RETENTION_DAYS', 30, MIN_RETENTION_DAYS, 3650),
    },
    ...(telemetryConnection !== undefined ? { telemetry: { connectionString: telemetryConnection } } : {}),
  };
  if (r.problems.length > 0) throw new ConfigError(r.problems);
  return config;
}

/** The process's own environment: the only place it is read. */
export function readProcessConfig(): Config {
  return readConfig(process.env);
}
