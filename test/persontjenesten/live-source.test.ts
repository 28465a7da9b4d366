// The picker's live source against local HelseID and Persontjenesten stand-ins: results, paging to the
// API's limit, the query-rule message, DPoP at the resource server, and the fallback when it is down or slow.

import { createServer, type AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HelseIdClient } from '../../client/src/helseid/client';
import { HelseIdError } from '../../client/src/helseid/errors';
import { parseKeyFile } from '../../client/src/helseid/key';
import { createDpopProof } from '../../client/src/helseid/jwt';
import { LivePersonSource, type LiveSourceOptions } from '../../client/src/persontjenesten/source';
import type { PersonQuery } from '../../client/src/persons/model';
import { HelseIdStandIn } from '../helpers/helseid-stand-in';
import { PersontjenestenStandIn, syntheticNin, type StandInPerson, type PersontjenestenStandInOptions } from '../helpers/persontjenesten-stand-in';
import { makeClientKey, type TestClientKey } from '../helpers/helseid-keys';

const RESTRICTED = 'nhn:hgd-persontjenesten-api/restricted-access';
const FULL = 'nhn:hgd-persontjenesten-api/full-access';
const CLIENT_ID = 'live-source-client';

const PERSONS: StandInPerson[] = [
  { nin: '04886897869', givenName: 'RELEVANT', familyName: 'MILJØGIFT', birthDate: '1968-08-04', gender: 'Female', municipality: '0301', street: 'Storgata' },
  { nin: '23814898407', givenName: 'ALLSIDIG', familyName: 'LUKT', birthDate: '1948-01-23', gender: 'Female', municipality: '4601', street: 'Strandgaten' },
  {
    nin: '11866499022',
    givenName: 'AKTVERDIG',
    familyName: 'LEOPARD',
    birthDate: '1964-06-11',
    gender: 'Female',
    municipality: '5001',
    street: 'Kongens gate',
  },
  ...Array.from({ length: 150 }, (_, i): StandInPerson => {
    const birthDate = `1980-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    return {
      nin: syntheticNin(birthDate, 100 + i * 2),
      givenName: i % 2 ? 'KARI' : 'OLA',
      familyName: 'TESTESEN',
      birthDate,
      gender: i % 2 ? 'Female' : 'Male',
      municipality: '0301',
      street: 'Testveien',
    };
  }),
];

let key: TestClientKey;
let helseid: HelseIdStandIn;
const running: { stop(): Promise<void> }[] = [];
const controller = () => new AbortController().signal;

beforeAll(async () => {
  key = await makeClientKey('ES256');
  helseid = await new HelseIdStandIn({
    clients: {
      [CLIENT_ID]: { publicJwk: key.publicJwk, scopes: [RESTRICTED] },
      'full-only': { publicJwk: key.publicJwk, scopes: [FULL] },
    },
  }).start();
});

afterAll(() => helseid.stop());
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

async function api(options: Partial<PersontjenestenStandInOptions> = {}): Promise<PersontjenestenStandIn> {
  const s = await new PersontjenestenStandIn({ helseid, persons: PERSONS, ...options }).start();
  running.push(s);
  return s;
}

async function source(baseUrl: string, options: Partial<LiveSourceOptions> & { clientId?: string; scopes?: string[]; issuer?: string } = {}) {
  const { key: clientKey } = await parseKeyFile(key.text);
  const client = new HelseIdClient({
    issuer: options.issuer ?? helseid.issuer,
    clientId: options.clientId ?? CLIENT_ID,
    key: clientKey,
    scopes: options.scopes ?? [RESTRICTED],
  });
  return new LivePersonSource({ baseUrl, environment: () => 'test', networkAllowed: () => true, getClient: async () => client, ...options });
}

const query = (text: string, extra: Partial<PersonQuery> = {}): PersonQuery => ({ text, ...extra });

describe('live Persontjenesten source', () => {
  it('finds a person by name and birth year and maps her to the picker model', async () => {
    const s = await api();
    const result = await (await source(s.baseUrl)).search(query('lukt 1948'), controller());
    expect(result).toEqual({ persons: [{ nin: '23814898407', name: 'ALLSIDIG LUKT', sex: 'female', birthDate: '1948-01-23', source: 'live' }] });
    expect(s.searches).toEqual([{ FullName: 'lukt', BirthDate: '1948', IndexOffset: '0', PageSize: '50' }]);
  });

  it('takes a municipality, a street or a Norwegian date as the second criterion', async () => {
    const s = await api();
    const live = await source(s.baseUrl);
    expect((await live.search(query('miljøgift', { municipality: '0301' }), controller())).persons.map((p) => p.name)).toEqual(['RELEVANT MILJØGIFT']);
    expect((await live.search(query('leopard', { street: 'Kongens' }), controller())).persons.map((p) => p.nin)).toEqual(['11866499022']);
    expect((await live.search(query('allsidig 23.01.1948'), controller())).persons.map((p) => p.nin)).toEqual(['23814898407']);
  });

  it('pages up to the API limit of 100', async () => {
    const s = await api();
    const result = await (await source(s.baseUrl)).search(query('testesen 1980'), controller());
    expect(result.persons).toHaveLength(100);
    expect(new Set(result.persons.map((p) => p.nin)).size).toBe(100);
    expect(s.searches.map((f) => [f.IndexOffset, f.PageSize])).toEqual([
      ['0', '50'],
      ['50', '50'],
    ]);
    expect(result.message).toBeUndefined();
  });

  it('filters on sex at the API and on age locally', async () => {
    const s = await api();
    const live = await source(s.baseUrl);
    const women = await live.search(query('testesen 1980', { sex: 'female' }), controller());
    expect(women.persons.length).toBe(75);
    expect(s.searches[0].Gender).toBe('Female');
    const older = await live.search(query('lukt 1948', { maxAge: 60 }), controller());
    expect(older.persons).toEqual([]);
  });

  it('explains the query rules instead of sending a search the API would refuse', async () => {
    const s = await api();
    const before = helseid.tokenRequests;
    const live = await source(s.baseUrl);
    for (const text of ['ab 1980', 'lukt', '']) {
      const result = await live.search(query(text), controller());
      expect(result.persons).toEqual([]);
      expect(result.message).toContain('needs a name of at least 3 letters plus a birth date');
    }
    expect((await live.search(query('04886897869'), controller())).message).toContain('a number is looked up in the local lists only');
    const nb = await (await source(s.baseUrl, { language: () => 'nb' })).search(query('ab'), controller());
    expect(nb.message).toContain('trenger et navn på minst 3 bokstaver');
    expect(s.searches).toEqual([]);
    expect(helseid.tokenRequests).toBe(before);
  });

  it("answers the resource server's DPoP nonce challenge once", async () => {
    const s = await api({ requireNonce: true });
    const result = await (await source(s.baseUrl)).search(query('miljøgift 1968'), controller());
    expect(result.persons.map((p) => p.nin)).toEqual(['04886897869']);
    expect(s.refusals).toEqual(['nonce required']);
  });

  it('is refused by the stand-in when the proof does not hash this token (ath)', async () => {
    const s = await api();
    const { key: clientKey } = await parseKeyFile(key.text);
    const client = new HelseIdClient({ issuer: helseid.issuer, clientId: CLIENT_ID, key: clientKey, scopes: [RESTRICTED] });
    const token = await client.getToken();
    const url = `${s.baseUrl}/api/v3/restricted-access/search/person`;
    const proof = await createDpopProof(clientKey, { method: 'POST', url, now: Math.floor(Date.now() / 1000), accessToken: 'another token' });
    const response = await fetch(`${url}?informationParts=Name`, {
      method: 'POST',
      headers: { authorization: `DPoP ${token.value}`, dpop: proof, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'FullName=lukt&BirthDate=1948',
    });
    expect(response.status).toBe(401);
    expect(s.refusals).toEqual(['ath does not match the token']);
  });

  it('says so when the scope does not allow the search', async () => {
    const s = await api();
    const full = await (await source(s.baseUrl, { clientId: 'full-only', scopes: [FULL] })).search(query('lukt 1948'), controller());
    expect(full.persons.map((p) => p.nin)).toEqual(['23814898407']); // the path follows the scope: full-access
    const result = await (await source(s.baseUrl, { clientId: 'full-only', scopes: [FULL], access: 'restricted-access' })).search(
      query('lukt 1948'),
      controller(),
    );
    expect(result.persons).toEqual([]);
    expect(result.message).toContain('HTTP 403');
    expect(result.message).toContain(FULL);
  });

  it('falls back with a message when Persontjenesten is down', async () => {
    const s = await api();
    await s.stop();
    const result = await (await source(s.baseUrl)).search(query('lukt 1948'), controller());
    expect(result.persons).toEqual([]);
    expect(result.message).toContain(`Cannot reach ${new URL(s.baseUrl).host}`);
    expect(result.message).toContain('Check the network connection, proxy or VPN.');
  });

  it('falls back with a message when HelseID is down', async () => {
    const s = await api();
    const result = await (await source(s.baseUrl, { issuer: 'http://127.0.0.1:9' })).search(query('lukt 1948'), controller());
    expect(result.persons).toEqual([]);
    expect(result.message).toContain('Cannot reach 127.0.0.1:9');
  });

  it('stops waiting at its bound when Persontjenesten is slow', async () => {
    const s = await api({ delayMs: 5_000 });
    const result = await (await source(s.baseUrl, { timeoutMs: 300 })).search(query('lukt 1948'), controller());
    expect(result.persons).toEqual([]);
    expect(result.message).toBe(`${new URL(s.baseUrl).host} did not answer within 0.3 s. Try again later.`);
  });

  it('reports a server failure', async () => {
    const s = await api({ failWith: 503 });
    const result = await (await source(s.baseUrl)).search(query('lukt 1948'), controller());
    expect(result.message).toBe(`${new URL(s.baseUrl).host} answered HTTP 503.`);
  });

  it('returns nothing, quietly, when the picker cancels', async () => {
    const s = await api({ delayMs: 2_000 });
    const abort = new AbortController();
    const pending = (await source(s.baseUrl)).search(query('lukt 1948'), abort.signal);
    setTimeout(() => abort.abort(), 50);
    expect(await pending).toEqual({ persons: [] });
  });

  it('does nothing on the network unless the user allowed it, and never against production', async () => {
    const s = await api();
    // An issuer of its own that counts every connection: the shared stand-in may still be answering a
    // token request that an earlier test's cancelled search sent (seen under load).
    let connections = 0;
    const counter = createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => counter.listen(0, '127.0.0.1', resolve));
    const issuer = `http://127.0.0.1:${(counter.address() as AddressInfo).port}`;
    try {
      const off = await (await source(s.baseUrl, { issuer, networkAllowed: () => false })).search(query('lukt 1948'), controller());
      expect(off.message).toContain('nhn.allowDownloads');
      const production = await (await source(s.baseUrl, { issuer, environment: () => 'production' })).search(query('lukt 1948'), controller());
      expect(production.message).toContain('test environment only');
      expect(connections).toBe(0);
      expect(s.searches).toEqual([]);
    } finally {
      counter.close();
    }
  });

  it('passes on a configuration problem as its message', async () => {
    const live = new LivePersonSource({
      baseUrl: 'http://127.0.0.1:9',
      environment: () => 'test',
      networkAllowed: () => true,
      getClient: async () => {
        throw new HelseIdError('not-configured', ['no client id']);
      },
    });
    const result = await live.search(query('lukt 1948'), controller());
    expect(result.message).toContain('HelseID is not set up: no client id');
  });
});
