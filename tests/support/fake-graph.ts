import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A team member as `GET /teams/{id}/members` answers it (`aadUserConversationMember`). */
export interface GraphTeamMember {
  readonly '@odata.type': '#microsoft.graph.aadUserConversationMember';
  readonly id: string;
  readonly roles: readonly string[];
  readonly displayName: string;
  readonly userId: string;
  readonly email: string;
  readonly tenantId: string;
}

/** One request the fake answered. */
export interface GraphRequest {
  readonly path: string;
  readonly authorization: string | undefined;
  readonly status: number;
}

export interface FakeGraph {
  /** Graph up to its version, as `GRAPH_BASE_URL` takes it. */
  readonly baseUrl: string;
  /** Members per team (Entra group id); a team not listed answers 404. */
  readonly teams: Map<string, GraphTeamMember[]>;
  /** Teams whose members Graph refuses to list (as without the resource-specific consent): 403. */
  readonly refused: Set<string>;
  readonly requests: GraphRequest[];
  close(): Promise<void>;
}

export function graphMember(userId: string, displayName: string, tenantId: string, roles: readonly string[] = []): GraphTeamMember {
  return {
    '@odata.type': '#microsoft.graph.aadUserConversationMember',
    // Graph's membership id is opaque; it is not the user's id.
    id: Buffer.from(`${tenantId}##${userId}`).toString('base64'),
    roles,
    displayName,
    userId,
    email: `${displayName.toLowerCase().replace(/\W+/g, '.')}@contoso.example`,
    tenantId,
  };
}

const graphError = (code: string, message: string) => JSON.stringify({ error: { code, message, innerError: {} } });

/**
 * A local stand-in for Microsoft Graph's `GET /v1.0/teams/{id}/members`: the real answer's shape,
 * server-driven paging with `@odata.nextLink` (`$skiptoken`), and a bearer token that must be
 * exactly `token` (else 401, as Graph answers an unknown token).
 */
export async function startFakeGraph(options: { readonly token: string; readonly pageSize: number }): Promise<FakeGraph> {
  const teams = new Map<string, GraphTeamMember[]>();
  const refused = new Set<string>();
  const requests: GraphRequest[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const answer = (status: number, body: string) => {
      requests.push({ path: url.pathname + url.search, authorization: req.headers.authorization, status });
      res.writeHead(status, { 'content-type': 'application/json; odata.metadata=minimal' }).end(body);
    };
    const match = /^\/v1\.0\/teams\/([^/]+)\/members$/.exec(url.pathname);
    if (req.method !== 'GET' || !match?.[1]) return answer(400, graphError('BadRequest', 'Unsupported request'));
    if (req.headers.authorization !== `Bearer ${options.token}`)
      return answer(401, graphError('InvalidAuthenticationToken', 'Access token validation failure.'));
    const groupId = decodeURIComponent(match[1]);
    if (refused.has(groupId)) return answer(403, graphError('Forbidden', 'Missing role permissions on the request.'));
    const members = teams.get(groupId);
    if (!members) return answer(404, graphError('NotFound', 'No team found with Group Id'));
    const from = Number(url.searchParams.get('$skiptoken') ?? '0');
    const page = members.slice(from, from + options.pageSize);
    const next = from + options.pageSize < members.length ? from + options.pageSize : undefined;
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return answer(
      200,
      JSON.stringify({
        '@odata.context': `${base}/v1.0/$metadata#teams('${groupId}')/members`,
        ...(next !== undefined ? { '@odata.nextLink': `${base}/v1.0/teams/${match[1]}/members?$skiptoken=${next}` } : {}),
        value: page,
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1.0`,
    teams,
    refused,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
