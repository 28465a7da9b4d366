// The HelseID token module against a local HelseID stand-in: the requests it makes must pass every check
// the stand-in makes, and each mistake a person can make must come back as the right, safe message.

import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { HelseIdClient } from '../../client/src/helseid/client';
import { HelseIdError } from '../../client/src/helseid/errors';
import { parseKeyFile } from '../../client/src/helseid/key';
import { HelseIdStandIn, type HelseIdStandInOptions } from '../helpers/helseid-stand-in';
import { makeClientKey, type TestClientKey } from '../helpers/helseid-keys';

const SCOPE = 'nhn:hgd-persontjenesten-api/restricted-access';
const CLIENT_ID = 'e1f2a3b4-0000-4000-8000-000000000001';

let rsa: TestClientKey;
let es: TestClientKey;
let ps: TestClientKey;
let other: TestClientKey;
const running: HelseIdStandIn[] = [];

beforeAll(async () => {
  [rsa, es, ps, other] = await Promise.all([
    makeClientKey('RS256'),
    makeClientKey('ES256'),
    makeClientKey('PS256'),
    makeClientKey('RS256', 'YTMe8OU1v056o9XJ0dtf+hXzu0g='),
  ]);
});

afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

async function standIn(key: TestClientKey, options: Partial<HelseIdStandInOptions> = {}): Promise<HelseIdStandIn> {
  const s = await new HelseIdStandIn({ clients: { [CLIENT_ID]: { publicJwk: key.publicJwk, scopes: [SCOPE] } }, ...options }).start();
  running.push(s);
  return s;
}

async function clientFor(s: HelseIdStandIn, key: TestClientKey, overrides: { clientId?: string; scopes?: string[]; timeoutMs?: number } = {}) {
  const { key: clientKey } = await parseKeyFile(key.text);
  return new HelseIdClient({
    issuer: s.issuer,
    clientId: overrides.clientId ?? CLIENT_ID,
    key: clientKey,
    scopes: overrides.scopes ?? [SCOPE],
    timeoutMs: overrides.timeoutMs,
  });
}

async function failure(promise: Promise<unknown>): Promise<HelseIdError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(HelseIdError);
  return err as HelseIdError;
}

describe('HelseID token module', () => {
  it.each([
    ['RS256', () => rsa],
    ['PS256', () => ps],
    ['ES256', () => es],
  ])('gets a DPoP-bound token with a %s key after one nonce retry', async (alg, key) => {
    const s = await standIn(key());
    const client = await clientFor(s, key());
    const token = await client.getToken();
    expect(token.tokenType).toBe('DPoP');
    expect(token.scope).toBe(SCOPE);
    expect(s.refusals).toEqual([{ error: 'use_dpop_nonce', description: 'a DPoP nonce is required' }]);
    expect(s.tokenRequests).toBe(2);
    expect(s.issued[0].cnf).toEqual({ jkt: client.options.key.thumbprint });
    expect(client.options.key.alg).toBe(alg);
  });

  it('serves the cached token until shortly before expiry, then asks again', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-26T12:00:00Z'));
    const s = await standIn(rsa);
    const client = await clientFor(s, rsa);
    const first = await client.getToken();
    expect((await client.getToken()).value).toBe(first.value);
    vi.setSystemTime(new Date('2026-11-26T12:58:00Z')); // 2 min left of 60: still cached
    expect((await client.getToken()).value).toBe(first.value);
    expect(s.tokenRequests).toBe(2);
    vi.setSystemTime(new Date('2026-11-26T12:59:30Z')); // inside the last minute: renewed
    const second = await client.getToken();
    expect(second.value).not.toBe(first.value);
    // The nonce learned the first time is reused, so renewal takes one request.
    expect(s.tokenRequests).toBe(3);
  });

  it('lets a caller stop waiting without cancelling the token request others will use', async () => {
    const s = await standIn(rsa, { delayMs: 100 });
    const client = await clientFor(s, rsa);
    const impatient = new AbortController();
    const first = client.getToken(impatient.signal);
    impatient.abort(new Error('typed on'));
    await expect(first).rejects.toThrow('typed on');
    const token = await client.getToken();
    expect(token.tokenType).toBe('DPoP');
    expect(s.tokenRequests).toBe(2); // discovery, then one token request and its nonce retry: nothing started twice
  });

  it("tolerates a clock 10 minutes off by signing with HelseID's time", async () => {
    const s = await standIn(rsa, { clockOffsetMs: 10 * 60_000, leewaySeconds: 30 });
    const client = await clientFor(s, rsa);
    await client.getToken();
    expect(client.clock.skewSeconds).toBeGreaterThanOrEqual(598);
    expect(s.refusals.map((r) => r.error)).toEqual(['use_dpop_nonce']);
  });

  it('says "unknown client" for a client id HelseID does not know', async () => {
    const s = await standIn(rsa);
    const err = await failure((await clientFor(s, rsa, { clientId: 'no-such-client' })).getToken());
    expect(err.code).toBe('unknown-client');
    expect(err.message).toContain('no-such-client');
    expect(s.refusals.at(-1)?.description).toBe('unknown client');
  });

  it('says "wrong key" when the key is not the registered one', async () => {
    const s = await standIn(rsa);
    const err = await failure((await clientFor(s, other)).getToken());
    expect(err.code).toBe('wrong-key');
    expect(err.message).toContain('kid YTMe8OU1v056o9XJ0dtf+hXzu0g=');
    expect(s.refusals.at(-1)?.description).toBe('invalid signature: key does not match');
  });

  it('says which scope is missing', async () => {
    const s = await standIn(rsa);
    const err = await failure((await clientFor(s, rsa, { scopes: ['nhn:hgd-persontjenesten-api/full-access'] })).getToken());
    expect(err.code).toBe('missing-scope');
    expect(err.message).toContain('nhn:hgd-persontjenesten-api/full-access');
    expect(err.localized('nb')).toContain('har ikke scopet nhn:hgd-persontjenesten-api/full-access');
  });

  it('gives up after one retry when HelseID keeps asking for a new nonce', async () => {
    const s = await standIn(rsa, { nonceLoop: true });
    const err = await failure((await clientFor(s, rsa)).getToken());
    expect(err.code).toBe('nonce-loop');
    expect(s.tokenRequests).toBe(2);
  });

  it('says the network is off when nothing listens', async () => {
    const s = await standIn(rsa);
    const client = await clientFor(s, rsa);
    await s.stop();
    const err = await failure(client.getToken());
    expect(err.code).toBe('network');
    expect(err.message).toContain(new URL(s.issuer).host);
  });

  it('stops waiting at the timeout', async () => {
    const s = await standIn(rsa, { delayMs: 2_000 });
    const err = await failure((await clientFor(s, rsa, { timeoutMs: 200 })).getToken());
    expect(err.code).toBe('timeout');
    expect(err.message).toContain('0.2 s');
  });

  it("says so before signing when HelseID does not take the key's algorithm for DPoP", async () => {
    const s = await standIn(es, { dpopAlgs: ['RS256', 'PS256'] });
    const err = await failure((await clientFor(s, es)).getToken());
    expect(err.code).toBe('key-unsupported');
    expect(err.message).toContain('ES256 (HelseID takes RS256, PS256 for DPoP)');
    expect(s.tokenRequests).toBe(0);
  });

  it('refuses a public key file with a message saying so', async () => {
    const err = await failure(parseKeyFile(JSON.stringify(rsa.publicJwk)));
    expect(err.code).toBe('key-public-only');
    expect((await failure(parseKeyFile('not json'))).code).toBe('key-invalid');
    expect((await failure(parseKeyFile(JSON.stringify({ ...rsa.privateJwk, alg: 'ES256' })))).code).toBe('key-unsupported');
  });

  it('reads the client definition downloaded from HelseID selvbetjening', async () => {
    const definition = { clientName: 'Test', authority: 'https://helseid-sts.test.nhn.no', clientId: CLIENT_ID, scopes: [SCOPE], privateJwk: rsa.text };
    const file = await parseKeyFile(JSON.stringify(definition));
    expect(file.clientId).toBe(CLIENT_ID);
    expect(file.scopes).toEqual([SCOPE]);
    expect(file.key.kid).toBe('test-RS256');
    expect(file.key.publicJwk).not.toHaveProperty('d');
  });

  it('never puts key material in a message', async () => {
    const s = await standIn(rsa);
    const errors = [
      await failure((await clientFor(s, other)).getToken()),
      await failure((await clientFor(s, rsa, { clientId: 'x' })).getToken()),
      await failure(parseKeyFile(JSON.stringify({ ...rsa.privateJwk, n: undefined }))),
    ];
    for (const err of errors) {
      for (const secret of [rsa.privateJwk.d, other.privateJwk.d, rsa.privateJwk.p, other.privateJwk.q]) {
        expect(err.message).not.toContain(String(secret).slice(0, 16));
        expect(err.localized('nb')).not.toContain(String(secret).slice(0, 16));
      }
      expect(err.message).not.toMatch(/eyJ[\w-]{10,}/); // no JWT (assertion, proof or token)
    }
  });
});
