import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';

type Auth = ConfigurationBotFrameworkAuthentication;
type AuthResult = Awaited<ReturnType<Auth['authenticateRequest']>>;
type ConnectorFactory = NonNullable<AuthResult['connectorFactory']>;
type Connector = Awaited<ReturnType<ConnectorFactory['create']>>;
type Claims = Parameters<Auth['createUserTokenClient']>[0];
type TokenClient = Awaited<ReturnType<Auth['createUserTokenClient']>>;

// Service URLs and app ids are a handful; past this many (an unauthenticated caller inventing URLs) start over.
const CLIENTS_KEPT = 100;

/** The app id the outbound clients are made for: botframework-connector's own choice (audience, else appid). */
function appIdOf(claims: Claims): string {
  return claims.getClaimValue('aud') ?? claims.getClaimValue('appid') ?? '';
}

/**
 * botbuilder's authentication with its outbound clients reused. The CloudAdapter builds a new
 * ConnectorClient and a new UserTokenClient (each an HTTP pipeline of a dozen policies) for every
 * incoming activity, even an invoke that sends nothing: about a tenth of an RSVP answer's CPU in the
 * burst profile (docs/BENCHMARKS.md). The clients hold no per-turn state (their credentials fetch and
 * renew tokens themselves), so one per app id, service URL and audience serves every turn, as the
 * proactive sender already does. The inbound check itself is unchanged: every request is still
 * authenticated in full by `authenticateRequest`.
 */
export class ReusedClientsAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new Map<string, Promise<Connector>>();
  private readonly tokenClients = new Map<string, Promise<TokenClient>>();

  override async authenticateRequest(...args: Parameters<Auth['authenticateRequest']>): Promise<AuthResult> {
    const result = await super.authenticateRequest(...args);
    const factory = result.connectorFactory;
    if (!factory) return result;
    const appId = appIdOf(result.claimsIdentity);
    const reused: ConnectorFactory = {
      create: (serviceUrl, audience) =>
        reuse(this.connectors, `${appId}\n${serviceUrl}\n${audience ?? ''}`, () => factory.create(serviceUrl, audience)),
    };
    return { ...result, connectorFactory: reused };
  }

  override createUserTokenClient(claims: Claims): Promise<TokenClient> {
    return reuse(this.tokenClients, appIdOf(claims), () => super.createUserTokenClient(claims));
  }
}

/** The client made for the key before, else a new one (a failed creation is not kept). */
function reuse<T>(clients: Map<string, Promise<T>>, key: string, create: () => Promise<T>): Promise<T> {
  const known = clients.get(key);
  if (known) return known;
  if (clients.size >= CLIENTS_KEPT) clients.clear();
  const made = create();
  clients.set(key, made);
  made.catch(() => {
    if (clients.get(key) === made) clients.delete(key);
  });
  return made;
}
