// Node integration service: SyntPop test persons, EDI 2.0 message polling and HelseID tokens.
import { SignJWT, type KeyLike } from 'jose';

export const SYNTPOP_API = 'https://sdapi.syntpop.nhn.no';
export const EDI_API = 'https://api.tjener.test.melding.nhn.no';

export async function syntpopPersons(apiKey: string): Promise<Response> {
  return fetch(`${SYNTPOP_API}/persons`, { headers: { 'X-Syntpop-apikey': apiKey } });
}

export async function ediMessages(token: string, proof: string): Promise<Response> {
  return fetch(`${EDI_API}/Messages`, { headers: { Authorization: `DPoP ${token}`, DPoP: proof, 'api-version': '2' } });
}

// Near miss: an Azure API version is a date, not EDI's version 2.
export const AZURE_API_VERSION = { 'api-version': '2024-01-01' };

/** HelseID client assertion (private_key_jwt). */
export async function clientAssertion(clientId: string, key: KeyLike): Promise<string> {
  return new SignJWT({ jti: crypto.randomUUID() })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
    .setIssuer(clientId)
    .setSubject(clientId)
    .setAudience('https://helseid-sts.test.nhn.no/connect/token')
    .setExpirationTime('60s')
    .sign(key);
}

// Near miss: the DPoP proof header.
export const dpopHeader = { alg: 'RS256', typ: 'dpop+jwt' };
