// Edit-to-diagnostics latency through the real server: open a document, then make small edits in its
// middle and time each until the diagnostics for that version arrive, minus the server's debounce.
// XML rows are anchored on libxml2 (xmllint --noout of the same text, a whole native parse, spawned);
// the FHIR row on the empty LSP server (protocol and text-sync cost alone).

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEBOUNCE_MS } from '../../server/src/lsp/validator';
import { fhirBundle, kithXml } from '../lib/inputs';
import { startClient } from '../lib/lsp';
import { fromSamples, repeat } from '../lib/measure';
import { hasCommand, runProcess } from '../lib/proc';
import type { BenchRow, Scenario, Stats } from '../lib/types';

interface Case {
  label: string;
  languageId: string;
  ext: string;
  text: string;
  /** Text inserted at the start of the middle line, then removed again. */
  insert: string;
}

/**
 * Edits the middle line back and forth; returns per-edit latency samples (ms), the server's peak RSS, and
 * its CPU time per edit after the first `warmup` edits (which, unlike latency, another busy process on
 * the machine barely moves).
 */
async function editSession(
  script: string,
  c: Case,
  warmup: number,
  edits: number,
  debounce: number,
): Promise<{ samples: number[]; rssMB?: number; cpuMsPerEdit?: number }> {
  const client = await startClient(script);
  const uri = `file:///bench/doc.${c.ext}`;
  const opened = client.published(uri, 1);
  client.open(uri, c.languageId, c.text);
  await opened;
  const line = Math.floor(c.text.split('\n').length / 2);
  const samples: number[] = [];
  let cpuAtWarm: number | undefined;
  for (let v = 2; v < edits + 2; v++) {
    if (v === warmup + 2) cpuAtWarm = client.cpuMs();
    const inserting = v % 2 === 0;
    const range = { start: { line, character: 0 }, end: { line, character: inserting ? 0 : c.insert.length } };
    const done = client.published(uri, v);
    const t0 = performance.now();
    client.change(uri, v, [{ range, text: inserting ? c.insert : '' }]);
    samples.push((await done).at - t0 - debounce);
  }
  const cpuAtEnd = client.cpuMs();
  const cpuMsPerEdit = cpuAtWarm === undefined || cpuAtEnd === undefined ? undefined : (cpuAtEnd - cpuAtWarm) / (edits - warmup);
  const rssMB = client.peakRssMB();
  await client.shutdown();
  return { samples, rssMB, cpuMsPerEdit };
}

const scenario: Scenario = {
  name: 'edit-latency',
  description: 'Edit → diagnostics through the real server (debounce subtracted), p50/p95, on 1k/10k/100k-line XML and a 2 000-entry FHIR Bundle.',
  async run({ quick, root, outDir }) {
    const warmup = quick ? 2 : 5;
    const runs = quick ? 6 : 40;
    const server = process.env.NHN_BENCH_SERVER ?? path.join(root, 'dist/server.js');
    const nullServer = path.join(root, 'bench/out/anchors/null-server.cjs');
    const cases: Case[] = [1_000, 10_000, 100_000].map((n) => ({
      label: `XML ${n / 1000}k lines`,
      languageId: 'xml',
      ext: 'xml',
      text: kithXml(n),
      insert: '<!-- https://prod.nilar.nhn.no -->',
    }));
    cases.push({ label: 'FHIR Bundle 2 000 entries', languageId: 'json', ext: 'json', text: fhirBundle(2000), insert: ' ' });
    const xmllint = hasCommand('xmllint');
    const dir = path.join(outDir, 'edit-latency');
    mkdirSync(dir, { recursive: true });
    const rows: BenchRow[] = [];
    for (const c of cases.filter((c) => !process.env.NHN_BENCH_CASE || c.label.includes(process.env.NHN_BENCH_CASE))) {
      const ours = await editSession(server, c, warmup, warmup + runs, DEBOUNCE_MS);
      let anchor: { name: string; stats: Stats } | undefined;
      if (c.languageId === 'xml' && xmllint) {
        const file = path.join(dir, `doc-${c.text.length}.xml`);
        writeFileSync(file, c.text);
        const stats = await repeat(
          async () => {
            const r = await runProcess('xmllint', ['--noout', file]);
            if (r.status !== 0) throw new Error(`xmllint failed on the generated XML: ${r.stderr.slice(0, 500)}`);
            return r.ms;
          },
          { warmup: 1, runs: quick ? 3 : 10 },
        );
        anchor = { name: 'xmllint --noout (libxml2, spawned)', stats };
      } else if (c.languageId !== 'xml') {
        anchor = {
          name: 'empty LSP server (same framework)',
          stats: fromSamples((await editSession(nullServer, c, warmup, warmup + runs, 0)).samples, warmup),
        };
      }
      rows.push({
        scenario: 'edit-latency',
        case: c.label,
        ours: fromSamples(ours.samples, warmup),
        anchor,
        rssMB: ours.rssMB,
        note: `${(c.text.length / 1048576).toFixed(1)} MB; ${DEBOUNCE_MS} ms debounce subtracted${ours.cpuMsPerEdit === undefined ? '' : `; server CPU ${ours.cpuMsPerEdit.toFixed(0)} ms/edit`}${xmllint || c.languageId !== 'xml' ? '' : '; xmllint not installed'}`,
      });
    }
    return rows;
  },
};
export default scenario;
