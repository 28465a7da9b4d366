// A HelseID client for the client-credentials grant with private_key_jwt and DPoP: discovery, the token
// request (with the DPoP-Nonce dance: HelseID answers the first request with `use_dpop_nonce` and a nonce,
// and we retry once), a token cache until shortly before expiry, and DPoP-bound resource requests.
// No `vscode` here: the extension, the CLI and the tests share it.

import { HelseIdError, safeServerText } from './errors';
import { fetchDiscovery, bareIssuer, type Discovery } from './discovery';
import { httpRequest, readJson, hostOf } from './http';
import { ServerClock } from './clock';
import { createClientAssertion, createDpopProof } from './jwt';
import type { ClientKey } from './key';

export interface HelseIdClientOptions {
  issuer: string;
  clientId: string;
  key: ClientKey;
  scopes: string[];
  /** Longest wait for one HTTP request (default 10 s). */
  timeoutMs?: number;
}

export interface AccessToken {
  value: string;
  tokenType: string;
  scope: string;
  /** Local clock, milliseconds: when the token expires. */
  expiresAt: number;
  expiresIn: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;

export class HelseIdClient {
  readonly clock = new ServerClock();
  private discovery?: Promise<Discovery>;
  private token?: AccessToken;
  private pending?: Promise<AccessToken>;
  private tokenNonce?: string;
  private readonly resourceNonces = new Map<string, string>();

  constructor(readonly options: HelseIdClientOptions) {}

  private get timeoutMs(): number {
    return this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  discover(): Promise<Discovery> {
    this.discovery ??= fetchDiscovery(this.options.issuer, { timeoutMs: this.timeoutMs }, (r) => this.clock.learnFrom(r));
    this.discovery.catch(() => (this.discovery = undefined));
    return this.discovery;
  }

  /**
   * A valid access token: the cached one while it has life left, else a new one (one request at a time).
   * A caller that gives up (the picker's user typed on) stops waiting, but the request itself runs on,
   * bounded by the timeout, so the next search finds the token ready.
   */
  async getToken(signal?: AbortSignal): Promise<AccessToken> {
    if (this.token && Date.now() < this.token.expiresAt - refreshMarginMs(this.token.expiresIn)) return this.token;
    if (!this.pending) {
      const pending = this.requestToken().then((token) => (this.token = token));
      this.pending = pending;
      pending.then(
        () => (this.pending = undefined),
        () => (this.pending = undefined),
      );
    }
    return untilAborted(this.pending, signal);
  }

  /** Forget the cached token (the resource server refused it). */
  dropToken(): void {
    this.token = undefined;
  }

  private async requestToken(): Promise<AccessToken> {
    const { issuer, tokenEndpoint, dpopAlgs } = await this.discover();
    const { clientId, key, scopes } = this.options;
    // Say it now rather than let HelseID refuse the proof with a vaguer answer.
    if (dpopAlgs?.length && !dpopAlgs.includes(key.alg)) {
      throw new HelseIdError('key-unsupported', [`${key.alg} (HelseID takes ${dpopAlgs.join(', ')} for DPoP)`]);
    }
    for (let attempt = 0; ; attempt++) {
      const now = this.clock.nowSeconds();
      const body = new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: clientId,
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: await createClientAssertion(key, clientId, bareIssuer(issuer), now),
        scope: scopes.join(' '),
      });
      const proof = await createDpopProof(key, { method: 'POST', url: tokenEndpoint, now, nonce: this.tokenNonce });
      const response = await httpRequest(
        tokenEndpoint,
        { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', DPoP: proof }, body },
        { timeoutMs: this.timeoutMs },
      );
      this.clock.learnFrom(response);
      const nonce = response.headers.get('dpop-nonce');
      if (nonce) this.tokenNonce = nonce;
      const json = ((await readJson(response)) ?? {}) as Record<string, unknown>;
      if (response.ok) return this.acceptToken(json);
      if (json.error === 'use_dpop_nonce' && nonce) {
        if (attempt === 0) continue;
        throw new HelseIdError('nonce-loop', [hostOf(tokenEndpoint)]);
      }
      throw tokenError(json, response.status, { clientId, issuer, scopes, kid: key.kid });
    }
  }

  private acceptToken(json: Record<string, unknown>): AccessToken {
    const { access_token: value, token_type: tokenType, expires_in: expiresIn, scope } = json;
    if (typeof value !== 'string' || typeof expiresIn !== 'number') {
      throw new HelseIdError('token-refused', [this.options.clientId, 'answer without access_token or expires_in']);
    }
    return {
      value,
      tokenType: typeof tokenType === 'string' ? tokenType : 'Bearer',
      scope: typeof scope === 'string' ? scope : this.options.scopes.join(' '),
      expiresIn,
      expiresAt: Date.now() + expiresIn * 1000,
    };
  }

  /**
   * A request to a DPoP-protected API: `Authorization: DPoP <token>` plus a proof bound to the method, URL
   * and token (`ath`). A 401 asking for a nonce is retried once with it; a refused cached token once with a
   * new token. Other answers go back to the caller as they are.
   */
  async fetchWithDpop(url: string, init: RequestInit & { method: string }, signal?: AbortSignal): Promise<Response> {
    const origin = new URL(url).origin;
    let retried = false;
    for (;;) {
      const token = await this.getToken(signal);
      const proof = await createDpopProof(this.options.key, {
        method: init.method,
        url,
        now: this.clock.nowSeconds(),
        nonce: this.resourceNonces.get(origin),
        accessToken: token.value,
      });
      const headers = new Headers(init.headers);
      headers.set('authorization', `${token.tokenType === 'DPoP' ? 'DPoP' : token.tokenType} ${token.value}`);
      headers.set('dpop', proof);
      const response = await httpRequest(url, { ...init, headers }, { timeoutMs: this.timeoutMs, signal });
      const nonce = response.headers.get('dpop-nonce');
      if (nonce) this.resourceNonces.set(origin, nonce);
      if (response.status !== 401) return response;
      const challenge = response.headers.get('www-authenticate') ?? '';
      if (/use_dpop_nonce/.test(challenge) && nonce) {
        if (retried) throw new HelseIdError('nonce-loop', [hostOf(url)]);
      } else if (/invalid_token/.test(challenge) && !retried) {
        this.dropToken();
      } else {
        return response;
      }
      retried = true;
      await response.body?.cancel();
    }
  }
}

/** Resolves as `promise` does, or rejects with the signal's reason as soon as it is aborted. */
function untilAborted<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Renew a little before expiry: a minute for ordinary tokens, a quarter of the life for short ones. */
function refreshMarginMs(expiresIn: number): number {
  return Math.min(60, expiresIn / 4) * 1000;
}

interface TokenErrorContext {
  clientId: string;
  issuer: string;
  scopes: string[];
  kid?: string;
}

function tokenError(json: Record<string, unknown>, status: number, { clientId, issuer, scopes, kid }: TokenErrorContext): HelseIdError {
  const error = safeServerText(json.error);
  const description = safeServerText(json.error_description, 120);
  if (error === 'invalid_client') {
    return /signature|key|kid/i.test(description)
      ? new HelseIdError('wrong-key', [clientId, kid ? ` (kid ${safeServerText(kid, 60)})` : ''])
      : new HelseIdError('unknown-client', [clientId, issuer]);
  }
  if (error === 'invalid_scope') return new HelseIdError('missing-scope', [clientId, scopes.join(' ')]);
  return new HelseIdError('token-refused', [clientId, error ? `${error}${description ? ` (${description})` : ''}` : `HTTP ${status}`]);
}
