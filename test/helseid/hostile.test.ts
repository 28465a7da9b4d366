// Servers that answer wrongly (a proxy's HTML page, a body that is not JSON, a wrong issuer, too many
// results, a nonce on every answer) must give a clear message or a bounded result, never a crash or a hang.

import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HelseIdClient } from '../../client/src/helseid/client';
import { HelseIdError } from '../../client/src/helseid/errors';
import { parseKeyFile, type ClientKey } from '../../client/src/helseid/key';
import { LivePersonSource } from '../../client/src/persontjenesten/source';
import { makeClientKey } from '../helpers/helseid-keys';

let key: ClientKey;
const servers: { close(): void; closeAllConnections(): void }[] = [];

beforeAll(async () => {
  key = (await parseKeyFile((await makeClientKey('ES256')).text)).key;
});
afterEach(() => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    s.close();
  }
});

async function serve(handler: (req: IncomingMessage, res: ServerResponse, base: string) => void): Promise<string> {
  let base = '';
  const server = createServer((req, res) => handler(req, res, base));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  servers.push(server);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return base;
}

const html = (res: ServerResponse, status = 200) => {
  res.writeHead(status, { 'content-type': 'text/html' });
  res.end('<html><body>Please log in to the proxy</body></html>');
};

async function tokenError(issuer: string): Promise<HelseIdError> {
  const err = await new HelseIdClient({ issuer, clientId: 'c', key, scopes: ['s'] }).getToken().catch((e: unknown) => e);
  expect(err).toBeInstanceOf(HelseIdError);
  return err as HelseIdError;
}

describe('hostile or broken answers', () => {
  it('a proxy page instead of discovery', async () => {
    const err = await tokenError(await serve((_, res) => html(res)));
    expect(err.code).toBe('discovery');
    expect(err.message).toContain('no issuer or token_endpoint');
  });

  it('discovery naming another issuer', async () => {
    const err = await tokenError(
      await serve((_, res) => res.end(JSON.stringify({ issuer: 'https://evil.example', token_endpoint: 'https://evil.example/token' }))),
    );
    expect(err.message).toContain('the document names another issuer, https://evil.example');
  });

  it('a token endpoint answering HTML, or 200 without a token', async () => {
    for (const answer of ['html', 'empty'] as const) {
      const issuer = await serve((req, res, base) => {
        if (req.url?.startsWith('/.well-known')) return res.end(JSON.stringify({ issuer: base, token_endpoint: `${base}/token` }));
        if (answer === 'html') return html(res, 502);
        res.end('{}');
      });
      const err = await tokenError(issuer);
      expect(err.code).toBe('token-refused');
      expect(err.message).toContain(answer === 'html' ? 'HTTP 502' : 'answer without access_token or expires_in');
    }
  });

  it('an error text with markup and control characters is cleaned before it is shown', async () => {
    const issuer = await serve((req, res, base) => {
      if (req.url?.startsWith('/.well-known')) return res.end(JSON.stringify({ issuer: base, token_endpoint: `${base}/token` }));
      res.writeHead(400);
      res.end(JSON.stringify({ error: 'bad<script>\u0007', error_description: 'x'.repeat(5000) }));
    });
    const err = await tokenError(issuer);
    expect(err.message).toContain('badscript');
    expect(err.message).not.toContain('<');
    expect(err.message.length).toBeLessThan(300);
  });

  it('a search answer that is not JSON, or holds 5000 results, or odd documents', async () => {
    const issuer = await serve((req, res, base) => {
      if (req.url?.startsWith('/.well-known')) return res.end(JSON.stringify({ issuer: base, token_endpoint: `${base}/token` }));
      res.end(JSON.stringify({ access_token: 't', token_type: 'DPoP', expires_in: 3600 }));
    });
    const client = new HelseIdClient({ issuer, clientId: 'c', key, scopes: ['nhn:hgd-persontjenesten-api/restricted-access'] });
    let mode: 'html' | 'flood' = 'html';
    const api = await serve((_, res) => {
      if (mode === 'html') return html(res);
      const results = Array.from({ length: 5000 }, (_, i) =>
        i % 3 === 0 ? null : { norwegianIdentificationNumber: [{ identificationNumber: String(10000000000 + i) }], name: 'not a list' },
      );
      res.end(JSON.stringify({ results }));
    });
    const live = new LivePersonSource({ baseUrl: api, environment: () => 'test', networkAllowed: () => true, getClient: async () => client });
    const search = () => live.search({ text: 'lukt 1948' }, new AbortController().signal);
    expect(await search()).toEqual({ persons: [] });
    mode = 'flood';
    const flood = await search();
    expect(flood.persons).toHaveLength(100);
    expect(flood.persons[0]).toEqual({ nin: '10000000001', name: '?', source: 'live' });
  });

  it('a resource server that asks for a new nonce on every answer', async () => {
    const issuer = await serve((req, res, base) => {
      if (req.url?.startsWith('/.well-known')) return res.end(JSON.stringify({ issuer: base, token_endpoint: `${base}/token` }));
      res.end(JSON.stringify({ access_token: 't', token_type: 'DPoP', expires_in: 3600 }));
    });
    let calls = 0;
    const api = await serve((_, res) => {
      calls++;
      res.writeHead(401, { 'www-authenticate': 'DPoP error="use_dpop_nonce"', 'dpop-nonce': `n${calls}` });
      res.end();
    });
    const client = new HelseIdClient({ issuer, clientId: 'c', key, scopes: ['nhn:hgd-persontjenesten-api/restricted-access'] });
    const live = new LivePersonSource({ baseUrl: api, environment: () => 'test', networkAllowed: () => true, getClient: async () => client });
    const result = await live.search({ text: 'lukt 1948' }, new AbortController().signal);
    expect(result.message).toContain('asked for a new DPoP nonce again after the retry');
    expect(calls).toBe(2);
  });
});
