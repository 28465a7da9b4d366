// XSD validation per edit: a MsgHead 1.2 carrying a Dialogmelding 1.1 of 1 MB and 20 MB, validated by
// libxml2-wasm in its worker thread (schema set compiled once and cached, the document text sent to the
// worker each time, as on every edit) against native libxml2's own parse + validate time that
// `xmllint --timing --schema` reports in the same run. Also the schema-set compile time against xmllint's
// "Compiling the schemas", and the server's peak RSS with the 20 MB message open (libxml2 runs in a worker
// thread of that process).

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { analyzed } from '../../server/src/engine/core/document';
import { createEngine, DEFAULT_SETTINGS } from '../../server/src/engine';
import { documentSchemaSet } from '../../server/src/engine/xsd/check';
import { createHost } from '../../server/src/host/resolvers';
import { WorkerXsdService } from '../../server/src/host/xsd-client';
import { startClient } from '../lib/lsp';
import { repeat } from '../lib/measure';
import { hasCommand, runProcess } from '../lib/proc';
import { summarize } from '../lib/stats';
import type { BenchRow, Scenario, Stats } from '../lib/types';

const NOTAT = (i: number) => `        <Notat>
          <TemaKodet V="8" DN="Forespørsel om helseopplysninger" S="2.16.578.1.12.4.1.1.7322"/>
          <Tema>Notat ${i}</Tema>
          <TekstNotatInnhold>Pasienten er henvist til poliklinikk for utredning. Ettersender EKG nr ${i} tatt i dag uten funn.</TekstNotatInnhold>
        </Notat>
`;

/** A valid MsgHead + Dialogmelding 1.1 of about `bytes` bytes (many Notat). */
export function msgHead(bytes: number): string {
  const head = `<?xml version="1.0" encoding="UTF-8"?>
<MsgHead xmlns="http://www.kith.no/xmlstds/msghead/2006-05-24">
  <MsgInfo>
    <Type V="DIALOG_HELSEFAGLIG" DN="Helsefaglig dialog"/>
    <MIGversion>v1.2 2006-05-24</MIGversion>
    <GenDate>2026-11-26T10:00:00</GenDate>
    <MsgId>6f1c2d3e-0000-4000-8000-000000000001</MsgId>
    <Sender><Organisation><OrganisationName>Testlegekontoret</OrganisationName><Ident><Id>90001</Id><TypeId V="HER" DN="HER-id" S="2.16.578.1.12.4.1.1.9051"/></Ident></Organisation></Sender>
    <Receiver><Organisation><OrganisationName>Testsykehuset</OrganisationName><Ident><Id>90002</Id><TypeId V="HER" DN="HER-id" S="2.16.578.1.12.4.1.1.9051"/></Ident></Organisation></Receiver>
  </MsgInfo>
  <Document>
    <RefDoc>
      <MsgType V="XML" DN="XML-instans"/>
      <Content>
      <Dialogmelding xmlns="http://www.kith.no/xmlstds/dialog/2013-01-23">
`;
  const tail = `      </Dialogmelding>
      </Content>
    </RefDoc>
  </Document>
</MsgHead>
`;
  const parts = [head];
  let size = head.length + tail.length;
  for (let i = 0; size < bytes; i++) {
    const n = NOTAT(i);
    parts.push(n);
    size += Buffer.byteLength(n);
  }
  parts.push(tail);
  return parts.join('');
}

/** Sum of xmllint --timing's parse and validate lines (native libxml2 work, without start-up or compile). */
function nativeTimes(stderr: string): { work: number; compile: number } {
  const ms = (re: RegExp) => Number(re.exec(stderr)?.[1] ?? NaN);
  return {
    work: ms(/Parsing took (\d+(?:\.\d+)?) ms/) + ms(/Validating took (\d+(?:\.\d+)?) ms/),
    compile: ms(/Compiling the schemas took (\d+(?:\.\d+)?) ms/),
  };
}

const scenario: Scenario = {
  name: 'xsd-validation',
  description:
    'Per-edit XSD validation of a 1 MB and 20 MB MsgHead+Dialogmelding (libxml2-wasm in its worker) vs xmllint --timing --schema; schema compile; server RSS.',
  async run({ quick, root, outDir, log }) {
    const schemas = path.resolve(root, '../shared/fixtures/nhn-schemas/kith-core');
    const dir = path.join(outDir, 'xsd-validation');
    mkdirSync(dir, { recursive: true });
    const xmllint = hasCommand('xmllint');
    const rows: BenchRow[] = [];
    const resolvers = { ...createHost(), xsd: new WorkerXsdService(path.join(root, 'dist/xsd-worker.mjs')) };
    const service = resolvers.xsd;
    const ctx = createEngine(resolvers).context({ today: '2026-11-26', language: 'en', settings: { ...DEFAULT_SETTINGS, schemaPaths: [schemas] } });
    const sizes = quick ? [1] : [1, 20];
    let compileSamples: number[] = [];
    const nativeCompile: number[] = [];
    try {
      for (const mb of sizes) {
        const text = msgHead(mb * 1_000_000);
        const file = path.join(dir, `msghead-${mb}mb.xml`);
        writeFileSync(file, text);
        const set = (await documentSchemaSet(analyzed({ uri: file, languageId: 'xml', text }), ctx))!;
        // The driver schema beside the real files, for xmllint (same set as ours).
        const setDir = path.join(dir, 'set');
        for (const [virtual, content] of Object.entries(set.schema.files)) {
          const target = path.join(setDir, virtual);
          mkdirSync(path.dirname(target), { recursive: true });
          writeFileSync(target, content.split('/__nhn__/').join(`${setDir}/__nhn__/`));
        }
        const key = `bench|${set.key}`;
        const compiled = await service.compile(key, () => set.schema);
        if (!compiled.ok) throw new Error(`schema set does not compile: ${compiled.issues[0]?.message}`);
        log(`xsd-validation: ${mb} MB`);
        const runs = quick ? 3 : mb >= 20 ? 8 : 20;
        const ours = await repeat(
          async () => {
            const t0 = performance.now();
            const r = await service.validate(key, () => set.schema, text, file);
            if (!r.parsed || r.issues.length) throw new Error(`the generated message is not valid: ${r.issues[0]?.message}`);
            return performance.now() - t0;
          },
          { warmup: 2, runs },
        );
        let anchor: { name: string; stats: Stats } | undefined;
        if (xmllint) {
          const native: number[] = [];
          for (let i = 0; i < (quick ? 2 : Math.min(runs, 8)); i++) {
            const r = await runProcess('xmllint', ['--noout', '--timing', '--schema', path.join(setDir, set.schema.entry), file]);
            if (r.status !== 0) throw new Error(`xmllint: ${r.stderr.slice(0, 300)}`);
            const t = nativeTimes(r.stderr);
            native.push(t.work);
            nativeCompile.push(t.compile);
          }
          anchor = { name: 'xmllint --timing: parse + validate', stats: summarize(native, 'ms') };
        }
        rows.push({
          scenario: 'xsd-validation',
          case: `per edit, MsgHead+Dialogmelding ${mb} MB`,
          ours,
          anchor,
          goal: 2,
          note: `worker round trip incl. sending ${mb} MB of text; schema set cached`,
        });
      }
      // Schema-set compile: a fresh key each time, so libxml2 compiles from the texts.
      const text = msgHead(10_000);
      const file = path.join(dir, 'small.xml');
      const set = (await documentSchemaSet(analyzed({ uri: file, languageId: 'xml', text }), ctx))!;
      let n = 0;
      compileSamples = [];
      for (let i = 0; i < (quick ? 4 : 12); i++) {
        const r = await service.compile(`compile-${n++}`, () => set.schema);
        if (i >= 2) compileSamples.push(r.ms);
        await service.invalidate();
      }
      rows.push({
        scenario: 'xsd-validation',
        case: 'schema-set compile (MsgHead + Dialogmelding 1.1, 6 files)',
        ours: summarize(compileSamples, 'ms'),
        anchor: nativeCompile.length ? { name: 'xmllint --timing: compiling the schemas', stats: summarize(nativeCompile, 'ms') } : undefined,
        note: 'libxml2 time inside the worker',
      });
    } finally {
      await service.dispose();
    }
    // Server RSS with the largest message open and validated.
    const big = path.join(dir, `msghead-${sizes[sizes.length - 1]}mb.xml`);
    const client = await startClient(path.join(root, 'dist/server.js'), { xml: { schemaPaths: [schemas] } });
    try {
      const uri = pathToFileURL(big).href;
      const t0 = performance.now();
      const done = client.published(uri, 1, 120_000);
      client.open(uri, 'xml', msgHead(sizes[sizes.length - 1] * 1_000_000));
      const p = await done;
      const xsdCount = p.params.diagnostics.filter((d) => String(d.code).startsWith('xsd/')).length;
      rows.push({
        scenario: 'xsd-validation',
        case: `server: open → diagnostics, ${sizes[sizes.length - 1]} MB MsgHead`,
        ours: summarize([p.at - t0], 'ms'),
        rssMB: client.peakRssMB(),
        note: `first open (index, compile, parse, validate); ${xsdCount} xsd findings; peak RSS of the server process incl. its libxml2 worker`,
      });
    } finally {
      await client.shutdown();
    }
    return rows;
  },
};
export default scenario;
