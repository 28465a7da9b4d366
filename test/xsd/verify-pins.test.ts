// `npm run verify-pins` (dist/tools/verify-schema-pins.js), the maintainers' check that every pinned
// schema still answers with its pinned bytes, run against a local mirror of the real files: every pin the
// fixtures hold passes, the few with no copy there (labsvar, EI_fellesformat 2) fail by name;
// one changed byte makes it fail with exit 1 and say which.

import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NAMESPACES } from '../../server/src/engine';
import { fileNameOf } from '../../server/src/engine/xsd/downloads';
import { fixturesByHash, NAV_SCHEMA_FIXTURES, startFixtureMirror, type SchemaServer } from '../helpers/schema-server';

/** The pins the fixture mirror can serve: those whose bytes the fixtures hold. */
const MIRRORED = new Set([...fixturesByHash().keys(), ...fixturesByHash(NAV_SCHEMA_FIXTURES).keys()]);

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

  it('every pin the fixtures hold answers with its bytes; the pins with no copy in the fixtures fail by name', async () => {
    const r = await run(['--mirror', mirror.base]);
    const pinned = NAMESPACES.filter((e) => e.schema);
    // Labsvar (a repository without a licence) and EI_fellesformat 2 have no copy in the fixtures, so the
    // local mirror answers 404 for them: exactly those fail, everything else is ok.
    const unmirrored = pinned.filter((e) => !MIRRORED.has(e.schema!.sha256)).map((e) => e.uri);
    expect(unmirrored.sort()).toEqual([
      'http://www.kith.no/xmlstds/labsvar/2008-12-01',
      'http://www.kith.no/xmlstds/labsvar/2012-02-15',
      'http://www.nav.no/xml/eiff/2/',
    ]);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('ok  ')).length).toBe(pinned.length - unmirrored.length);
    const failed = r.stdout.split('\n').filter((l) => l.startsWith('FAIL'));
    expect(failed.map((l) => l.split(/\s+/)[1]).sort()).toEqual(unmirrored.sort());
    for (const l of failed) expect(l).toMatch(/: HTTP 404$/);
    expect(r.stdout).toContain(`${unmirrored.length} pin(s) failed`);
    expect(r.status).toBe(1);
  });

  it('a changed file fails with exit 1 and names the namespace', async () => {
    const kith = NAMESPACES.find((e) => e.uri === 'http://www.kith.no/xmlstds')!.schema!;
    mirror.set(`/${kith.sha256}/${fileNameOf(kith.url)}`, '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"/>');
    const r = await run(['--mirror', mirror.base]);
    expect(r.stdout).toMatch(/^FAIL http:\/\/www\.kith\.no\/xmlstds {2}kith\.xsd {2}\d+ bytes {2}sha256 [0-9a-f]{64} ≠ pinned /m);
    expect(r.stdout).toContain('4 pin(s) failed');
    expect(r.status).toBe(1);
  });
});
