// Settings and stored key → HelseIdClient, and the contributions that let a user set them (en + nb).

import { describe, expect, it, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resolveClient, settingsFingerprint, type HelseIdSettings } from '../../client/src/helseid/config';
import { HelseIdError } from '../../client/src/helseid/errors';
import { accessFor } from '../../client/src/persontjenesten/source';
import { makeClientKey, type TestClientKey } from '../helpers/helseid-keys';

const ROOT = path.resolve(__dirname, '../..');
const base: HelseIdSettings = { environment: 'test', clientId: 'my-client', jwkPath: '', scopes: ['nhn:hgd-persontjenesten-api/restricted-access'] };
let key: TestClientKey;
let dir: string;

beforeAll(async () => {
  key = await makeClientKey('ES256', 'cfg');
  dir = mkdtempSync(path.join(tmpdir(), 'nhn-helseid-'));
});

async function failure(promise: Promise<unknown>): Promise<HelseIdError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(HelseIdError);
  return err as HelseIdError;
}

describe('HelseID configuration', () => {
  it('uses the key from secret storage before the file, and the test issuer by default', async () => {
    const client = await resolveClient({ ...base, jwkPath: '/does/not/exist.json' }, key.text);
    expect(client.options).toMatchObject({ issuer: 'https://helseid-sts.test.nhn.no', clientId: 'my-client', scopes: base.scopes });
    expect(client.options.key.kid).toBe('cfg');
  });

  it('reads the JWK file, taking client id and scopes from a client definition when the settings are empty', async () => {
    const file = path.join(dir, 'definition.json');
    writeFileSync(file, JSON.stringify({ clientId: 'from-file', scopes: ['nhn:hgd-persontjenesten-api/full-access'], privateJwk: key.privateJwk }));
    const client = await resolveClient({ ...base, clientId: '', scopes: [], jwkPath: file }, undefined);
    expect(client.options.clientId).toBe('from-file');
    expect(client.options.scopes).toEqual(['nhn:hgd-persontjenesten-api/full-access']);
    expect(accessFor(client.options.scopes)).toBe('full-access');
    expect(accessFor(base.scopes)).toBe('restricted-access');
  });

  it('says what is missing', async () => {
    expect((await failure(resolveClient(base, undefined))).message).toContain('HelseID is not set up: no key');
    expect((await failure(resolveClient({ ...base, clientId: '' }, key.text))).message).toContain('no client id');
    const unreadable = await failure(resolveClient({ ...base, jwkPath: path.join(dir, 'missing.json') }, undefined));
    expect(unreadable.code).toBe('key-unreadable');
  });

  it('changes its fingerprint when the settings or the key change, without containing the key', () => {
    const a = settingsFingerprint(base, key.text);
    expect(settingsFingerprint(base, key.text)).toBe(a);
    expect(settingsFingerprint({ ...base, clientId: 'other' }, key.text)).not.toBe(a);
    expect(settingsFingerprint(base, `${key.text} `)).not.toBe(a);
    expect(a).not.toContain(String(key.privateJwk.d));
  });

  it('contributes the settings and commands with English and bokmål text, and translates every UI string', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const en = JSON.parse(readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8'));
    const nb = JSON.parse(readFileSync(path.join(ROOT, 'package.nls.nb.json'), 'utf8'));
    const props = pkg.contributes.configuration.properties;
    expect(props['nhn.helseid.environment']).toMatchObject({ enum: ['test', 'production'], default: 'test' });
    expect(props['nhn.helseid.scopes'].default).toEqual(['nhn:hgd-persontjenesten-api/restricted-access']);
    expect(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations).toContain('nhn.helseid.jwkPath');
    const commands = pkg.contributes.commands.filter((c: { command: string }) => c.command.startsWith('nhn.helseid.'));
    expect(commands.map((c: { command: string }) => c.command)).toEqual(['nhn.helseid.setKey', 'nhn.helseid.clearKey', 'nhn.helseid.testConnection']);
    const keys = [
      ...commands.map((c: { title: string }) => c.title),
      ...Object.entries(props)
        .filter(([k]) => k.startsWith('nhn.helseid.'))
        .map(([, v]) => (v as { markdownDescription: string }).markdownDescription),
    ].map((ref: string) => ref.replace(/^%|%$/g, ''));
    for (const k of keys) {
      expect(en[k], k).toBeTruthy();
      expect(nb[k], k).toBeTruthy();
    }
    const glue = readFileSync(path.join(ROOT, 'client/src/commands/helseid.ts'), 'utf8');
    const bundle = JSON.parse(readFileSync(path.join(ROOT, 'l10n/bundle.l10n.nb.json'), 'utf8'));
    const strings = [...glue.matchAll(/vscode\.l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1].replace(/\\'/g, "'"));
    expect(strings.length).toBeGreaterThan(10);
    for (const s of strings) expect(bundle[s], s).toBeTruthy();
  });
});
