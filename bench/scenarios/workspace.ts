// Large workspaces and file-event storms, through the real server with a workspace folder: an XML
// message's open → first diagnostics and its hover (after indexing, and while the index is built) in a
// generated 30 000-file workspace, each against the same in a 300-file one (the anchor); and the time
// from the first of 1 000 one-file `didChangeWatchedFiles` notifications to the diagnostics that use the
// schema written before the last one, against a single notification, with the server's peak RSS.
// The workspaces are generated into the system temp folder at bench time (quick: 3 000 files).

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, FileChangeType, HoverRequest, type Diagnostic } from 'vscode-languageserver-protocol';
import { startClient, type BenchClient } from '../lib/lsp';
import { summarize } from '../lib/stats';
import type { BenchRow, Scenario } from '../lib/types';

const NS = 'urn:bench:order';
const orderSchema = (noteRequired: boolean, ns = NS) => `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="${ns}" elementFormDefault="qualified">
  <xs:element name="Order">
    <xs:annotation><xs:documentation>An order (bench schema).</xs:documentation></xs:annotation>
    <xs:complexType><xs:sequence>
      <xs:element name="Id" type="xs:int"/>
      <xs:element name="Note" type="xs:string"${noteRequired ? '' : ' minOccurs="0"'}/>
    </xs:sequence></xs:complexType>
  </xs:element>
</xs:schema>
`;
const contractSchema = (i: number) => `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:bench:contract:${i}" elementFormDefault="qualified">
  <xs:element name="Contract${i}"><xs:complexType><xs:sequence><xs:element name="Ref" type="xs:string" maxOccurs="unbounded"/></xs:sequence></xs:complexType></xs:element>
</xs:schema>
`;
const profile = (i: number) =>
  JSON.stringify({
    resourceType: 'StructureDefinition',
    url: `http://bench.test/StructureDefinition/p${i}`,
    name: `P${i}`,
    status: 'draft',
    kind: 'resource',
    abstract: false,
    type: 'Patient',
    baseDefinition: 'http://hl7.org/fhir/StructureDefinition/Patient',
    derivation: 'constraint',
    differential: { element: [{ id: 'Patient', path: 'Patient' }] },
  });
/** The message: `Id` is not an int (an XSD error always), `Note` is missing (an error exactly when the schema requires it). */
const MESSAGE = `<?xml version="1.0" encoding="UTF-8"?>\n<Order xmlns="${NS}">\n  <Id>A-1</Id>\n</Order>\n`;

/**
 * A repository-like tree of `files` files: 100 per folder of C#, Java, JSON and XML samples; one XSD per
 * 100 files (distinct namespaces), one FHIR profile per 300; the message's schema; and a gitignored build/
 * holding a generated copy under its own namespace (whether a build/ copy can win is the tests' matter:
 * here it would make the rows of the code before the fix unmeasurable).
 */
function makeWorkspace(dir: string, files: number): { message: string; schema: string; contracts: string[] } {
  const put = (rel: string, text: string) => {
    const f = path.join(dir, rel);
    mkdirSync(path.dirname(f), { recursive: true });
    writeFileSync(f, text);
    return f;
  };
  put('.gitignore', 'build/\n*.log\n');
  const schema = put('schemas/order.xsd', orderSchema(false));
  put('build/schemas/order.xsd', orderSchema(true, `${NS}:generated`));
  const message = put('messages/order.xml', MESSAGE);
  const contracts: string[] = [];
  let n = 4;
  for (let i = 0; n < files; i++) {
    if (i % 100 === 0) contracts.push(put(`contracts/v${i / 100}/contract${i / 100}.xsd`, contractSchema(i / 100)));
    else if (i % 300 === 1) put(`fhir/StructureDefinition-p${i}.json`, profile(i));
    else {
      const folder = `src/m${Math.floor(i / 100)}`;
      const kind = i % 4;
      if (kind === 0) put(`${folder}/Service${i}.cs`, `namespace Bench { class Service${i} { string Url = "https://api.bench.test/${i}"; } }\n`);
      else if (kind === 1) put(`${folder}/Client${i}.java`, `class Client${i} { String url = "https://api.bench.test/${i}"; }\n`);
      else if (kind === 2) put(`${folder}/data${i}.json`, `{"id": ${i}, "name": "item ${i}"}\n`);
      else put(`${folder}/sample${i}.xml`, `<sample id="${i}"><value>${i}</value></sample>\n`);
    }
    n++;
  }
  return { message, schema, contracts };
}

const isMissingNote = (d: Diagnostic[]) => d.some((x) => x.code === 'xsd/missing-element');
const hasXsd = (d: Diagnostic[]) => d.some((x) => String(x.code).startsWith('xsd/'));

async function session(server: string, workspace: string): Promise<BenchClient> {
  return startClient(server, { today: '2026-11-26' }, { workspaceFolders: [workspace] });
}

/** Open the message: time to its first diagnostics that carry the XSD result; then hovers on `<Order`. */
async function openAndHover(server: string, ws: string, message: string, hovers: number): Promise<{ open: number; hover: number[]; client: BenchClient }> {
  const client = await session(server, ws);
  const uri = pathToFileURL(message).href;
  const t0 = performance.now();
  const first = client.diagnosticsWhere(uri, hasXsd, 600_000);
  client.open(uri, 'xml', MESSAGE);
  const { at } = await first;
  const hover: number[] = [];
  for (let i = 0; i < hovers; i++) hover.push(await timeHover(client, uri));
  return { open: at - t0, hover, client };
}

async function timeHover(client: BenchClient, uri: string, position = { line: 1, character: 3 }): Promise<number> {
  const t0 = performance.now();
  const r = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  if (!r) throw new Error(`no hover in ${uri} at ${position.line}:${position.character}`);
  return performance.now() - t0;
}

/** A C# file with a retired host: its hover (the rule's story) needs no schema and no index. */
const CS_TEXT = 'class Lab { string Url = "https://test.nilar.nhn.no/lab"; }\n';
const CS_HOVER = { line: 0, character: 40 };

/** Spawn, open, and ask for the hover at once: it waits for whatever the server builds first. */
async function hoverWhileIndexing(server: string, ws: string, message: string): Promise<number> {
  const client = await session(server, ws);
  const uri = pathToFileURL(message).href;
  client.open(uri, 'xml', MESSAGE);
  const ms = await timeHover(client, uri);
  await client.shutdown();
  return ms;
}

/**
 * `count` one-file notifications as fast as a client sends them (each schema touched on disk first);
 * the message's schema is rewritten just before the last one. Time from the first notification to the
 * diagnostics that show the last write.
 */
async function storm(
  client: BenchClient,
  message: string,
  schema: string,
  contracts: string[],
  count: number,
  noteRequired: boolean,
  csUri: string,
): Promise<{ settled: number; csHover: number }> {
  const uri = pathToFileURL(message).href;
  const settled = client
    .diagnosticsWhere(uri, (d) => hasXsd(d) && isMissingNote(d) === noteRequired, STORM_TIMEOUT_MS)
    .catch(() => ({ at: performance.now() + STORM_TIMEOUT_MS }));
  const t0 = performance.now();
  for (let i = 0; i < count - 1; i++) {
    const file = contracts[i % contracts.length];
    writeFileSync(file, contractSchema(i % contracts.length));
    void client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(file).href, type: FileChangeType.Changed }],
    });
  }
  writeFileSync(schema, orderSchema(noteRequired));
  void client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
    changes: [{ uri: pathToFileURL(schema).href, type: FileChangeType.Changed }],
  });
  // A hover in another file while the server takes the storm in (it paused up to 7 s before the fix).
  const csHover = await timeHover(client, csUri, CS_HOVER);
  const { at } = await settled;
  return { settled: Math.min(at - t0, STORM_TIMEOUT_MS), csHover };
}

/** A storm that has not settled by then is recorded at this value (and said so in the note). */
const STORM_TIMEOUT_MS = 300_000;

const scenario: Scenario = {
  name: 'workspace',
  description:
    'XML open → diagnostics and hover in a 30 000-file workspace vs a 300-file one (also hover while indexing); revalidation after 1 000 one-file file events vs one.',
  async run({ quick, root, log }) {
    const server = path.join(root, 'dist/server.js');
    const bigFiles = quick ? 3000 : 30_000;
    const base = mkdtempSync(path.join(tmpdir(), 'nhn-bench-ws-'));
    try {
      log(`workspace: generating ${bigFiles} and 300 files in ${base}`);
      const big = makeWorkspace(path.join(base, 'big'), bigFiles);
      const small = makeWorkspace(path.join(base, 'small'), 300);
      const runs = quick ? 2 : 5;
      const open = { big: [] as number[], small: [] as number[] };
      const hover = { big: [] as number[], small: [] as number[] };
      const during = { big: [] as number[], small: [] as number[] };
      let bigRss = 0;
      for (let i = 0; i < runs; i++) {
        for (const [name, ws] of [
          ['small', small],
          ['big', big],
        ] as const) {
          const r = await openAndHover(server, path.dirname(path.dirname(ws.message)), ws.message, 5);
          open[name].push(r.open);
          hover[name].push(...r.hover);
          if (name === 'big') bigRss = Math.max(bigRss, r.client.peakRssMB() ?? 0);
          await r.client.shutdown();
          during[name].push(await hoverWhileIndexing(server, path.dirname(path.dirname(ws.message)), ws.message));
        }
      }
      log('workspace: file-event storms');
      const one: number[] = [];
      const many: number[] = [];
      const csIdle: number[] = [];
      const csStorm: number[] = [];
      let stormRss = 0;
      const ws = path.dirname(path.dirname(big.message));
      const r = await openAndHover(server, ws, big.message, 0);
      const csUri = pathToFileURL(path.join(ws, 'src/LabClient.cs')).href;
      const csChecked = r.client.diagnosticsWhere(csUri, (d) => d.length > 0, 60_000);
      r.client.open(csUri, 'csharp', CS_TEXT);
      try {
        await csChecked;
        for (let i = 0; i < 10; i++) csIdle.push(await timeHover(r.client, csUri, CS_HOVER));
        let noteRequired = false;
        for (let i = 0; i < (quick ? 1 : 3); i++) {
          noteRequired = !noteRequired;
          one.push((await storm(r.client, big.message, big.schema, big.contracts, 1, noteRequired, csUri)).settled);
          noteRequired = !noteRequired;
          const s = await storm(r.client, big.message, big.schema, big.contracts, 1000, noteRequired, csUri);
          many.push(s.settled);
          csStorm.push(s.csHover);
        }
        stormRss = r.client.peakRssMB() ?? 0;
      } finally {
        await r.client.shutdown();
        writeFileSync(big.schema, orderSchema(false));
      }
      const label = `${bigFiles.toLocaleString('en')} files`;
      const rows: BenchRow[] = [
        {
          scenario: 'workspace',
          case: `open → first diagnostics, ${label}`,
          ours: summarize(open.big),
          anchor: { name: 'same, 300 files', stats: summarize(open.small) },
          rssMB: bigRss || undefined,
        },
        {
          scenario: 'workspace',
          case: `XML hover (indexed), ${label}`,
          ours: summarize(hover.big),
          anchor: { name: 'same, 300 files', stats: summarize(hover.small) },
        },
        {
          scenario: 'workspace',
          case: `XML hover while indexing, ${label}`,
          ours: summarize(during.big),
          anchor: { name: 'same, 300 files', stats: summarize(during.small) },
        },
        {
          scenario: 'workspace',
          case: `1 000 one-file events → revalidated, ${label}`,
          ours: summarize(many),
          anchor: { name: 'one event', stats: summarize(one) },
          rssMB: stormRss || undefined,
          note: `target: ≤ 2 s absolute; the schema written before the last event must be the one used${many.some((m) => m >= STORM_TIMEOUT_MS) ? `; ${many.filter((m) => m >= STORM_TIMEOUT_MS).length} storm(s) not settled within ${STORM_TIMEOUT_MS / 1000} s (recorded at that value)` : ''}`,
        },
        {
          scenario: 'workspace',
          case: 'C# hover while 1 000 file events are taken in',
          ours: summarize(csStorm),
          anchor: { name: 'same, idle', stats: summarize(csIdle) },
          note: 'a .cs hover paused up to 7 s in a storm before the events were coalesced',
        },
      ];
      return rows;
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  },
};
export default scenario;
