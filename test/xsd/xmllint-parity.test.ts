// Each instance's valid/invalid verdict matches native libxml2 (`xmllint --schema`, Debian's
// libxml2-utils) run on the very same schema set our resolver built, written to a temp folder.

import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzed } from '../../server/src/engine/core/document';
import { documentSchemaSet } from '../../server/src/engine/xsd/check';
import { LibxmlXsdService } from '../../server/src/engine/xsd/libxml';
import { createHost } from '../../server/src/host/resolvers';
import { context } from '../helpers/engine';
import { tempDir } from '../helpers/cli';
import { INSTANCES, instance, SCHEMA_PATHS, xsdFindings } from './helpers';

const xmllint = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe.runIf(xmllint.status === 0 || process.env.CI)('verdict parity with native xmllint --schema', () => {
  const names = readdirSync(INSTANCES).filter((f) => f.endsWith('.xml'));
  it('covers a valid and an invalid instance of each message', () => {
    expect(names.filter((n) => n.includes('-valid')).length).toBe(4);
    expect(names.filter((n) => n.includes('-invalid')).length).toBe(4);
  });
  for (const name of names) {
    it(name, async () => {
      const { file, text } = instance(name);
      const ctx = context({ host: { ...createHost(), xsd: new LibxmlXsdService() }, settings: { schemaPaths: SCHEMA_PATHS } });
      const set = (await documentSchemaSet(analyzed({ uri: file, languageId: 'xml', text }), ctx))!;
      const dir = path.join(tmp.dir, name);
      for (const [virtual, content] of Object.entries(set.schema.files)) {
        const target = path.join(dir, virtual);
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, content.split('/__nhn__/').join(`${dir}/__nhn__/`));
      }
      const native = spawnSync('xmllint', ['--noout', '--nonet', '--schema', path.join(dir, set.schema.entry), file], { encoding: 'utf8' });
      const ours = (await xsdFindings(text, file)).filter((f) => f.severity === 'error');
      expect({ name, valid: ours.length === 0 }).toEqual({ name, valid: native.status === 0 });
      expect(native.status === 0).toBe(name.includes('-valid'));
    });
  }
});
