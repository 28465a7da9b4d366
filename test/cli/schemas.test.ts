// `nhn-lint schemas fetch|list` as a process, against a local mirror on 127.0.0.1 serving the real
// published files from the fixtures: every pin fetched and verified, a tampered file refused, a failure
// keeping what was fetched (a partial cache is kept and listed), then offline validation from the cache.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../server/src/host/schema-cache';
import { pinnedSchemas } from '../../server/src/host/schema-fetch-all';
import { runCliAsync, tempDir } from '../helpers/cli';
import { fixturesByHash, startFixtureMirror, startSchemaServer, type SchemaServer } from '../helpers/schema-server';

const PINNED = pinnedSchemas();
/** Files the fixtures do not hold (a repository without a licence, or no copy kept): the mirror answers 404. */
const NOT_MIRRORED = PINNED.filter((p) => /\/HL7Norway\/NILAR\/|Fellesformat2_any/.test(p.pin.url))
  .map((p) => p.name)
  .sort();

const cachedFiles = (dir: string) =>
  readdirSync(path.join(dir, 'schemas', 'sha256'), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.xsd'))
    .map((f) => path.join(dir, 'schemas', 'sha256', f));

describe('nhn-lint schemas fetch', () => {
  let mirror: SchemaServer;
  const cache = tempDir();
  beforeAll(async () => {
    mirror = await startFixtureMirror();
  });
  afterAll(async () => {
    await mirror?.close();
    cache.cleanup();
  });

  it('fetches every pin the mirror has, with progress; the rest fail by name, exit 1, and what was fetched is kept', async () => {
    expect(PINNED.length).toBeGreaterThanOrEqual(110);
    expect(NOT_MIRRORED).toEqual(['Fellesformat2_any.xsd', 'svar-v1.4.xsd', 'svar-v13.xsd']);
    const r = await runCliAsync(['schemas', 'fetch', '--schema-mirror', mirror.base, '--cache-dir', cache.dir]);
    expect(r.status).toBe(1);
    const progress = r.stderr.trim().split('\n');
    expect(progress).toHaveLength(PINNED.length);
    expect(progress.every((l) => /^\[\s*\d+\/\d+\] (fetched|FAILED)/.test(l))).toBe(true);
    const failed = progress
      .filter((l) => l.includes('FAILED'))
      .map((l) => /(\S+\.xsd):/.exec(l)![1])
      .sort();
    expect(failed).toEqual(NOT_MIRRORED);
    expect(r.stdout).toContain(`${PINNED.length} schemas: ${PINNED.length - 3} fetched, 0 already cached, 3 failed`);
    expect(r.stdout).toContain('the schemas that were fetched are kept');
    // Each file asked once, by its hash; every kept file hashes to its pin.
    expect(new Set(mirror.requests).size).toBe(mirror.requests.length);
    const files = cachedFiles(cache.dir);
    expect(files).toHaveLength(PINNED.length - 3);
    for (const f of files) expect(sha256(readFileSync(f))).toBe(path.basename(path.dirname(f)));
  });

  it('list: what the cache holds, re-verified, with the missing ones named', async () => {
    const r = await runCliAsync(['schemas', 'list', '--cache-dir', cache.dir]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`${PINNED.length - 3} of ${PINNED.length} pinned schemas cached in ${path.join(cache.dir, 'schemas')}`);
    expect(r.stdout).toMatch(/^cached +MsgHead 1\.2 +MsgHead-v1_2\.xsd$/m);
    expect(r.stdout).toMatch(/^missing +Svarrapport \(labsvar\) 1\.4 +svar-v1\.4\.xsd$/m);
    const json = JSON.parse((await runCliAsync(['schemas', 'list', '--format', 'json', '--cache-dir', cache.dir])).stdout);
    expect(json.cached).toBe(PINNED.length - 3);
    expect(json.pinned.find((p: { file: string }) => p.file === 'svar-v13.xsd')).toMatchObject({
      cached: null,
      namespaces: ['http://www.kith.no/xmlstds/labsvar/2008-12-01'],
    });
    const nb = await runCliAsync(['schemas', 'list', '--lang', 'nb', '--cache-dir', cache.dir]);
    expect(nb.stdout).toContain(`${PINNED.length - 3} av ${PINNED.length} festede skjemaer ligger i cache`);
  });

  it('again with the mirror gone: the cache answers for what it holds, the missing ones fail again', async () => {
    const r = await runCliAsync(['schemas', 'fetch', '--schema-mirror', 'http://127.0.0.1:9/', '--cache-dir', cache.dir, '--quiet']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`${PINNED.length} schemas: 0 fetched, ${PINNED.length - 3} already cached, 3 failed`);
    // --quiet: only the failures on stderr.
    expect(r.stderr.trim().split('\n')).toHaveLength(3);
  });

  it('and the cache validates a message offline', async () => {
    const r = await runCliAsync([
      '--format',
      'json',
      '--allow-downloads',
      '--schema-mirror',
      'http://127.0.0.1:9/',
      '--cache-dir',
      cache.dir,
      'test/xsd/instances/dialog-1.1-invalid.xml',
    ]);
    const rules = (JSON.parse(r.stdout).findings as { rule: string }[]).map((f) => f.rule).filter((x) => x.startsWith('xsd/'));
    expect(rules).toContain('xsd/fixed-value');
    expect(rules).not.toContain('xsd/no-schema');
  });
});

describe('nhn-lint schemas fetch: a tampered file', () => {
  it('is refused with its sha256 and never cached; the honest files beside it are kept', async () => {
    const cache = tempDir();
    const evil = await startSchemaServer();
    try {
      const [msghead, dialog] = ['MsgHead-v1_2.xsd', 'dialogmelding-v1.1.xsd'].map((n) => PINNED.find((p) => p.name === n)!);
      const original = readFileSync(path.resolve(__dirname, '../../../shared/fixtures/nhn-schemas/kith-core/MsgHead-v1_2.xsd'));
      evil.set(
        `/${msghead.pin.sha256}/${msghead.name}`,
        Buffer.from(original.toString('latin1').replace('fixed="v1.2 2006-05-24"', 'fixed="v1.3 2026-11-26"'), 'latin1'),
      );
      const dialogFile = fixturesByHash().get(dialog.pin.sha256)!;
      expect(existsSync(dialogFile)).toBe(true);
      evil.set(`/${dialog.pin.sha256}/${dialog.name}`, readFileSync(dialogFile));
      const r = await runCliAsync(['schemas', 'fetch', '--schema-mirror', evil.base, '--cache-dir', cache.dir]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/FAILED +MsgHead 1\.2 +MsgHead-v1_2\.xsd: sha256 expected [0-9a-f]{16}…, got [0-9a-f]{16}…/);
      expect(r.stderr).toMatch(/fetched +Dialogmelding 1\.1 +dialogmelding-v1\.1\.xsd/);
      const names = cachedFiles(cache.dir).map((f) => path.basename(f));
      expect(names).toEqual(['dialogmelding-v1.1.xsd']);
    } finally {
      await evil.close();
      cache.cleanup();
    }
  });
});

describe('nhn-lint schemas: usage', () => {
  it('a missing or unknown command is a usage error (exit 2) with the usage text', async () => {
    for (const args of [['schemas'], ['schemas', 'pull'], ['schemas', 'list', 'extra'], ['schemas', 'list', '--format', 'xml']]) {
      const r = await runCliAsync(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('Usage: nhn-lint schemas fetch');
    }
    const help = await runCliAsync(['schemas', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('nhn-lint schemas list');
  });
});
