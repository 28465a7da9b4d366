// Fuzzes the real server (dist/server.js over stdio) with a slice of the engine corpus (cases.ts):
// documents opened in batches, bursts of random incremental edits (ranges inside and beyond the text),
// 100 000-level nesting and a 50 MB document. Every batch must be answered within its bound, the process
// must stay up, no analysis may fail (window/logMessage errors), and it must still answer a hover at the end.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { languageIdFor } from '../../server/src/engine/core/languages';
import { random } from '../helpers/random';
import { startServer, type LspSession } from '../helpers/lsp';
import { DEFAULT_SEED, fuzzCases, loadSeeds, type FuzzCase } from './cases';

const ROOT = path.resolve(__dirname, '../..');
const SEED = Number(process.env.NHN_FUZZ_SEED ?? DEFAULT_SEED);
const BATCH = 25;
const BATCH_BOUND_MS = 30_000;
const BIG_BOUND_MS = 120_000;
const EVERY = 8; // every 8th small case of the corpus goes through the server

interface Tally {
  cases: number;
  problems: string[];
  restarts: number;
}

async function start(tally: Tally): Promise<LspSession> {
  const session = await startServer({ settings: { maxFileSize: 64 } });
  session.connection.onNotification('window/logMessage', (m: { type: number; message: string }) => {
    if (m.type === 1) tally.problems.push(`server logged an error: ${m.message.slice(0, 300)}`);
  });
  session.connection.onError(() => undefined);
  session.process.stdin!.on('error', () => undefined);
  return session;
}

const decoder = new TextDecoder('utf-8', { fatal: false });

describe('server fuzz', () => {
  const tally: Tally = { cases: 0, problems: [], restarts: 0 };
  let session: LspSession;
  let corpus: FuzzCase[];
  beforeAll(async () => {
    const { seeds } = loadSeeds(ROOT);
    corpus = [...fuzzCases(SEED, seeds)].filter((c) => (c.big ? /^nesting|50mb-hosts|5mb-/.test(c.kind) : c.index % EVERY === 0));
    session = await start(tally);
  });
  afterAll(async () => session?.close());

  it(
    `answers every batch of mutated documents and every edit burst (seed ${SEED})`,
    async () => {
      const r = random(SEED);
      const started = Date.now();
      const smalls = corpus.filter((c) => !c.big);
      for (let b = 0; b < smalls.length; b += BATCH) {
        const batch = smalls.slice(b, b + BATCH);
        const uris = batch.map((c) => `file:///fuzz/${c.index}/${path.basename(c.name)}`);
        const waits = batch.map((_c, i) => session.diagnostics(uris[i], () => true, BATCH_BOUND_MS));
        batch.forEach((c, i) => session.open(uris[i], languageIdFor(c.name), decoder.decode(c.bytes())));
        const settled = await Promise.allSettled(waits);
        tally.cases += batch.length;
        const failed = settled.flatMap((s, i) => (s.status === 'rejected' ? [`#${batch[i].index} ${batch[i].kind} ${batch[i].name}`] : []));
        if (failed.length) {
          tally.problems.push(
            `no diagnostics within ${BATCH_BOUND_MS} ms (${session.process.exitCode === null ? 'server alive' : 'server died'}): ${failed.join(', ')}`,
          );
          await session.close();
          session = await start(tally);
          tally.restarts++;
          continue;
        }
        // An edit burst on one document of the batch: five quick edits, then the last version must arrive.
        const c = batch[r.int(batch.length)];
        const uri = uris[batch.indexOf(c)];
        let text = decoder.decode(c.bytes());
        const lines = text.split('\n').length;
        for (let v = 2; v <= 6; v++) {
          const line = r.int(lines + 3);
          const character = r.int(200);
          const range = { start: { line, character }, end: { line: line + r.int(3), character: r.int(400) } };
          session.change(uri, v, [{ range, text: r.pick(['<', '&', '"', '\n', '\r\n', '\uD800', '<a>', '</a>', 'https://test.nilar.nhn.no', '', '\u0000']) }]);
          tally.cases++;
        }
        try {
          await session.diagnostics(uri, () => session.version(uri) === 6, BATCH_BOUND_MS);
        } catch {
          tally.problems.push(`no diagnostics for version 6 of #${c.index} after an edit burst`);
        }
        for (const u of uris) session.connection.sendNotification('textDocument/didClose', { textDocument: { uri: u } });
        text = '';
      }

      for (const c of corpus.filter((x) => x.big)) {
        const uri = `file:///fuzz/big/${c.index}/${c.name}`;
        const got = session.diagnostics(uri, () => true, BIG_BOUND_MS);
        session.open(uri, languageIdFor(c.name), decoder.decode(c.bytes()));
        tally.cases++;
        try {
          await got;
        } catch {
          tally.problems.push(`no diagnostics within ${BIG_BOUND_MS} ms for ${c.kind}`);
        }
        session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      }

      const hover = await Promise.race([
        session.connection
          .sendRequest('textDocument/hover', { textDocument: { uri: 'file:///fuzz/none.xml' }, position: { line: 0, character: 0 } })
          .then(() => 'answered'),
        new Promise((r2) => setTimeout(() => r2('hung'), 10_000)),
      ]);
      console.log(
        `robust/server: seed ${SEED}: ${tally.cases} cases through the server in ${((Date.now() - started) / 1000).toFixed(0)} s, ${tally.problems.length} problems, ${tally.restarts} restarts`,
      );
      expect(tally.problems, 're-run with NHN_FUZZ_SEED to reproduce').toEqual([]);
      expect(hover).toBe('answered');
      expect(session.process.exitCode).toBeNull();
      expect(tally.cases).toBeGreaterThanOrEqual(1_000);
    },
    30 * 60_000,
  );
});
