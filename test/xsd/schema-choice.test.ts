// When several different files declare a namespace an import needs, the pick is deterministic (nearest
// to the importing schema, then path) and said on the import, in the schema file being edited.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rangeOf } from '../helpers/engine';
import { FIXTURES, xsdFindings } from './helpers';

describe('xsd/schema-choice on imports', () => {
  const file = path.join(FIXTURES, 'eresept/ER-M911-2021-10-01.xsd');
  const text = readFileSync(file, 'latin1');

  it('a broken import path with two different kith.xsd copies: the nearer one is used, the other named', async () => {
    const findings = await xsdFindings(text, file, [
      path.join(FIXTURES, 'eresept'),
      path.join(FIXTURES, 'felleskomponenter'),
      path.join(FIXTURES, 'kith-core'),
    ]);
    const choices = findings.filter((f) => f.ruleId === 'xsd/schema-choice');
    expect(choices).toHaveLength(1);
    expect(choices[0]).toMatchObject({
      severity: 'hint',
      range: rangeOf(text, '../../felleskomponenter/kith.xsd'),
      message: `2 files declare KITH data types (kith.xsd) 1.0; using ${path.join(FIXTURES, 'felleskomponenter/kith.xsd')} (also: ${path.join(FIXTURES, 'kith-core/kith.xsd')}).`,
    });
    // Deterministic: the same answer with the folders given in the other order.
    const again = await xsdFindings(text, file, [path.join(FIXTURES, 'kith-core'), path.join(FIXTURES, 'felleskomponenter'), path.join(FIXTURES, 'eresept')]);
    expect(again.filter((f) => f.ruleId === 'xsd/schema-choice').map((f) => f.message)).toEqual([choices[0].message]);
  });

  it('one copy: nothing to say', async () => {
    const findings = await xsdFindings(text, file, [path.join(FIXTURES, 'eresept'), path.join(FIXTURES, 'felleskomponenter')]);
    expect(findings.filter((f) => f.ruleId === 'xsd/schema-choice')).toEqual([]);
  });
});
