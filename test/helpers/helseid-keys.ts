// Client keys for the HelseID tests, made fresh per run (no key material in the repository).

import { generateKeyPair, exportJWK, type JWK } from 'jose';

export interface TestClientKey {
  privateJwk: JWK;
  publicJwk: JWK;
  /** The private JWK as HelseID selvbetjening's download would hold it. */
  text: string;
}

export async function makeClientKey(alg: 'RS256' | 'PS256' | 'ES256', kid = `test-${alg}`): Promise<TestClientKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true, ...(alg === 'ES256' ? {} : { modulusLength: 2048 }) });
  const privateJwk = { ...(await exportJWK(privateKey)), alg, kid, use: 'sig' };
  const publicJwk = { ...(await exportJWK(publicKey)), alg, kid };
  return { privateJwk, publicJwk, text: JSON.stringify(privateJwk) };
}
