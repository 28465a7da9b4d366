// The two JWTs the client signs: the client assertion (private_key_jwt, RFC 7523 as HelseID profiles it)
// and the DPoP proof (RFC 9449). Pure functions of the key, the clock and a few strings.

import { SignJWT, base64url } from 'jose';
import { createHash, randomUUID } from 'node:crypto';
import type { ClientKey } from './key';

/** HelseID refuses assertions living longer than this; we stay well under it. */
export const ASSERTION_LIFETIME_SECONDS = 60;

/**
 * Client assertion: header `typ: client-authentication+jwt`; `iss` = `sub` = client id; `aud` = the bare
 * issuer (not the token endpoint, which HelseID now refuses); `jti`, `iat`, `nbf`, `exp` ≤ 60 s.
 */
export async function createClientAssertion(key: ClientKey, clientId: string, issuer: string, now: number): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: key.alg, typ: 'client-authentication+jwt', ...(key.kid ? { kid: key.kid } : {}) })
    .setIssuer(clientId)
    .setSubject(clientId)
    .setAudience(issuer)
    .setJti(randomUUID())
    .setIssuedAt(now)
    .setNotBefore(now)
    .setExpirationTime(now + ASSERTION_LIFETIME_SECONDS)
    .sign(key.privateKey);
}

export interface DpopProofInput {
  method: string;
  /** The request URL; query and fragment are dropped as RFC 9449 §4.2 requires. */
  url: string;
  now: number;
  nonce?: string;
  /** The access token, for resource requests: its SHA-256 goes in `ath`. */
  accessToken?: string;
}

/** DPoP proof: header `typ: dpop+jwt` with the public JWK; claims `htm`, `htu`, `iat`, `jti`, `nonce`?, `ath`?. */
export async function createDpopProof(key: ClientKey, input: DpopProofInput): Promise<string> {
  const claims: Record<string, string> = { htm: input.method.toUpperCase(), htu: htuOf(input.url) };
  if (input.nonce) claims.nonce = input.nonce;
  if (input.accessToken) claims.ath = accessTokenHash(input.accessToken);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: key.alg, typ: 'dpop+jwt', jwk: key.publicJwk })
    .setJti(randomUUID())
    .setIssuedAt(input.now)
    .sign(key.privateKey);
}

export function htuOf(url: string): string {
  const u = new URL(url);
  return `${u.origin}${u.pathname}`;
}

export function accessTokenHash(accessToken: string): string {
  return base64url.encode(createHash('sha256').update(accessToken, 'ascii').digest());
}
