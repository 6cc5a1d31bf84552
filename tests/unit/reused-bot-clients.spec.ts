import { describe, expect, it } from '@jest/globals';
import type { Activity, TurnContext } from 'botbuilder';
import { createAdapter } from '../../bot/src/teams/shared/adapter';
import type { Logger } from '../../bot/src/domain/shared/logger';
import { personalMessage } from '../support/activities';

// The CloudAdapter's outbound clients are made once per app id, service URL and audience
// (teams/shared/reused-clients-auth.ts); every incoming request is still authenticated in full.
function capturingLog() {
  const warnings: string[] = [];
  const log: Logger = {
    debug: () => undefined,
    info: () => undefined,
    warn: (message) => void warnings.push(message),
    error: (message) => void warnings.push(message),
    scope: (_fields, work) => work(),
  };
  return { log, warnings };
}

interface Seen {
  readonly connector: unknown;
  readonly tokens: unknown;
}

async function turn(adapter: ReturnType<typeof createAdapter>, authorization: string, serviceUrl: string): Promise<Seen | undefined> {
  let seen: Seen | undefined;
  const activity = personalMessage(serviceUrl, 'help') as unknown as Activity;
  await adapter.processActivityDirect(authorization, activity, async (context: TurnContext) => {
    seen = {
      connector: context.turnState.get(context.adapter.ConnectorClientKey),
      tokens: context.turnState.get((context.adapter as unknown as { UserTokenClientKey: symbol }).UserTokenClientKey),
    };
  });
  return seen;
}

describe('the bot adapter reuses its outbound clients', () => {
  it('turns on one service URL share the connector and token clients; another service URL gets its own', async () => {
    const adapter = createAdapter({ type: 'SingleTenant' }, capturingLog().log);
    const [a, b, c] = [
      await turn(adapter, '', 'https://smba.example/emea/'),
      await turn(adapter, '', 'https://smba.example/emea/'),
      await turn(adapter, '', 'https://smba.example/amer/'),
    ];
    expect(a?.connector).toBeDefined();
    expect(b?.connector).toBe(a?.connector);
    expect(b?.tokens).toBe(a?.tokens);
    expect(c?.connector).not.toBe(a?.connector);
  });

  it('with an app id, a request without a token or with a forged one is still refused before any logic runs', async () => {
    const { log, warnings } = capturingLog();
    const adapter = createAdapter(
      {
        appId: '6e1c0ae5-7a0a-4d5c-9f5d-2f6a3f0b1c11',
        appPassword: 'not-a-real-secret',
        tenantId: '6e1c0ae5-7a0a-4d5c-9f5d-2f6a3f0b1c12',
        type: 'SingleTenant',
      },
      log,
    );
    const forged = `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"aud":"6e1c0ae5-7a0a-4d5c-9f5d-2f6a3f0b1c11"}').toString('base64url')}.`;
    for (const authorization of ['', forged, '', forged]) {
      expect(await turn(adapter, authorization, 'https://smba.example/emea/')).toBeUndefined();
    }
    expect(warnings).toEqual(Array.from({ length: 4 }, () => 'bot request refused: not authenticated'));
  });
});
