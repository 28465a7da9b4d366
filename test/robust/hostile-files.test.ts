// Devices, FIFOs, /proc files and symlinks to them, named wherever a path can come from: a document's
// xsi:schemaLocation, the schema folders (--schemas, nhn.xml.schemaPaths), the catalogs setting, FHIR
// package folders (--fhir-packages, nhn.fhir.packagePaths), rule files (--rules), the HelseID key
// (--jwk), the team file of test persons, and the files a scan is given. Only regular files are ever
// read, each at most a bounded size: the CLI ends within its bound with the rest of its work done, and
// the server keeps answering. Before the fix, one xsi:schemaLocation="/dev/zero" kept the CLI reading
// until it was killed at 20 s with 2.2–2.8 GB resident, and a FIFO blocked its open forever.

import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HoverRequest } from 'vscode-languageserver-protocol';
import { MAX_READ_BYTES, readRegularFile, readTextFile } from '../../shared/read-file';
import { CLI, ROOT } from '../helpers/cli';
import { startServer } from '../helpers/lsp';

const BOUND_MS = 60_000;
const HELSEID = path.resolve(__dirname, '../../dist/helseid.js');

let dir: string;
/** Each hostile target by name: what a path may point at. */
const targets: Record<string, string> = {};

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'nhn-hostile-files-'));
  execFileSync('mkfifo', [path.join(dir, 'fifo')]);
  symlinkSync('/dev/zero', path.join(dir, 'zero-link'));
  Object.assign(targets, {
    'dev-zero': '/dev/zero',
    'dev-urandom': '/dev/urandom',
    fifo: path.join(dir, 'fifo'),
    'symlink-to-dev-zero': path.join(dir, 'zero-link'),
    'proc-self-fd-0': '/proc/self/fd/0', // the reader's own stdin: a pipe when spawned
    'proc-self-environ': '/proc/self/environ', // "regular", size 0 by stat: read to its end, bounded
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(script: string, args: string[], cwd = ROOT): Promise<{ status: number | null; stdout: string; stderr: string; ms: number }> {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(process.execPath, [script, ...args], { cwd, env: { ...process.env, NHN_TODAY: '2026-11-26', NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), BOUND_MS);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr, ms: Date.now() - t0 });
    });
  });
}

/** A folder of named links and FIFOs, as a schema folder or a package folder might hold them. */
function hostileFolder(name: string, fileName: (target: string) => string): string {
  const d = path.join(dir, name);
  mkdirSync(d, { recursive: true });
  for (const [t, where] of Object.entries(targets)) symlinkSync(where, path.join(d, fileName(t)));
  execFileSync('mkfifo', [path.join(d, fileName('own-fifo'))]);
  return d;
}

const message = (schemaLocation: string) =>
  `<?xml version="1.0"?>\n<MsgHead xmlns="http://www.kith.no/xmlstds/msghead/2006-05-24" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.kith.no/xmlstds/msghead/2006-05-24 ${schemaLocation}"><MsgInfo/></MsgHead>\n`;

describe('the one read function (host/read-file.ts)', () => {
  it('reads a regular file, and refuses every other kind with a reason', async () => {
    const plain = path.join(dir, 'plain.txt');
    writeFileSync(plain, 'hello');
    expect(await readTextFile(plain)).toBe('hello');
    const why: Record<string, string> = {};
    for (const [name, where] of Object.entries(targets)) {
      const r = await readRegularFile(where, 1024 * 1024);
      why[name] = 'bytes' in r ? `read ${r.bytes.length} bytes` : 'tooLarge' in r ? 'too large' : r.error.message;
    }
    expect(why).toEqual({
      'dev-zero': 'a character device, not a regular file',
      'dev-urandom': 'a character device, not a regular file',
      fifo: 'a named pipe (FIFO), not a regular file',
      'symlink-to-dev-zero': 'a character device, not a regular file',
      'proc-self-fd-0': expect.not.stringMatching(/^read/), // a pipe, a socket or ENXIO: never read
      'proc-self-environ': expect.stringMatching(/^read \d+ bytes$/),
    });
    expect(await readRegularFile(plain, 3)).toEqual({ file: plain, tooLarge: 5 });
    await expect(readTextFile(targets.fifo)).rejects.toThrow(`${targets.fifo}: a named pipe (FIFO), not a regular file`);
    expect(MAX_READ_BYTES).toBeGreaterThanOrEqual(32 * 1024 * 1024);
  });
});

describe('nhn-lint never reads a device, a FIFO or an endless file', () => {
  it('xsi:schemaLocation naming each of them: every message is still checked, within the bound', async () => {
    const d = path.join(dir, 'messages');
    mkdirSync(d);
    for (const [name, where] of Object.entries(targets)) writeFileSync(path.join(d, `${name}.xml`), message(where));
    const r = await run(CLI, ['--format', 'json', d]);
    expect(r.status, `killed after ${r.ms} ms; stderr: ${r.stderr.slice(-500)}`).not.toBeNull();
    expect((JSON.parse(r.stdout) as { files: number }).files, 'every message was checked').toBe(Object.keys(targets).length);
  });

  it('--schemas and --fhir-packages folders holding them, a scan given them, --rules naming one', async () => {
    const schemas = hostileFolder('schemas', (t) => `${t}.xsd`);
    const packages = hostileFolder('packages', (t) => `StructureDefinition-${t}.json`);
    mkdirSync(path.join(packages, 'package'));
    symlinkSync('/dev/zero', path.join(packages, 'package', 'package.json'));
    const doc = path.join(dir, 'app.properties');
    writeFileSync(doc, 'url=https://rf.test2-int.reseptformidleren.net\n');
    const scanned = await run(CLI, [
      '--format',
      'json',
      '--schemas',
      schemas,
      '--fhir-packages',
      packages,
      doc,
      targets.fifo,
      targets['symlink-to-dev-zero'],
      path.join(dir, 'messages'),
    ]);
    expect(scanned.status, `killed after ${scanned.ms} ms`).not.toBeNull();
    expect(scanned.stdout).toContain('app.properties');
    expect(scanned.stderr).toContain('not a regular file');

    const rules = await run(CLI, ['--rules', targets.fifo, doc]);
    expect(rules.status).toBe(2);
    expect(rules.stderr).toContain('a named pipe (FIFO), not a regular file');
    const rulesZero = await run(CLI, ['--rules', '/dev/zero', doc]);
    expect(rulesZero.status).toBe(2);
    expect(rulesZero.stderr).toContain('a character device, not a regular file');
  });

  it('nhn-helseid --jwk naming a device or a FIFO says the key is unreadable', async () => {
    for (const where of [targets['dev-zero'], targets.fifo, targets['symlink-to-dev-zero']]) {
      const r = await run(HELSEID, ['--jwk', where, '--client-id', 'x', '--issuer', 'http://127.0.0.1:9']);
      expect(r.status, `${where}: killed after ${r.ms} ms`).not.toBeNull();
      expect(r.status).not.toBe(0);
    }
  });
});

describe('the language server never reads a device, a FIFO or an endless file', () => {
  it('schemaLocation, schema paths, catalogs and FHIR package paths naming them: diagnostics come and hovers are answered', async () => {
    const schemas = hostileFolder('server-schemas', (t) => `${t}.xsd`);
    const packages = hostileFolder('server-packages', (t) => `StructureDefinition-${t}.json`);
    const lsp = await startServer({
      settings: {
        xml: { schemaPaths: [schemas], catalogs: [targets.fifo, targets['dev-zero'], targets['symlink-to-dev-zero']] },
        fhir: { packagePaths: [packages] },
      },
      workspaceFolders: [dir],
    });
    try {
      for (const [name, where] of Object.entries(targets)) {
        const uri = pathToFileURL(path.join(dir, `server-${name}.xml`)).href;
        const published = lsp.diagnostics(uri, () => true, BOUND_MS);
        lsp.open(uri, 'xml', message(where));
        await published;
        const hover = lsp.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 3 } });
        expect(await Promise.race([hover.then(() => 'answered'), new Promise((r) => setTimeout(() => r('no answer'), 10_000))])).toBe('answered');
      }
      const fhirUri = pathToFileURL(path.join(dir, 'patient.json')).href;
      const fhir = lsp.diagnostics(fhirUri, () => true, BOUND_MS);
      lsp.open(fhirUri, 'json', JSON.stringify({ resourceType: 'Patient', meta: { profile: ['http://example.org/StructureDefinition/x'] } }));
      await fhir;
      expect(lsp.process.exitCode).toBeNull();
    } finally {
      await lsp.close();
    }
  });
});
