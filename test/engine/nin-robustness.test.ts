// Hostile and degenerate input for the nin check: unclosed structures, endless claims, one-line files,
// digit floods. Each must finish with the right (mostly empty) answer; speed is measured in bench/.

import { describe, expect, it } from 'vitest';
import { analyze, BUILTIN_RULES } from '../../server/src/engine';
import { ninCheck } from '../../server/src/engine/nin/check';
import { context } from '../helpers/engine';

const nin = async (text: string, languageId: string) => (await analyze({ uri: 'file:///x', languageId, text }, context(), [ninCheck(BUILTIN_RULES)])).findings;

describe('nin check on degenerate input', () => {
  const cases: [string, string, string, number][] = [
    ['many FHIR identifiers', 'json', '[' + Array(5000).fill('{"system":"urn:oid:2.16.578.1.12.4.1.4.1","value":"12345678901"}').join(',') + ']', 5000],
    ['systems in never-closed objects', 'json', '{"system":"urn:oid:2.16.578.1.12.4.1.4.1", "x": 123456,'.repeat(3000), 0],
    ['systems between stray braces', 'json', '}{"system":"urn:oid:2.16.578.1.12.4.1.4.1", "x": 123456,'.repeat(3000), 0],
    ['unclosed Ident elements', 'xml', '<Ident><Id>123456</Id>'.repeat(6000), 0],
    ['TypeIds in unclosed comments', 'xml', '<TypeId V="FNR"/> 123456 <!-- '.repeat(6000), 0],
    // Unclosed, so nested 3000 deep: each still holds a system and a (wrong) value.
    ['unclosed identifiers', 'xml', '<identifier><system value="urn:oid:2.16.578.1.12.4.1.4.1"/><value value="123456"/>'.repeat(3000), 3000],
    ['the same, not as an XML document', 'plaintext', '<identifier><system value="urn:oid:2.16.578.1.12.4.1.4.1"/><value value="123456"/>'.repeat(3000), 0],
    ['a flood of digits on one line', 'plaintext', '1234567890'.repeat(10000), 0],
    ['spaced digit groups', 'plaintext', '123456 12345 '.repeat(8000), 0],
    ['account words before zeros, one line', 'plaintext', ('konto ' + '0'.repeat(11) + ' ').repeat(5000), 0],
    ['base64 lines', 'plaintext', ('QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0123456789+/'.repeat(2) + '\n').repeat(2000), 0],
  ];
  for (const [what, lang, text, count] of cases) {
    it(what, async () => {
      const found = await nin(text, lang);
      expect(found.length).toBe(count);
      if (count) expect(new Set(found.map((f) => f.ruleId))).toEqual(new Set(['nin/not-an-identity-number']));
    });
  }
});
