// A generated source tree of a given size: C#, Java, TypeScript, Python, XML, JSON, YAML, .properties and
// Markdown files in nested folders, with retired NHN hosts and 11-digit numbers planted at a low rate.
// Deterministic (seeded); built once per size under bench/out and reused.

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { random, type Random } from '../../test/helpers/random';

const VERSION = 1; // bump when the generator changes, so cached trees are rebuilt

const WORDS = [
  'patient',
  'result',
  'message',
  'client',
  'service',
  'request',
  'config',
  'order',
  'lab',
  'prescription',
  'token',
  'handler',
  'value',
  'reference',
  'status',
  'document',
  'sender',
  'receiver',
  'herId',
  'payload',
];
const PLANTED = [
  'https://prod.nilar.nhn.no/api/results',
  'https://test.nilar.nhn.no/svar',
  'https://rf.test2-int.reseptformidleren.net/RFService',
  'http://m2.reseptformidleren.net/',
  '13116900216',
  '010170 12345',
];

const EXT = ['cs', 'java', 'ts', 'py', 'xml', 'json', 'yaml', 'properties', 'md'] as const;
type Ext = (typeof EXT)[number];

function ident(r: Random): string {
  return r.pick(WORDS) + r.pick(WORDS).replace(/^./, (c) => c.toUpperCase()) + r.int(100);
}

function line(ext: Ext, r: Random, planted: boolean): string {
  const v = planted ? r.pick(PLANTED) : `${r.pick(WORDS)}-${r.int(100000)}`;
  const a = ident(r);
  const b = ident(r);
  switch (ext) {
    case 'cs':
      return `        var ${a} = await _${b}.SendAsync("${v}", cancellationToken).ConfigureAwait(false);`;
    case 'java':
      return `        final String ${a} = ${b}.resolve("${v}"); // ${r.pick(WORDS)} ${r.pick(WORDS)}`;
    case 'ts':
      return `  const ${a} = await this.${b}.get<${r.pick(['Patient', 'Bundle', 'AppRec'])}>('${v}', { timeout: ${r.int(60000)} });`;
    case 'py':
      return `    ${a.toLowerCase()} = self.${b.toLowerCase()}.fetch("${v}", retries=${r.int(5)})`;
    case 'xml':
      return `    <${r.pick(['Result', 'Code', 'Ident', 'Address'])} V="${v}" S="2.16.578.1.12.4.1.1.${r.int(9999)}" DN="${a}"/>`;
    case 'json':
      return `    "${a}": "${v}",`;
    case 'yaml':
      return `  ${a}: "${v}"`;
    case 'properties':
      return `${a}.${b}=${v}`;
    case 'md':
      return `The ${r.pick(WORDS)} ${r.pick(WORDS)} goes to \`${v}\` when ${r.pick(WORDS)} is ${r.pick(WORDS)}.`;
  }
}

function file(ext: Ext, bytes: number, r: Random): string {
  const head: Record<Ext, [string, string]> = {
    cs: ['namespace Vendor.Epj;\npublic sealed class Gateway\n{\n    public async Task RunAsync()\n    {\n', '    }\n}\n'],
    java: ['package no.vendor.lab;\npublic final class Gateway {\n    void run() throws Exception {\n', '    }\n}\n'],
    ts: ['export class Gateway {\n async run(): Promise<void> {\n', ' }\n}\n'],
    py: ['class Gateway:\n    def run(self):\n', '        return None\n'],
    xml: ['<?xml version="1.0" encoding="UTF-8"?>\n<Message xmlns="http://www.kith.no/xmlstds/msghead/2006-05-24">\n', '</Message>\n'],
    json: ['{\n', '    "end": true\n}\n'],
    yaml: ['settings:\n', ''],
    properties: ['# settings\n', ''],
    md: ['# Integration notes\n\n', ''],
  };
  const parts = [head[ext][0]];
  let size = parts[0].length;
  while (size < bytes) {
    const l = line(ext, r, r.int(400) === 0) + '\n';
    parts.push(l);
    size += l.length;
  }
  parts.push(head[ext][1]);
  return parts.join('');
}

/** Returns the folder of a tree of about `megabytes` MB, generating it if it is not there yet. */
export function sourceTree(outDir: string, megabytes: number, log: (m: string) => void): { dir: string; bytes: number; files: number } {
  const dir = path.join(outDir, `tree-${megabytes}mb-v${VERSION}`);
  const stamp = `${dir}.json`;
  if (existsSync(stamp)) return { dir, ...JSON.parse(readFileSync(stamp, 'utf8')) };
  log(`generating a ${megabytes} MB source tree in ${path.relative(process.cwd(), dir)}`);
  rmSync(dir, { recursive: true, force: true });
  const r = random(megabytes * 7919);
  const target = megabytes * 1024 * 1024;
  let bytes = 0;
  let files = 0;
  while (bytes < target) {
    const sub = path.join(dir, `module${files % 13}`, `pkg${(files >> 4) % 17}`, `area${(files >> 8) % 5}`);
    mkdirSync(sub, { recursive: true });
    const ext = r.pick(EXT);
    const text = file(ext, 1000 + r.int(40000), r);
    writeFileSync(path.join(sub, `${ident(r)}_${files}.${ext}`), text);
    bytes += Buffer.byteLength(text);
    files++;
  }
  writeFileSync(stamp, JSON.stringify({ bytes, files }));
  return { dir, bytes, files };
}
