// The client's private key: a JWK as HelseID selvbetjening hands it out. Accepted shapes: a bare JWK, a
// JWKS ({"keys":[…]}, first private key), or the downloaded client definition ({"clientId", "authority",
// "scopes", "privateJwk": <JWK or its JSON string>}), whose client id and scopes then serve as defaults.
// The algorithm is the key's own `alg` when given, else RS256 for RSA and ES256/384/512 by EC curve.

import { importJWK, calculateJwkThumbprint, type JWK, type CryptoKey } from 'jose';
import { HelseIdError } from './errors';

const SUPPORTED_ALGS = new Set(['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512']);
const EC_ALG_BY_CURVE: Record<string, string> = { 'P-256': 'ES256', 'P-384': 'ES384', 'P-521': 'ES512' };
const KEY_FIELDS_IN_DEFINITION = ['privateJwk', 'privateJWK', 'jwk', 'rsaPrivateKey', 'privateKey', 'key'];

export interface ClientKey {
  readonly privateKey: CryptoKey | Uint8Array;
  /** The public half, for the DPoP proof header (never the private members). */
  readonly publicJwk: JWK;
  readonly alg: string;
  readonly kid?: string;
  /** RFC 7638 thumbprint of the public key: what a DPoP-bound token's `cnf.jkt` must equal. */
  readonly thumbprint: string;
}

export interface KeyFileContents {
  key: ClientKey;
  clientId?: string;
  authority?: string;
  scopes?: string[];
}

export async function parseKeyFile(text: string): Promise<KeyFileContents> {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new HelseIdError('key-invalid', ['not JSON']);
  }
  if (!isObject(json)) throw new HelseIdError('key-invalid', ['not a JSON object']);
  if (Array.isArray(json.keys)) {
    const first = json.keys.find((k) => isObject(k) && 'd' in k) ?? json.keys[0];
    return { key: await importClientKey(first) };
  }
  if (typeof json.kty === 'string') return { key: await importClientKey(json) };
  const field = KEY_FIELDS_IN_DEFINITION.find((name) => json[name] !== undefined);
  if (!field) throw new HelseIdError('key-invalid', ['no "kty" and no private key field']);
  let inner = json[field];
  if (typeof inner === 'string') {
    try {
      inner = JSON.parse(inner);
    } catch {
      throw new HelseIdError('key-invalid', [`"${field}" is not a JWK`]);
    }
  }
  return {
    key: await importClientKey(inner),
    clientId: typeof json.clientId === 'string' ? json.clientId : undefined,
    authority: typeof json.authority === 'string' ? json.authority : undefined,
    scopes: Array.isArray(json.scopes) ? json.scopes.filter((s): s is string => typeof s === 'string') : undefined,
  };
}

export async function importClientKey(value: unknown): Promise<ClientKey> {
  if (!isObject(value) || typeof value.kty !== 'string') throw new HelseIdError('key-invalid', ['no "kty"']);
  const jwk = value as JWK;
  const alg = algorithmFor(jwk);
  if (!alg) throw new HelseIdError('key-unsupported', [String(jwk.alg ?? `${jwk.kty}${jwk.crv ? ` ${jwk.crv}` : ''}`)]);
  if (jwk.d === undefined) throw new HelseIdError('key-public-only');
  let privateKey: CryptoKey | Uint8Array;
  try {
    privateKey = await importJWK({ ...jwk, alg }, alg);
  } catch (err) {
    throw new HelseIdError('key-invalid', [err instanceof Error ? err.message.slice(0, 60) : 'import failed']);
  }
  const publicJwk = publicPart(jwk);
  return { privateKey, publicJwk, alg, kid: jwk.kid, thumbprint: await calculateJwkThumbprint(publicJwk, 'sha256') };
}

function algorithmFor(jwk: JWK): string | undefined {
  const alg = jwk.alg ?? (jwk.kty === 'RSA' ? 'RS256' : jwk.kty === 'EC' ? EC_ALG_BY_CURVE[jwk.crv ?? ''] : undefined);
  if (!alg || !SUPPORTED_ALGS.has(alg)) return undefined;
  // The alg must fit the key: an RSA key cannot sign ES256.
  return (alg.startsWith('ES') ? 'EC' : 'RSA') === jwk.kty ? alg : undefined;
}

function publicPart(jwk: JWK): JWK {
  if (jwk.kty === 'RSA') return { kty: 'RSA', n: jwk.n, e: jwk.e };
  return { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
