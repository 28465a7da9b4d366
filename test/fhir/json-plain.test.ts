// The plain-JSON scanner (fhir/json-plain.ts) builds the same FHIR tree as jsonc-parser, span for span, on
// every FHIR JSON file at hand; text that is not plain JSON goes to jsonc-parser (same syntax findings).

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFhirJson } from '../../server/src/engine/fhir/json';
import type { FhirDocument, FhirNode } from '../../server/src/engine/fhir/tree';

const FIXTURES = path.resolve(__dirname, '../../../shared/fixtures');

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? jsonFiles(file) : name.endsWith('.json') ? [file] : [];
  });
}

/** The tree with everything the validator reads, the array-form spans included (a WeakMap toEqual cannot see). */
function shape(doc: FhirDocument | undefined): unknown {
  if (!doc) return undefined;
  const node = (n: FhirNode): unknown => ({ ...n, arrays: [...(doc.arrays.get(n) ?? [])], children: n.children.map(node) });
  return { format: doc.format, root: node(doc.root), syntaxErrors: doc.syntaxErrors };
}

const resources = [...jsonFiles(path.join(FIXTURES, 'fhir')), ...jsonFiles(path.join(FIXTURES, 'fhir-test-cases')), ...jsonFiles(path.join(__dirname, 'valid'))]
  .map((file) => ({ file: path.relative(FIXTURES, file), text: readFileSync(file, 'utf8') }))
  .filter((r) => /"resourceType"/.test(r.text));

const crafted = {
  escapes: '{"resourceType":"Patient","name":[{"family":"A\\"b\\\\c\\/\\u00e9\\n\\t\\ud83d\\ude00","given":["x"]}]}',
  numbers: '{"resourceType":"Observation","valueQuantity":{"value":-0.5e-3},"component":[{"valueInteger":0},{"valueDecimal":1E+2},{"valueDecimal":-0}]}',
  nested: '{ "resourceType" : "Basic" , "a" : [ [ 1 , [ ] ] , { } , [ ] ] , "b" : { } , "c" : [ ] , "d" : null , "e" : true , "f" : false }',
  underscores: '{"resourceType":"Patient","name":[{"given":["A","B"],"_given":[null,{"extension":[{"url":"u","valueString":"v"}]}]}],"_gender":{"id":"g"}}',
  whitespace: '\r\n\t {\r\n\t"resourceType":\t"Patient"\r\n}\r\n',
};

const notPlain = {
  'trailing comma': '{"resourceType":"Patient","active":true,}',
  comment: '{"resourceType":"Patient", // a comment\n"active":true}',
  'control character in a string': '{"resourceType":"Patient","id":"a\tb"}',
  'leading zero': '{"resourceType":"Patient","multipleBirthInteger":01}',
  'cut off': '{"resourceType":"Patient","name":[{"family":"A"',
  'bad literal': '{"resourceType":"Patient","active":tru}',
  'text after the root': '{"resourceType":"Patient"} x',
  'byte-order mark': '\ufeff{"resourceType":"Patient"}',
  'bad escape': '{"resourceType":"Patient","id":"a\\x"}',
};

describe('FHIR JSON: the plain-JSON scanner', () => {
  it('reads at least 100 FHIR JSON files from the fixtures', () => expect(resources.length).toBeGreaterThanOrEqual(100));

  it.each(resources.map((r) => [r.file, r.text]))('%s: the same tree as jsonc-parser', (_file, text) => {
    const plain = (() => {
      try {
        return { tree: shape(parseFhirJson(text, 'plain')) };
      } catch {
        return undefined; // not plain JSON: the default path falls back, checked below
      }
    })();
    const jsonc = shape(parseFhirJson(text, 'jsonc'));
    if (plain) expect(plain.tree).toEqual(jsonc);
    expect(shape(parseFhirJson(text))).toEqual(jsonc);
  });

  it('takes the plain path for nearly every fixture (they are well-formed JSON)', () => {
    const plainOk = resources.filter((r) => {
      try {
        parseFhirJson(r.text, 'plain');
        return true;
      } catch {
        return false;
      }
    });
    expect(plainOk.length).toBeGreaterThanOrEqual(resources.length - 5);
  });

  it.each(Object.entries(crafted))('%s: the same tree as jsonc-parser', (_name, text) => {
    const plain = shape(parseFhirJson(text, 'plain'));
    expect(plain).toBeDefined();
    expect(plain).toEqual(shape(parseFhirJson(text, 'jsonc')));
  });

  it.each(Object.entries(notPlain))('%s: left to jsonc-parser (same tree and syntax errors)', (_name, text) => {
    expect(() => parseFhirJson(text, 'plain')).toThrow('not plain JSON');
    expect(shape(parseFhirJson(text))).toEqual(shape(parseFhirJson(text, 'jsonc')));
  });
});
