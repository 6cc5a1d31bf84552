import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { because } from '../support/eventually';
import { COMMAND_IDS, parseCommand } from '../../bot/src/domain/shared/commands';
import {
  MESSAGING_EXTENSION_COMMAND_IDS,
  MESSAGING_EXTENSION_COMMAND_TYPES,
} from '../../bot/src/domain/shared/messaging-extension-commands';
import { isPublicRoute, parseLocation } from '../../tabs/src/shared/routes';
import { bundledSchemaDir, validateLocalization, validateManifest, validatePackage } from '../../scripts/lib/manifest-schema.mjs';
import { PROVISIONED, ROOT } from '../support/ship/run-package';

interface Command {
  readonly id: string;
  readonly type: string;
  readonly fetchTask?: boolean;
  readonly parameters?: readonly { readonly name: string }[];
}
interface Manifest {
  readonly $schema: string;
  readonly manifestVersion: string;
  readonly developer: { readonly privacyUrl: string; readonly termsOfUseUrl: string };
  readonly localizationInfo: { defaultLanguageTag: string; additionalLanguages: { languageTag: string; file: string }[] };
  readonly staticTabs: { entityId: string; contentUrl?: string; scopes: string[] }[];
  readonly configurableTabs: { configurationUrl: string; scopes: string[] }[];
  readonly bots: {
    botId: string;
    scopes: string[];
    commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[];
  }[];
  readonly composeExtensions: { botId: string; commands: Command[] }[];
  readonly webApplicationInfo: { id: string; resource: string };
  readonly authorization?: { permissions?: { resourceSpecific?: { name: string; type: string }[] } };
  readonly validDomains: string[];
  readonly showLoadingIndicator: boolean;
}

const manifestText = readFileSync(path.join(ROOT, 'manifest', 'manifest.json'), 'utf8');
const nlText = readFileSync(path.join(ROOT, 'manifest', 'nl-NL.json'), 'utf8');
const template = JSON.parse(manifestText) as Manifest;
const nl = JSON.parse(nlText) as Record<string, string>;

/** What `npm run package` does to the text, with the values a provisioned environment has. */
const fill = (text: string, values: Readonly<Record<string, string>> = { ...PROVISIONED, APP_NAME_SUFFIX: '-dev' }): unknown =>
  JSON.parse(text.replace(/\$\{\{([A-Z0-9_]+)\}\}/g, (_, name: string) => values[name] ?? `MISSING_${name}`));

/** Reads a localization key such as `bots[0].commandLists[0].commands[3].title` out of the manifest. */
const at = (object: unknown, key: string): unknown =>
  key
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .reduce<unknown>(
      (node, part) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined),
      object,
    );

describe('manifest/manifest.json', () => {
  it('is on v1.28, the newest generally available schema that @microsoft/app-manifest bundles', () => {
    const bundled = readdirSync(bundledSchemaDir());
    expect(bundled).toContain('v1.28');
    expect(template.manifestVersion).toBe('1.28');
    expect(template.$schema).toBe('https://developer.microsoft.com/json-schemas/teams/v1.28/MicrosoftTeams.schema.json');
  });

  it('validates against the bundled official schema once its placeholders are filled', async () => {
    expect(await validateManifest(fill(manifestText))).toEqual([]);
  });

  it('fails that validation when a value is malformed, so the check is real', async () => {
    const problems = await validateManifest(fill(manifestText, { ...PROVISIONED, APP_NAME_SUFFIX: '', BOT_ID: 'not-a-guid' }));
    expect(problems.join('\n')).toMatch(/botId/);
  });

  it("asks each team for the resource-specific consent to read its members (Graph's owners), as an application permission", () => {
    expect(template.authorization?.permissions?.resourceSpecific).toEqual([{ name: 'TeamMember.Read.Group', type: 'Application' }]);
  });

  it('has the personal tab, the configurable team tab and the loading indicator', () => {
    const myLearning = template.staticTabs.find((t) => t.entityId === 'myLearning');
    // The service serves the tab at `/`; the view is chosen by the query, which the tab reads.
    expect(myLearning?.contentUrl).toBe('${{TAB_ENDPOINT}}/?view=my-learning');
    expect(myLearning?.scopes).toEqual(['personal']);
    expect(template.configurableTabs[0]?.configurationUrl).toBe('${{TAB_ENDPOINT}}/config');
    expect(template.configurableTabs[0]?.scopes).toContain('team');
    expect(template.showLoadingIndicator).toBe(true);
  });

  it("points the tabs at the tab's own routes (tabs/src/shared/routes.ts)", () => {
    const routeOf = (url: string | undefined) => {
      const { pathname, search, hash } = new URL((url ?? '').replace('${{TAB_ENDPOINT}}', 'https://peerlearn.example.com'));
      return parseLocation({ pathname, search, hash }).name;
    };
    expect(routeOf(template.staticTabs.find((t) => t.entityId === 'myLearning')?.contentUrl)).toBe('my-learning');
    expect(routeOf(template.configurableTabs[0]?.configurationUrl)).toBe('config');
  });

  it('links the privacy statement and the terms of use to the public pages the tab serves without sign-in', () => {
    const at = (url: string | undefined) => {
      const { pathname, search, hash } = new URL((url ?? '').replace('${{TAB_ENDPOINT}}', 'https://peerlearn.example.com'));
      return parseLocation({ pathname, search, hash });
    };
    const privacy = at(template.developer.privacyUrl);
    const terms = at(template.developer.termsOfUseUrl);
    expect(privacy.name).toBe('privacy');
    expect(terms.name).toBe('terms');
    expect(isPublicRoute(privacy) && isPublicRoute(terms)).toBe(true);
  });

  it('declares the bot in personal, team and group chat, and SSO for the tab', () => {
    expect(template.bots[0]?.botId).toBe('${{BOT_ID}}');
    expect([...(template.bots[0]?.scopes ?? [])].sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(template.webApplicationInfo).toEqual({ id: '${{AAD_APP_CLIENT_ID}}', resource: 'api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}' });
    // The bot and the tab are one web app (BOT_DOMAIN = TAB_DOMAIN): listing both gave the same host twice.
    expect(template.validDomains).toEqual(['${{TAB_DOMAIN}}']);
  });

  it('has the messaging extension commands of the Teams contract (bot/src/domain/shared/messaging-extension-commands.ts)', () => {
    const commands = template.composeExtensions[0]?.commands ?? [];
    expect(commands.map((c) => c.id)).toEqual([...MESSAGING_EXTENSION_COMMAND_IDS]);
    for (const command of commands) {
      expect(command.type).toBe(MESSAGING_EXTENSION_COMMAND_TYPES[command.id as keyof typeof MESSAGING_EXTENSION_COMMAND_TYPES]);
      if (command.type === 'action') expect(command.fetchTask).toBe(true);
    }
    expect(commands.find((c) => c.id === 'findExpert')?.parameters?.map((p) => p.name)).toEqual(['query']);
    expect(template.composeExtensions[0]?.botId).toBe('${{BOT_ID}}');
  });

  it('lists every bot command of bot/src/domain/shared/commands.ts, and each title is understood by the bot', () => {
    const titles = (template.bots[0]?.commandLists ?? []).flatMap((list) => list.commands.map((c) => c.title));
    const ids = titles.map((title) => parseCommand(title).id);
    expect(ids).not.toContain('unknown');
    expect([...new Set(ids)].sort()).toEqual(COMMAND_IDS.filter((id) => id !== 'unknown').sort());
  });
});

describe('manifest/nl-NL.json', () => {
  it('is the additional language of the manifest, with en-us as default', () => {
    expect(template.localizationInfo.defaultLanguageTag.toLowerCase()).toBe('en-us');
    expect(template.localizationInfo.additionalLanguages).toEqual([{ languageTag: 'nl-nl', file: 'nl-NL.json' }]);
    expect(existsSync(path.join(ROOT, 'manifest', 'nl-NL.json'))).toBe(true);
  });

  it('validates against the bundled localization schema', () => {
    expect(validateLocalization(nl, template.manifestVersion)).toEqual([]);
    expect(validateLocalization({ ...nl, 'name.shortt': 'typo' }, template.manifestVersion)).not.toEqual([]);
  });

  it("passes the package script's whole check, which names the localization file of a bad translation", async () => {
    const manifest = fill(manifestText) as Manifest;
    expect(await validatePackage(manifest, nl)).toEqual([]);
    const problems = await validatePackage(manifest, { ...nl, 'name.shortt': 'typo' });
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) expect(problem).toMatch(/^nl-NL\.json: /);
  });

  it('translates only strings that exist in the manifest', () => {
    const filled = fill(manifestText);
    for (const key of Object.keys(nl).filter((k) => k !== '$schema')) {
      because(key, () => expect(typeof at(filled, key)).toBe('string'));
    }
  });

  it('translates every bot command, and the Dutch titles are Dutch commands the bot understands', () => {
    const commands = template.bots[0]?.commandLists[0]?.commands ?? [];
    commands.forEach((command, i) => {
      const title = nl[`bots[0].commandLists[0].commands[${i}].title`];
      because(command.title, () => expect(title).toBeDefined());
      const parsed = parseCommand(title ?? '');
      expect(parsed.id).toBe(parseCommand(command.title).id);
      expect(parsed.locale).toBe('nl');
      expect(nl[`bots[0].commandLists[0].commands[${i}].description`]).toBeDefined();
    });
  });

  it('translates every messaging extension command and the personal tab', () => {
    (template.composeExtensions[0]?.commands ?? []).forEach((_, i) => {
      expect(nl[`composeExtensions[0].commands[${i}].title`]).toBeDefined();
      expect(nl[`composeExtensions[0].commands[${i}].description`]).toBeDefined();
    });
    expect(nl['staticTabs[0].name']).toBe('Mijn leerpad');
    expect(nl['description.short']).not.toBe((fill(manifestText) as { description: { short: string } }).description.short);
  });
});
