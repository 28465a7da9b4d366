// A local HelseID for tests: discovery and a token endpoint that check what the real one checks (as
// NHN documents it): the client assertion (signature with the registered key, `typ`
// client-authentication+jwt, iss = sub = client id, `aud` = the bare issuer, lifetime ≤ 60 s, jti not
// reused) and the DPoP proof (signature with the embedded key, `typ` dpop+jwt, htm, htu, iat, jti not
// reused, the nonce it handed out). Every refusal says why in `error_description`, and `refusals` records
// it, so a test can tell which check fired. Tokens are JWTs bound to the proof key (`cnf.jkt`).

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import {
  SignJWT,
  jwtVerify,
  importJWK,
  decodeProtectedHeader,
  decodeJwt,
  generateKeyPair,
  calculateJwkThumbprint,
  exportJWK,
  type JWK,
  type JWTPayload,
  type CryptoKey,
} from 'jose';

export interface RegisteredClient {
  publicJwk: JWK;
  scopes: string[];
}

export interface HelseIdStandInOptions {
  clients: Record<string, RegisteredClient>;
  /** Demand a server nonce in the token request's DPoP proof (HelseID does). Default true. */
  requireNonce?: boolean;
  /** Always demand a fresh nonce: the client must give up rather than loop. */
  nonceLoop?: boolean;
  /** How far the server's clock is ahead of the machine's, ms (clock-skew tests). */
  clockOffsetMs?: number;
  /** How far iat/nbf/exp may be off, seconds. Default 30. */
  leewaySeconds?: number;
  tokenLifetimeSeconds?: number;
  /** Delay every answer this long (timeout tests). */
  delayMs?: number;
  /** DPoP algorithms announced in discovery. Default RS256, PS256, ES256. */
  dpopAlgs?: string[];
}

export interface Refusal {
  error: string;
  description: string;
}

export class HelseIdStandIn {
  readonly refusals: Refusal[] = [];
  readonly issued: JWTPayload[] = [];
  tokenRequests = 0;
  private server?: Server;
  private signingKey?: { privateKey: CryptoKey; publicJwk: JWK };
  private readonly seenJti = new Set<string>();
  private nonce = randomUUID();

  constructor(private readonly options: HelseIdStandInOptions) {}

  issuer = '';

  get tokenEndpoint(): string {
    return `${this.issuer}/connect/token`;
  }

  async start(): Promise<this> {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    this.signingKey = { privateKey, publicJwk: await exportJWK(publicKey) };
    // A client that gives up mid-request (the cancellation tests) rejects the body read: drop that
    // connection instead of leaving an unhandled rejection for whichever test file runs next.
    this.server = createServer((req, res) => this.handle(req, res).catch(() => res.destroy()));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.issuer = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  nowSeconds(): number {
    return Math.floor((Date.now() + (this.options.clockOffsetMs ?? 0)) / 1000);
  }

  /** For the resource-server stand-in: verifies an access token this server issued. */
  async verifyAccessToken(token: string): Promise<JWTPayload> {
    const key = await importJWK(this.signingKey!.publicJwk, 'ES256');
    const { payload } = await jwtVerify(token, key, { issuer: this.issuer, currentDate: new Date(this.nowSeconds() * 1000) });
    return payload;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (this.options.delayMs) await new Promise((r) => setTimeout(r, this.options.delayMs));
    const url = new URL(req.url ?? '/', this.issuer);
    res.setHeader('date', new Date(this.nowSeconds() * 1000).toUTCString());
    if (req.method === 'GET' && url.pathname === '/.well-known/openid-configuration') {
      return send(res, 200, {
        issuer: this.issuer,
        token_endpoint: this.tokenEndpoint,
        jwks_uri: `${this.issuer}/.well-known/openid-configuration/jwks`,
        grant_types_supported: ['client_credentials'],
        token_endpoint_auth_methods_supported: ['private_key_jwt'],
        dpop_signing_alg_values_supported: this.options.dpopAlgs ?? ['RS256', 'PS256', 'ES256'],
      });
    }
    if (req.method === 'POST' && url.pathname === '/connect/token') {
      this.tokenRequests++;
      const form = new URLSearchParams(await readBody(req));
      try {
        return send(res, 200, await this.token(form, header(req, 'dpop')));
      } catch (err) {
        if (!(err instanceof Refused)) throw err;
        this.refusals.push({ error: err.error, description: err.message });
        if (err.error === 'use_dpop_nonce') res.setHeader('DPoP-Nonce', this.nonce);
        return send(res, err.error === 'invalid_client' ? 401 : 400, { error: err.error, error_description: err.message });
      }
    }
    send(res, 404, { error: 'not_found' });
  }

  private async token(form: URLSearchParams, proof: string | undefined): Promise<Record<string, unknown>> {
    if (form.get('grant_type') !== 'client_credentials') throw new Refused('unsupported_grant_type', 'only client_credentials');
    const jkt = await this.checkProof(proof);
    const clientId = await this.checkAssertion(form);
    const requested = (form.get('scope') ?? '').split(' ').filter(Boolean);
    const allowed = this.options.clients[clientId].scopes;
    const missing = requested.filter((s) => !allowed.includes(s));
    if (missing.length || !requested.length) throw new Refused('invalid_scope', `scope not allowed: ${missing.join(' ')}`);
    const now = this.nowSeconds();
    const lifetime = this.options.tokenLifetimeSeconds ?? 3600;
    const claims = { client_id: clientId, scope: requested, cnf: { jkt } };
    this.issued.push(claims);
    const accessToken = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt' })
      .setIssuer(this.issuer)
      .setIssuedAt(now)
      .setExpirationTime(now + lifetime)
      .setJti(randomUUID())
      .sign(this.signingKey!.privateKey);
    return { access_token: accessToken, token_type: 'DPoP', expires_in: lifetime, scope: requested.join(' ') };
  }

  /** Checks the DPoP proof on the token request; returns the thumbprint of its key. */
  private async checkProof(proof: string | undefined): Promise<string> {
    if (!proof) throw new Refused('invalid_dpop_proof', 'no DPoP header');
    const { jkt, payload } = await verifyDpopProof(proof, {
      method: 'POST',
      url: this.tokenEndpoint,
      now: this.nowSeconds(),
      leeway: this.leeway,
      seenJti: this.seenJti,
    });
    if (this.options.requireNonce !== false && (this.options.nonceLoop || payload.nonce !== this.nonce)) {
      if (this.options.nonceLoop) this.nonce = randomUUID();
      throw new Refused('use_dpop_nonce', 'a DPoP nonce is required');
    }
    return jkt;
  }

  private get leeway(): number {
    return this.options.leewaySeconds ?? 30;
  }

  private async checkAssertion(form: URLSearchParams): Promise<string> {
    if (form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer') {
      throw new Refused('invalid_client', 'client_assertion_type must be jwt-bearer');
    }
    const assertion = form.get('client_assertion') ?? '';
    const clientId = form.get('client_id') ?? '';
    let header;
    try {
      header = decodeProtectedHeader(assertion);
      decodeJwt(assertion);
    } catch {
      throw new Refused('invalid_client', 'client_assertion is not a JWT');
    }
    if (header.typ !== 'client-authentication+jwt') throw new Refused('invalid_client', `typ must be client-authentication+jwt, not ${header.typ}`);
    const client = this.options.clients[clientId];
    if (!client) throw new Refused('invalid_client', 'unknown client');
    let payload: JWTPayload;
    try {
      const key = await importJWK(client.publicJwk, header.alg);
      ({ payload } = await jwtVerify(assertion, key, { currentDate: new Date(this.nowSeconds() * 1000), clockTolerance: this.leeway }));
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' || code === 'ERR_JOSE_NOT_SUPPORTED')
        throw new Refused('invalid_client', 'invalid signature: key does not match');
      throw new Refused('invalid_client', `assertion rejected: ${code || 'invalid'}`);
    }
    if (payload.iss !== clientId || payload.sub !== clientId) throw new Refused('invalid_client', 'iss and sub must be the client id');
    const aud = Array.isArray(payload.aud) && payload.aud.length === 1 ? payload.aud[0] : payload.aud;
    if (aud !== this.issuer) throw new Refused('invalid_client', `aud must be the issuer ${this.issuer}`);
    const { iat, nbf, exp, jti } = payload;
    if (typeof iat !== 'number' || typeof exp !== 'number' || typeof nbf !== 'number') throw new Refused('invalid_client', 'iat, nbf and exp are required');
    if (exp - iat > 60) throw new Refused('invalid_client', 'assertion lifetime above 60 s');
    if (Math.abs(iat - this.nowSeconds()) > this.leeway) throw new Refused('invalid_client', 'iat too far from now');
    if (typeof jti !== 'string' || this.seenJti.has(`a:${jti}`)) throw new Refused('invalid_client', 'jti missing or reused');
    this.seenJti.add(`a:${jti}`);
    return clientId;
  }
}

export class Refused extends Error {
  constructor(
    readonly error: string,
    description: string,
  ) {
    super(description);
  }
}

/** DPoP proof checks shared by both stand-ins (RFC 9449 §4.3). Throws Refused('invalid_dpop_proof'). */
export async function verifyDpopProof(
  proof: string,
  expect: { method: string; url: string; now: number; leeway: number; seenJti: Set<string>; accessToken?: string },
): Promise<{ jkt: string; payload: JWTPayload }> {
  const refuse = (why: string) => new Refused('invalid_dpop_proof', why);
  let header;
  try {
    header = decodeProtectedHeader(proof);
  } catch {
    throw refuse('not a JWT');
  }
  if (header.typ !== 'dpop+jwt') throw refuse(`typ must be dpop+jwt, not ${header.typ}`);
  const jwk = header.jwk as JWK | undefined;
  if (!jwk || 'd' in jwk) throw refuse('header jwk missing or private');
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(proof, await importJWK(jwk, header.alg), { typ: 'dpop+jwt' }));
  } catch {
    throw refuse('invalid signature');
  }
  if (payload.htm !== expect.method) throw refuse(`htm must be ${expect.method}`);
  if (payload.htu !== expect.url) throw refuse(`htu must be ${expect.url}`);
  if (typeof payload.iat !== 'number' || Math.abs(payload.iat - expect.now) > expect.leeway) throw refuse('iat too far from now');
  if (typeof payload.jti !== 'string' || expect.seenJti.has(`p:${payload.jti}`)) throw refuse('jti missing or reused');
  expect.seenJti.add(`p:${payload.jti}`);
  return { jkt: await calculateJwkThumbprint(jwk, 'sha256'), payload };
}

export function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
