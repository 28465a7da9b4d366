// The built dist/helseid.js run as a process against the HelseID stand-in (started here, so the process
// is spawned asynchronously: a blocking spawn would stall the stand-in in this same process).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { HelseIdStandIn } from '../helpers/helseid-stand-in';
import { makeClientKey, type TestClientKey } from '../helpers/helseid-keys';
import { tempDir } from '../helpers/cli';

const SCRIPT = path.resolve(__dirname, '../../dist/helseid.js');
const SCOPE = 'nhn:hgd-persontjenesten-api/restricted-access';
const CLIENT_ID = 'cli-client';

let key: TestClientKey;
let s: HelseIdStandIn;
let dir: ReturnType<typeof tempDir>;
let jwkFile: string;

function run(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SCRIPT, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

beforeAll(async () => {
  key = await makeClientKey('PS256', 'cli-kid');
  s = await new HelseIdStandIn({ clients: { [CLIENT_ID]: { publicJwk: key.publicJwk, scopes: [SCOPE] } } }).start();
  dir = tempDir();
  jwkFile = path.join(dir.dir, 'client.jwk.json');
  writeFileSync(jwkFile, key.text);
});

afterAll(async () => {
  await s.stop();
  dir.cleanup();
});

describe('dist/helseid.js', () => {
  it('prints a masked token summary', async () => {
    const r = await run(['--jwk', jwkFile, '--client-id', CLIENT_ID, '--scope', SCOPE, '--issuer', s.issuer]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`HelseID token for client ${CLIENT_ID}`);
    expect(r.stdout).toContain('token type:    DPoP');
    expect(r.stdout).toContain(`scope:         ${SCOPE}`);
    expect(r.stdout).toContain('key:           PS256, kid cli-kid');
    expect(r.stdout).toContain('bound to key:  yes (cnf.jkt)');
    expect(r.stdout).toMatch(/access token: {2}eyJ\S{7}…\(\d+ chars, masked\)/);
    expect(r.stdout).not.toMatch(/eyJ[\w-]{20,}\.[\w-]+/);
  });

  it('prints JSON with --json and reads the client id and scopes from a client definition file', async () => {
    const definition = path.join(dir.dir, 'definition.json');
    writeFileSync(definition, JSON.stringify({ clientId: CLIENT_ID, scopes: [SCOPE], privateJwk: key.text }));
    const r = await run(['--jwk', definition, '--issuer', s.issuer, '--json']);
    expect(r.status).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ clientId: CLIENT_ID, tokenType: 'DPoP', scope: SCOPE, keyAlg: 'PS256', boundToKey: true });
    expect(summary.accessToken).toMatch(/masked\)$/);
  });

  it('exits 1 with what to check when HelseID refuses, and shows no key material', async () => {
    const r = await run(['--jwk', jwkFile, '--client-id', 'somebody-else', '--issuer', s.issuer]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('helseid: HelseID does not know the client somebody-else');
    expect(r.stderr).not.toContain(String(key.privateJwk.d).slice(0, 16));
  });

  it('exits 1 when HelseID cannot be reached, and 2 on bad usage', async () => {
    const down = await run(['--jwk', jwkFile, '--client-id', CLIENT_ID, '--issuer', 'http://127.0.0.1:9']);
    expect(down.status).toBe(1);
    expect(down.stderr).toContain('Cannot reach 127.0.0.1:9');
    const usage = await run(['--client-id', CLIENT_ID]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('--jwk is required');
    const missing = await run(['--jwk', path.join(dir.dir, 'nope.json'), '--client-id', CLIENT_ID]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('Cannot read the HelseID key file');
  });
});
