// The HelseID stand-in must refuse each mistake the real HelseID refuses; otherwise the token module's
// tests would prove nothing. Requests here are made by hand, one deliberate mistake at a time.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT, importJWK } from 'jose';
import { randomUUID } from 'node:crypto';
import { HelseIdStandIn } from '../helpers/helseid-stand-in';
import { makeClientKey, type TestClientKey } from '../helpers/helseid-keys';

const SCOPE = 'nhn:hgd-persontjenesten-api/restricted-access';
const CLIENT_ID = 'stand-in-client';

let key: TestClientKey;
let other: TestClientKey;
let s: HelseIdStandIn;
let nonce: string;

interface Mistakes {
  typ?: string;
  aud?: string;
  lifetime?: number;
  jti?: string;
  signWith?: TestClientKey;
  proofHtm?: string;
  proofHtu?: string;
  proofTyp?: string;
  proofJti?: string;
  noProof?: boolean;
}

async function request(m: Mistakes = {}): Promise<{ status: number; body: { error?: string; error_description?: string; access_token?: string } }> {
  const now = Math.floor(Date.now() / 1000);
  const signer = m.signWith ?? key;
  const assertion = await new SignJWT({})
    .setProtectedHeader({ alg: 'RS256', typ: m.typ ?? 'client-authentication+jwt', kid: signer.privateJwk.kid })
    .setIssuer(CLIENT_ID)
    .setSubject(CLIENT_ID)
    .setAudience(m.aud ?? s.issuer)
    .setJti(m.jti ?? randomUUID())
    .setIssuedAt(now)
    .setNotBefore(now)
    .setExpirationTime(now + (m.lifetime ?? 60))
    .sign(await importJWK(signer.privateJwk, 'RS256'));
  const proof = await new SignJWT({ htm: m.proofHtm ?? 'POST', htu: m.proofHtu ?? s.tokenEndpoint, nonce })
    .setProtectedHeader({ alg: 'RS256', typ: m.proofTyp ?? 'dpop+jwt', jwk: key.publicJwk })
    .setJti(m.proofJti ?? randomUUID())
    .setIssuedAt(now)
    .sign(await importJWK(key.privateJwk, 'RS256'));
  const response = await fetch(s.tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(m.noProof ? {} : { DPoP: proof }) },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: CLIENT_ID,
      scope: SCOPE,
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: assertion,
    }),
  });
  nonce = response.headers.get('dpop-nonce') ?? nonce;
  return { status: response.status, body: (await response.json()) as { error?: string; error_description?: string; access_token?: string } };
}

beforeAll(async () => {
  [key, other] = await Promise.all([makeClientKey('RS256'), makeClientKey('RS256', 'other')]);
  s = await new HelseIdStandIn({ clients: { [CLIENT_ID]: { publicJwk: key.publicJwk, scopes: [SCOPE] } } }).start();
  const first = await request();
  expect(first.body.error).toBe('use_dpop_nonce');
});

afterAll(() => s.stop());

describe('HelseID stand-in', () => {
  it('issues a token for a correct request', async () => {
    const ok = await request();
    expect(ok.status).toBe(200);
    expect(ok.body.access_token).toMatch(/^eyJ/);
  });

  it.each<[string, Mistakes, string]>([
    ['typ JWT on the assertion', { typ: 'JWT' }, 'typ must be client-authentication+jwt, not JWT'],
    ['aud = the token endpoint', { aud: 'TOKEN_ENDPOINT' }, 'aud must be the issuer'],
    ['an assertion living 120 s', { lifetime: 120 }, 'assertion lifetime above 60 s'],
    ['an assertion signed with another key', { signWith: 'OTHER' as never }, 'invalid signature: key does not match'],
    ['a proof for GET', { proofHtm: 'GET' }, 'htm must be POST'],
    ['a proof for another URL', { proofHtu: 'http://127.0.0.1:1/connect/token' }, 'htu must be'],
    ['a proof with typ JWT', { proofTyp: 'JWT' }, 'typ must be dpop+jwt, not JWT'],
    ['no DPoP proof', { noProof: true }, 'no DPoP header'],
  ])('refuses %s', async (_, mistake, why) => {
    const m = { ...mistake };
    if (m.aud === 'TOKEN_ENDPOINT') m.aud = s.tokenEndpoint;
    if ((m.signWith as unknown) === 'OTHER') m.signWith = other;
    const refused = await request(m);
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.body.error_description).toContain(why);
  });

  it('refuses a reused assertion jti and a reused proof jti', async () => {
    const jti = randomUUID();
    expect((await request({ jti })).status).toBe(200);
    expect((await request({ jti })).body.error_description).toBe('jti missing or reused');
    const proofJti = randomUUID();
    expect((await request({ proofJti })).status).toBe(200);
    expect((await request({ proofJti })).body.error_description).toBe('jti missing or reused');
  });
});
