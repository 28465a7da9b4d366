// Every real NHN schema under ../shared/fixtures/nhn-schemas compiles through the resolver
// (namespace resolution of broken imports, the XSD 1.1 relaxation) in real libxml2.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LibxmlXsdService } from '../../server/src/engine/xsd/libxml';
import { SchemaIndex } from '../../server/src/engine/xsd/schema-index';
import { buildSchemaSet } from '../../server/src/engine/xsd/schema-set';
import { createHost } from '../../server/src/host/resolvers';

const FIXTURES = path.resolve(__dirname, '../../../shared/fixtures/nhn-schemas');

describe('the NHN fixture schemas', () => {
  it('all 112 (plus 8 duplicate copies) compile, except six whose Forskrivning import is not in the fixtures', async () => {
    const resolvers = createHost();
    const index = new SchemaIndex(resolvers as never);
    await index.ensure({ workspace: [], user: [FIXTURES], catalogs: [] });
    const all = index.all();
    expect(all.filter((s) => !s.path.includes('/duplicate-copies/'))).toHaveLength(112);
    expect(all).toHaveLength(120);
    const service = new LibxmlXsdService();
    const failed: string[] = [];
    const unresolved: string[] = [];
    const relaxed: string[] = [];
    for (const schema of all) {
      const set = await buildSchemaSet([{ namespace: schema.skeleton.targetNamespace ?? '', path: schema.path }], index);
      const result = await service.compile(set!.key + '|' + schema.path, () => set!.schema);
      if (!result.ok) failed.push(path.relative(FIXTURES, schema.path));
      for (const p of set!.problems) unresolved.push(`${path.basename(p.file)} ${p.kind} ${p.namespace}`);
      relaxed.push(...set!.relaxed.filter((p) => p === schema.path).map((p) => path.basename(p)));
      await service.invalidate();
    }
    // These six import Forskrivning 2008-10-09 / 2008-12-12, which NHN's fixture set does not contain
    // (native xmllint fails on them the same way): truly uncompilable, reported on the schema file.
    const missing = ['ER-M1-2008-10-09', 'ER-M1-2008-12-12', 'ER-M30-2008-10-09', 'ER-M30-2008-12-12', 'ER-Utlevering-2008-10-09', 'ER-Utlevering-2008-12-12'];
    expect(failed.sort()).toEqual(missing.map((m) => `eresept/${m}.xsd`));
    expect(all.length - failed.length).toBe(114);
    expect([...new Set(unresolved)].sort()).toEqual(
      [
        // Utlevering fails through its import of M1, so the problem sits on the M1 file.
        ...missing
          .filter((m) => !m.includes('Utlevering'))
          .map((m) => `${m}.xsd unresolved-import http://www.kith.no/xmlstds/eresept/forskrivning/${m.slice(-10)}`),
        'ER-M30-2007-09-01.xsd remote-not-fetched http://www.w3.org/1999/xhtml',
      ].sort(),
    );
    expect(relaxed.sort()).toEqual(['ER-M1-2013-10-08-extension-1.xsd', 'ER-M251-2013-10-08-extension-1.xsd', 'ER-M5-2013-04-16-extension-1.xsd']);
  }, 120000);
});
