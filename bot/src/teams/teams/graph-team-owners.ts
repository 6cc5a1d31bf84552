import type { Logger } from '../../domain/shared/logger';
import type { TeamOwnerDirectory } from '../../domain/teams/team-owners';
import type { GraphTokenProvider } from './graph-token';

interface GraphTeamOwnersDeps {
  /** Graph up to its version, e.g. `https://graph.microsoft.com/v1.0`. */
  readonly baseUrl: string;
  /** Undefined: Graph is not configured (no bot identity), so every team uses the installer rule. */
  readonly tokens: GraphTokenProvider | undefined;
  readonly log: Logger;
}

/** One member of `GET /teams/{id}/members` (a `conversationMember`; people are `aadUserConversationMember`s). */
interface GraphMember {
  readonly roles?: unknown;
  readonly userId?: unknown;
}

interface GraphMembersPage {
  readonly value?: readonly GraphMember[];
  readonly '@odata.nextLink'?: unknown;
}

// Graph answers within seconds; a hung call must not hold the roster sync for ever.
const CALL_TIMEOUT_MS = 10_000;
// 25,000 people (Teams' limit) in pages of at least 100, with room to spare.
const MAX_PAGES = 500;
// Refusals already warned about; forgotten all at once past this many (a warning again is harmless).
const WARNED_REMEMBERED = 10_000;

/** A refusal that stays until someone changes a setting: warned once per tenant, not per sync. */
class SettledRefusal extends Error {}

/**
 * The owners of a team from Microsoft Graph, `GET /teams/{aadGroupId}/members` with the bot's app
 * token, allowed by the app's resource-specific consent `TeamMember.Read.Group` (granted when the
 * app is added to the team). Any failure answers "cannot say", and the roster sync falls back to
 * the installer rule: a refusal (403: consent missing or RSC turned off; 401: the token) and
 * "not configured" are warned about once, a passing fault (5xx, 429, timeout) each time.
 */
export function createGraphTeamOwners(deps: GraphTeamOwnersDeps): TeamOwnerDirectory {
  const { baseUrl, tokens, log } = deps;
  const origin = new URL(baseUrl).origin;
  const warned = new Set<string>();
  const warnOnce = (key: string, message: string, fields: Record<string, string | number>) => {
    if (warned.has(key)) return;
    if (warned.size >= WARNED_REMEMBERED) warned.clear();
    warned.add(key);
    log.warn(message, fields);
  };

  const readOwners = async (provider: GraphTokenProvider, tenantId: string, aadGroupId: string): Promise<Set<string>> => {
    const token = await provider.token(tenantId).catch((error: unknown) => {
      throw new SettledRefusal(`no Graph token (${error instanceof Error ? error.name : 'error'})`);
    });
    const owners = new Set<string>();
    let url: string | undefined = `${baseUrl}/teams/${encodeURIComponent(aadGroupId)}/members`;
    for (let page = 0; url; page++) {
      if (page >= MAX_PAGES) throw new Error(`more than ${MAX_PAGES} pages of members`);
      const res = await fetch(url, {
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
      });
      if (res.status === 401 || res.status === 403) {
        await res.body?.cancel();
        throw new SettledRefusal(`HTTP ${res.status}`);
      }
      if (!res.ok) {
        await res.body?.cancel();
        throw new Error(`HTTP ${res.status}`);
      }
      const body = (await res.json()) as GraphMembersPage;
      for (const member of body.value ?? []) {
        if (Array.isArray(member.roles) && member.roles.includes('owner') && typeof member.userId === 'string')
          owners.add(member.userId.toLowerCase());
      }
      const next = body['@odata.nextLink'];
      // The token goes only to Graph's own host, whatever a next link says.
      if (next !== undefined && (typeof next !== 'string' || !URL.canParse(next) || new URL(next).origin !== origin))
        throw new Error('a next link outside Graph');
      url = next;
    }
    return owners;
  };

  return {
    async owners(tenantId, aadGroupId) {
      if (!tokens) {
        warnOnce(
          'not-configured',
          'team owners: Microsoft Graph is not configured (no BOT_ID), so the person who added the app owns each team',
          {},
        );
        return undefined;
      }
      try {
        return await readOwners(tokens, tenantId, aadGroupId);
      } catch (error) {
        const reason = error instanceof Error ? error.message : 'error';
        if (error instanceof SettledRefusal) {
          warnOnce(
            `refused|${tenantId}`,
            `team owners: Microsoft Graph refused to list a team's members (${reason}; is the resource-specific consent TeamMember.Read.Group granted?), so in this tenant a team is owned by the person who added the app`,
            { tenantId, aadGroupId },
          );
        } else {
          log.warn(`team owners: could not read a team's owners from Microsoft Graph (${reason}); the known owners stay`, {
            tenantId,
            aadGroupId,
          });
        }
        return undefined;
      }
    },
  };
}
