// The identity-number data files: valid against their schemas, and consistent with the classifier.

import { describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import preg from '../../server/data/nin/preg-test-persons.json';
import catalog from '../../client/data/syntpop-catalog.json';
import pregSchema from '../../schemas/preg-test-persons.schema.json';
import personsSchema from '../../schemas/testpersons.schema.json';
import { classifyNin } from '../../server/src/engine';

describe('nin data', () => {
  it('the PREG list matches its schema and holds only valid, plain numbers', () => {
    const validate = new Ajv({ strict: true }).compile(pregSchema);
    expect(validate(preg), JSON.stringify(validate.errors)).toBe(true);
    expect(preg.persons.length).toBe(43);
    for (const p of preg.persons) expect([p.nin, classifyNin(p.nin).kind]).toEqual([p.nin, 'fnr']);
  });

  it('the bundled SyntPop catalog matches its schema; every person is synthetic with the birth date and sex of the number', () => {
    const validate = new Ajv({ strict: true }).compile(personsSchema);
    expect(validate(catalog), JSON.stringify(validate.errors)).toBe(true);
    for (const p of catalog.persons) {
      const info = classifyNin(p.nin);
      expect([p.name, info.valid, info.synthetic, info.birthDate, info.sex]).toEqual([p.name, true, true, p.birthDate, p.sex]);
    }
  });
});
