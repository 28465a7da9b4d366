// OpenID discovery: `{issuer}/.well-known/openid-configuration` tells where the token endpoint is. The
// document's `issuer` must be the one we asked (a mismatch means a wrong URL or a proxy answering).

import { HelseIdError } from './errors';
import { httpRequest, readJson, type HttpOptions } from './http';

export interface Discovery {
  issuer: string;
  tokenEndpoint: string;
  dpopAlgs?: string[];
}

export function bareIssuer(issuer: string): string {
  return issuer.replace(/\/+$/, '');
}

export async function fetchDiscovery(issuer: string, options: HttpOptions, onResponse?: (r: Response) => void): Promise<Discovery> {
  const url = `${bareIssuer(issuer)}/.well-known/openid-configuration`;
  const response = await httpRequest(url, { headers: { accept: 'application/json' } }, options);
  onResponse?.(response);
  if (!response.ok) throw new HelseIdError('discovery', [url, `HTTP ${response.status}`]);
  const doc = (await readJson(response)) as Record<string, unknown> | undefined;
  if (!doc || typeof doc.token_endpoint !== 'string' || typeof doc.issuer !== 'string') {
    throw new HelseIdError('discovery', [url, 'no issuer or token_endpoint']);
  }
  if (bareIssuer(doc.issuer) !== bareIssuer(issuer)) {
    throw new HelseIdError('discovery', [url, `the document names another issuer, ${doc.issuer.slice(0, 80)}`]);
  }
  const algs = doc.dpop_signing_alg_values_supported;
  return {
    issuer: bareIssuer(doc.issuer),
    tokenEndpoint: doc.token_endpoint,
    dpopAlgs: Array.isArray(algs) ? algs.filter((a): a is string => typeof a === 'string') : undefined,
  };
}
