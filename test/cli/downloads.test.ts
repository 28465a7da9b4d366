// nhn-lint --allow-downloads in CI: the pinned schemas come from a mirror into --cache-dir, and a
// second run with the mirror gone gives the same verdict from the cache (a CI cache step keeps it).
// Without the flag nothing is asked.

import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type JsonFinding, runCliAsync, tempDir } from '../helpers/cli';
import { NHN_SCHEMA_FIXTURES as FIXTURES, startFixtureMirror, startSchemaServer, type SchemaServer } from '../helpers/schema-server';
const MESSAGE = 'test/xsd/instances/dialog-1.1-invalid.xml';

const rules = (stdout: string) =>
  (JSON.parse(stdout).findings as JsonFinding[]).filter((f) => f.rule.startsWith('xsd/')).map((f) => `${f.rule}@${f.line}:${f.column}`);

describe('nhn-lint --allow-downloads', () => {
  let mirror: SchemaServer;
  const cache = tempDir();
  beforeAll(async () => {
    mirror = await startFixtureMirror();
  });
  afterAll(async () => {
    await mirror?.close();
    cache.cleanup();
  });

  it('without the flag: no request, the message is named and not validated, exit 0', async () => {
    // kith off: the message's wrong MIGversion is also a kith finding (an error) without any schema.
    const r = await runCliAsync(['--format', 'json', '--rule-off', 'kith', '--schema-mirror', mirror.base, '--cache-dir', cache.dir, MESSAGE]);
    expect(rules(r.stdout)).toEqual([expect.stringMatching(/^xsd\/no-schema@3:/)]);
    expect(r.status).toBe(0);
    expect(mirror.requests).toEqual([]);
  });

  it('with it: validated as against the files on disk; then offline from the cache', async () => {
    const local = await runCliAsync(['--format', 'json', '--schemas', path.join(FIXTURES, 'kith-core'), MESSAGE]);
    const expected = rules(local.stdout);
    expect(expected.length).toBe(5);
    const online = await runCliAsync(['--format', 'json', '--allow-downloads', '--schema-mirror', mirror.base, '--cache-dir', cache.dir, MESSAGE]);
    expect(rules(online.stdout)).toEqual(expected);
    expect(online.status).toBe(1);
    const asked = mirror.requests.length;
    expect(asked).toBeGreaterThanOrEqual(2);
    await mirror.close();
    const offline = await runCliAsync(['--format', 'json', '--allow-downloads', '--schema-mirror', mirror.base, '--cache-dir', cache.dir, MESSAGE]);
    expect(rules(offline.stdout)).toEqual(expected);
    mirror = await startSchemaServer();
  });
});
