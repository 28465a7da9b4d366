// `npm run verify-pins` (dist/tools/verify-schema-pins.js), the maintainers' check that every pinned
// schema still answers with its pinned bytes, run against a local mirror of the real files: all pass;
// one changed byte makes it fail with exit 1 and say which.

import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NAMESPACES } from '../../server/src/engine';
import { fileNameOf } from '../../server/src/engine/xsd/downloads';
import { startFixtureMirror, type SchemaServer } from '../helpers/schema-server';

const TOOL = path.resolve(__dirname, '../../dist/tools/verify-schema-pins.js');

function run(args: string[]): Promise<{ status: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [TOOL, ...args]);
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.on('close', (status) => resolve({ status, stdout }));
  });
}

describe('verify-pins', () => {
  let mirror: SchemaServer;
  beforeAll(async () => {
    mirror = await startFixtureMirror();
  });
  afterAll(() => mirror?.close());

  it('every pin answers with its bytes: exit 0, one ok line per pinned namespace', async () => {
    const r = await run(['--mirror', mirror.base]);
    const pinned = NAMESPACES.filter((e) => e.schema);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('ok  ')).length).toBe(pinned.length);
    expect(r.stdout).toContain('every pin answers with its pinned bytes');
    expect(r.status).toBe(0);
  });

  it('a changed file fails with exit 1 and names the namespace', async () => {
    const kith = NAMESPACES.find((e) => e.uri === 'http://www.kith.no/xmlstds')!.schema!;
    mirror.set(`/${kith.sha256}/${fileNameOf(kith.url)}`, '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"/>');
    const r = await run(['--mirror', mirror.base]);
    expect(r.stdout).toMatch(/^FAIL http:\/\/www\.kith\.no\/xmlstds {2}kith\.xsd {2}\d+ bytes {2}sha256 [0-9a-f]{64} ≠ pinned /m);
    expect(r.stdout).toContain('1 pin(s) failed');
    expect(r.status).toBe(1);
  });
});
