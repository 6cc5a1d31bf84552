import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { freePort, waitUntil } from './processes';

/** What the Playground's web UI receives over its conversation websocket. */
export interface PlaygroundAction {
  readonly action: string;
  readonly actionConversationId?: string;
  readonly message?: {
    readonly id?: string;
    readonly conversationId?: string;
    readonly postConversationId?: string;
    readonly attachments?: readonly { readonly contentType?: string; readonly content?: unknown }[];
    readonly text?: string;
    readonly [key: string]: unknown;
  };
}

export interface PlaygroundUser {
  readonly id: string;
  readonly name: string;
  readonly aadObjectId: string;
}

export interface PlaygroundConfig {
  readonly tenantId: string;
  readonly currentUser: PlaygroundUser;
  /** The current user's 1:1 chat with the bot. */
  readonly personalChat: { readonly id: string };
  readonly users: readonly PlaygroundUser[];
  readonly teams: readonly {
    readonly id: string;
    readonly name: string;
    readonly channels: readonly { id: string; name: string }[];
    readonly members: readonly string[];
  }[];
}

export interface Playground {
  readonly url: string;
  readonly config: PlaygroundConfig;
  readonly actions: PlaygroundAction[];
  /** Resolves with the first action (already seen or coming) that matches. */
  waitForAction(match: (a: PlaygroundAction) => boolean, ms?: number): Promise<PlaygroundAction>;
  /** As the Teams client does when the app is added to a conversation (team id for a team). */
  install(conversationId: string): Promise<void>;
  /** A message typed by the current user in their 1:1 chat, as the web UI sends it; resolves with the bot's next reply. */
  say(text: string): Promise<PlaygroundAction>;
  /** An invoke as the web UI sends it (`composeExtension/*`, `adaptiveCard/action`); returns the bot's answer. */
  invoke(body: Record<string, unknown>): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

/**
 * The Microsoft 365 Agents Playground, driven the way its own web UI drives it: `/_debug` to install,
 * `/_conversation/v1/invoke` for invokes, and the `/_ws_conversation` websocket to see what the bot
 * posted (no browser needed).
 */
export async function startPlayground(botEndpoint: string): Promise<Playground> {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('@microsoft/m365agentsplayground/package.json');
  const bin = (require(pkg) as { bin: string | Record<string, string> }).bin;
  const entry = path.join(path.dirname(pkg), typeof bin === 'string' ? bin : (bin.agentsplayground ?? ''));
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [entry, '-e', botEndpoint, '-c', 'msteams', '-p', String(port), '--disable-telemetry'],
    {
      env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  await waitUntil(
    async () => {
      if (child.exitCode !== null) throw new Error(`the Playground exited: ${output}`);
      try {
        return (await fetch(`${url}/_debug/ping`)).ok;
      } catch {
        return false;
      }
    },
    30_000,
    'the Agents Playground',
  );
  const config = ((await (await fetch(`${url}/_internal/v1/config`)).json()) as { config: PlaygroundConfig }).config;
  const actions: PlaygroundAction[] = [];
  const listeners: (() => void)[] = [];
  const socket = new WebSocket(`ws://127.0.0.1:${port}/_ws_conversation/v1/conversations/stream`);
  socket.onmessage = (event: MessageEvent) => {
    actions.push(JSON.parse(String(event.data)) as PlaygroundAction);
    listeners.splice(0).forEach((l) => l());
  };
  await new Promise<void>((resolve, reject) => {
    socket.onopen = () => resolve();
    socket.onerror = () => reject(new Error('the Playground websocket did not open'));
  });
  const playground: Playground = {
    url,
    config,
    actions,
    async waitForAction(match, ms = 15_000) {
      const end = Date.now() + ms;
      for (;;) {
        const found = actions.find(match);
        if (found) return found;
        const left = end - Date.now();
        if (left <= 0)
          throw new Error(`no matching Playground action; saw: ${actions.map((a) => `${a.action}@${a.actionConversationId}`).join(', ')}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          listeners.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
    async install(conversationId) {
      const res = await fetch(`${url}/_debug/conversation/${encodeURIComponent(conversationId)}/installation`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      if (!res.ok) throw new Error(`install: ${res.status} ${await res.text()}`);
    },
    async say(text) {
      const seen = actions.length;
      const res = await fetch(`${url}/_conversation/v1/conversations/${encodeURIComponent(config.personalChat.id)}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'text', text, textFormat: 'plain', from: { id: config.currentUser.id } }),
      });
      if (!res.ok) throw new Error(`say: ${res.status} ${await res.text()}`);
      return playground.waitForAction((a) => actions.indexOf(a) >= seen && a.action === 'createMessage');
    },
    async invoke(body) {
      const res = await fetch(`${url}/_conversation/v1/invoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // not JSON: keep the text
      }
      return { status: res.status, body: parsed };
    },
    async close() {
      socket.close();
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
  return playground;
}
