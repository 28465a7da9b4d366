// The VS Code glue (client/src/commands/helseid.ts) over a fake `vscode`: commands, the key in secret
// storage (never in settings), and the live source registered for the picker and obeying the settings.

import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createVscodeFake } from '../helpers/vscode-fake';
import { makeClientKey, type TestClientKey } from '../helpers/helseid-keys';

const fake = createVscodeFake();
vi.mock('vscode', () => fake.vscode);

const { registerHelseId, getLivePersonSource } = await import('../../client/src/commands/helseid');
const { personSources } = await import('../../client/src/persons/sources');

let key: TestClientKey;
const search = (text: string) => getLivePersonSource()!.search({ text }, new AbortController().signal);

beforeAll(async () => {
  key = await makeClientKey('RS256', 'glue');
  registerHelseId(fake.context as never);
});

beforeEach(() => {
  fake.shown.length = 0;
  fake.settings.clear();
  fake.secrets.clear();
  fake.vscode.env.language = 'en';
});

describe('HelseID in VS Code', () => {
  it('registers its commands and the live source', () => {
    expect([...fake.commands.keys()]).toEqual(expect.arrayContaining(['nhn.helseid.setKey', 'nhn.helseid.clearKey', 'nhn.helseid.testConnection']));
    expect(personSources.list().filter((s) => s.id === 'live')).toEqual([getLivePersonSource()]);
  });

  it('stores a pasted client definition in secret storage and takes its client id', async () => {
    const definition = JSON.stringify({ clientId: 'from-definition', scopes: ['nhn:hgd-persontjenesten-api/restricted-access'], privateJwk: key.text });
    fake.answers.quickPick.push('Paste the private JWK');
    fake.answers.inputBox.push(definition);
    await fake.commands.get('nhn.helseid.setKey')!();
    expect(fake.secrets.get('nhn.helseid.jwk')).toBe(definition);
    expect(fake.settings.get('nhn.helseid.clientId')).toBe('from-definition');
    expect([...fake.settings.values()].join(' ')).not.toContain(String(key.privateJwk.d));
    expect(fake.shown).toHaveLength(1);
    expect(fake.shown[0].text).toMatch(/^HelseID key stored in VS Code's secret storage \(RS256, kid glue, thumbprint [\w-]{43}\)\.$/);
  });

  it("refuses a public key, in the user's language, and stores nothing", async () => {
    fake.vscode.env.language = 'nb';
    fake.answers.quickPick.push('Paste the private JWK');
    fake.answers.inputBox.push(JSON.stringify(key.publicJwk));
    await fake.commands.get('nhn.helseid.setKey')!();
    expect(fake.secrets.size).toBe(0);
    expect(fake.shown).toEqual([{ kind: 'error', text: expect.stringContaining('HelseID-nøkkelen mangler privat del') }]);
  });

  it('clears the key', async () => {
    fake.secrets.set('nhn.helseid.jwk', key.text);
    await fake.commands.get('nhn.helseid.clearKey')!();
    expect(fake.secrets.size).toBe(0);
    expect(fake.shown[0].text).toBe("The HelseID key was removed from VS Code's secret storage.");
  });

  it('keeps the live source off the network until allowed, then asks for what is missing', async () => {
    expect((await search('lukt 1948')).message).toContain('nhn.allowDownloads');
    fake.settings.set('nhn.allowDownloads', true);
    fake.vscode.workspace.isTrusted = false;
    expect((await search('lukt 1948')).message).toContain('nhn.allowDownloads');
    fake.vscode.workspace.isTrusted = true;
    expect((await search('lukt 1948')).message).toContain('HelseID is not set up: no key');
    fake.secrets.set('nhn.helseid.jwk', key.text);
    expect((await search('lukt 1948')).message).toContain('no client id');
    fake.settings.set('nhn.helseid.environment', 'production');
    expect((await search('lukt 1948')).message).toContain('test environment only');
  });

  it('does not contact HelseID from the test command while network use is off', async () => {
    await fake.commands.get('nhn.helseid.testConnection')!();
    expect(fake.shown).toEqual([{ kind: 'warning', text: expect.stringContaining('turn on nhn.allowDownloads') }]);
  });
});
