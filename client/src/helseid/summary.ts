// A token summary safe to print: claims and metadata, never the token itself beyond its first characters.

import { decodeJwt } from 'jose';
import type { AccessToken } from './client';
import type { ClientKey } from './key';

export interface TokenSummary {
  clientId: string;
  issuer: string;
  tokenType: string;
  scope: string;
  expiresIn: number;
  expiresAt: string;
  keyAlg: string;
  keyId?: string;
  keyThumbprint: string;
  /** Whether the token's `cnf.jkt` names our key (undefined when the token is not a readable JWT). */
  boundToKey?: boolean;
  clockSkewSeconds: number;
  accessToken: string;
}

export function maskToken(token: string): string {
  return `${token.slice(0, 10)}…(${token.length} chars, masked)`;
}

export function summarizeToken(token: AccessToken, key: ClientKey, context: { clientId: string; issuer: string; skew: number }): TokenSummary {
  let boundToKey: boolean | undefined;
  try {
    const cnf = decodeJwt(token.value).cnf as { jkt?: unknown } | undefined;
    boundToKey = cnf?.jkt === key.thumbprint;
  } catch {
    boundToKey = undefined; // opaque (reference) token
  }
  return {
    clientId: context.clientId,
    issuer: context.issuer,
    tokenType: token.tokenType,
    scope: token.scope,
    expiresIn: token.expiresIn,
    expiresAt: new Date(token.expiresAt).toISOString(),
    keyAlg: key.alg,
    keyId: key.kid,
    keyThumbprint: key.thumbprint,
    boundToKey,
    clockSkewSeconds: context.skew,
    accessToken: maskToken(token.value),
  };
}

export function formatSummary(s: TokenSummary): string {
  const bound = s.boundToKey === undefined ? 'unknown (opaque token)' : s.boundToKey ? 'yes' : 'NO';
  return [
    `HelseID token for client ${s.clientId}`,
    `  issuer:        ${s.issuer}`,
    `  token type:    ${s.tokenType}`,
    `  scope:         ${s.scope}`,
    `  expires in:    ${s.expiresIn} s (${s.expiresAt})`,
    `  key:           ${s.keyAlg}${s.keyId ? `, kid ${s.keyId}` : ''}, thumbprint ${s.keyThumbprint}`,
    `  bound to key:  ${bound} (cnf.jkt)`,
    `  clock skew:    ${s.clockSkewSeconds} s`,
    `  access token:  ${s.accessToken}`,
  ].join('\n');
}
