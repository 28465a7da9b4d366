// A StructureDefinition's own slicing and fixed values, as the reference validator's snapshot generator
// reads them: a slice redefining the slicing its sliced element introduced, a discriminator path the
// sliced element's type does not have, and a derived profile re-fixing what its base fixes (a derived
// extension's url); JSON and XML alike, exact ranges, Norwegian messages.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHost } from '../../server/src/host/resolvers';
import { findingsFor, positionOf, rangeOf } from '../helpers/engine';
import { fhirFindings, seen } from './helpers';
import { fhirJsonToXml } from './to-xml';

const BASE = 'http://example.org/fhir/StructureDefinition/';
const host = createHost();
const of = async (text: string, rule: string, lang = 'json', settings: Record<string, unknown> = { fhirPackagePaths: [] }) =>
  (await fhirFindings(text, lang, settings)).filter((f) => f.ruleId === rule);

const profile = (type: string, base: string, elements: Record<string, unknown>[], over: Record<string, unknown> = {}) =>
  JSON.stringify(
    {
      resourceType: 'StructureDefinition',
      url: `${BASE}${type.toLowerCase()}-test`,
      name: `${type}Test`,
      status: 'draft',
      kind: type === 'Extension' ? 'complex-type' : 'resource',
      abstract: false,
      ...over,
      type,
      baseDefinition: base,
      derivation: 'constraint',
      differential: { element: elements },
    },
    null,
    2,
  );

describe('fhir/sd-slicing', () => {
  const agentExtension = (sliceSlicing: Record<string, unknown> | undefined, discriminatorPath = 'url') =>
    profile('AuditEvent', 'http://hl7.org/fhir/StructureDefinition/AuditEvent', [
      { id: 'AuditEvent.agent', path: 'AuditEvent.agent', slicing: { discriminator: [{ type: 'pattern', path: 'type' }], rules: 'open' } },
      {
        id: 'AuditEvent.agent.extension',
        path: 'AuditEvent.agent.extension',
        slicing: { discriminator: [{ type: 'value', path: discriminatorPath }], ordered: false, rules: 'open' },
      },
      {
        id: 'AuditEvent.agent.extension:annenId',
        path: 'AuditEvent.agent.extension',
        sliceName: 'annenId',
        ...(sliceSlicing ? { slicing: sliceSlicing } : {}),
        type: [{ code: 'Extension', profile: [`${BASE}annen-id`] }],
      },
    ]);

  it('a slice that repeats the slicing (or leaves out ordered and rules) is fine; one that changes it is an error on its slicing', async () => {
    expect(await of(agentExtension(undefined), 'fhir/sd-slicing')).toEqual([]);
    expect(await of(agentExtension({ discriminator: [{ type: 'value', path: 'url' }], ordered: false, rules: 'open' }), 'fhir/sd-slicing')).toEqual([]);
    expect(await of(agentExtension({ discriminator: [{ type: 'value', path: 'url' }] }), 'fhir/sd-slicing')).toEqual([]);

    const text = agentExtension({ discriminator: [{ type: 'value', path: 'url' }], rules: 'closed' });
    const at = positionOf(text, '"slicing"', 2);
    expect((await of(text, 'fhir/sd-slicing')).map(seen)).toEqual([
      {
        rule: 'fhir/sd-slicing',
        range: { start: { line: at.line, character: at.character + 1 }, end: { line: at.line, character: at.character + 8 } },
        message:
          'StructureDefinition.differential.element[2].slicing: the element at AuditEvent.agent.extension defines the slicing unordered/open [value=url], but the slice AuditEvent.agent.extension:annenId tries to redefine it as ??/closed [value=url]',
      },
    ]);
  });

  it('a slice in another slice of the parent is not compared with the intro of a different scope', async () => {
    const text = profile('AuditEvent', 'http://hl7.org/fhir/StructureDefinition/AuditEvent', [
      { id: 'AuditEvent.agent.extension', path: 'AuditEvent.agent.extension', slicing: { discriminator: [{ type: 'value', path: 'url' }], rules: 'open' } },
      { id: 'AuditEvent.agent:bruker', path: 'AuditEvent.agent', sliceName: 'bruker' },
      {
        id: 'AuditEvent.agent:bruker.extension:x',
        path: 'AuditEvent.agent.extension',
        sliceName: 'x',
        slicing: { discriminator: [{ type: 'value', path: 'value' }], rules: 'open' },
      },
    ]);
    expect(await of(text, 'fhir/sd-slicing')).toEqual([]);
  });

  it('a discriminator path the sliced element does not have is an error on the path; choices, backbones and functions are fine', async () => {
    const text = agentExtension(undefined, 'type');
    // The second `"path": "type"`: the extension's discriminator (the first, on agent, is right).
    const at = positionOf(text, '"path": "type"', 1);
    expect((await of(text, 'fhir/sd-slicing')).map(seen)).toEqual([
      {
        rule: 'fhir/sd-slicing',
        range: { start: { line: at.line, character: at.character + 9 }, end: { line: at.line, character: at.character + 13 } },
        message:
          "StructureDefinition.differential.element[1].slicing.discriminator[0]: the discriminator path 'type' is not an element of the sliced element AuditEvent.agent.extension",
      },
    ]);
    const fine = profile('Observation', 'http://hl7.org/fhir/StructureDefinition/Observation', [
      {
        id: 'Observation.component',
        path: 'Observation.component',
        slicing: { discriminator: [{ type: 'pattern', path: 'code.coding.code' }], rules: 'open' },
      },
      { id: 'Observation.value[x]', path: 'Observation.value[x]', slicing: { discriminator: [{ type: 'type', path: '$this' }], rules: 'closed' } },
      { id: 'Observation.extension', path: 'Observation.extension', slicing: { discriminator: [{ type: 'value', path: 'value' }], rules: 'open' } },
      { id: 'Observation.hasMember', path: 'Observation.hasMember', slicing: { discriminator: [{ type: 'profile', path: 'resolve()' }], rules: 'open' } },
      {
        id: 'Observation.identifier',
        path: 'Observation.identifier',
        slicing: { discriminator: [{ type: 'value', path: "extension('http://example.org/x').value" }], rules: 'open' },
      },
    ]);
    expect(await of(fine, 'fhir/sd-slicing')).toEqual([]);
  });

  it('XML: the same findings; Norwegian messages', async () => {
    const text = agentExtension({ discriminator: [{ type: 'value', path: 'type' }] });
    const xml = fhirJsonToXml(text);
    expect((await of(xml, 'fhir/sd-slicing', 'xml')).map((f) => f.message)).toEqual([
      'StructureDefinition.differential.element[2].slicing: the element at AuditEvent.agent.extension defines the slicing unordered/open [value=url], but the slice AuditEvent.agent.extension:annenId tries to redefine it as ??/?? [value=type]',
      "StructureDefinition.differential.element[2].slicing.discriminator[0]: the discriminator path 'type' is not an element of the sliced element AuditEvent.agent.extension",
    ]);
    const nb = (await findingsFor(text, 'json', { host, language: 'nb', settings: { fhirPackagePaths: [] } })).filter((f) => f.ruleId === 'fhir/sd-slicing');
    expect(nb.map((f) => f.message)).toEqual([
      'StructureDefinition.differential.element[2].slicing: elementet AuditEvent.agent.extension definerer snittingen unordered/open [value=url], men snittet AuditEvent.agent.extension:annenId prøver å definere den på nytt som ??/?? [value=type]',
      "StructureDefinition.differential.element[2].slicing.discriminator[0]: diskriminatorstien 'type' er ikke et element i det snittede elementet AuditEvent.agent.extension",
    ]);
  });
});

describe('fhir/sd-fixed-base', () => {
  let dir: string;
  const BASE_EXT = `${BASE}grunnutvidelse`;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'nhn-fhir-sd-fixed-'));
    writeFileSync(
      path.join(dir, 'StructureDefinition-grunnutvidelse.json'),
      profile(
        'Extension',
        'http://hl7.org/fhir/StructureDefinition/Extension',
        [
          { id: 'Extension.extension', path: 'Extension.extension', max: '0' },
          { id: 'Extension.url', path: 'Extension.url', fixedUri: BASE_EXT },
          { id: 'Extension.value[x]', path: 'Extension.value[x]', type: [{ code: 'string' }] },
        ],
        { url: BASE_EXT, context: [{ type: 'element', expression: 'Element' }] },
      ),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const derived = (url: string, base = BASE_EXT) =>
    profile(
      'Extension',
      base,
      [
        { id: 'Extension.url', path: 'Extension.url', fixedUri: url },
        { id: 'Extension.value[x]', path: 'Extension.value[x]', type: [{ code: 'string' }] },
      ],
      { url: `${BASE}avledet`, context: [{ type: 'element', expression: 'Element' }] },
    );

  it("a derived extension keeping its base's url is fine; re-fixing it to its own url is an error on the value", async () => {
    const settings = { fhirPackagePaths: [dir] };
    expect(await of(derived(BASE_EXT), 'fhir/sd-fixed-base', 'json', settings)).toEqual([]);
    const text = derived(`${BASE}avledet`);
    expect((await of(text, 'fhir/sd-fixed-base', 'json', settings)).map(seen)).toEqual([
      {
        rule: 'fhir/sd-fixed-base',
        range: rangeOf(text, `${BASE}avledet`, 1),
        message: `Extension.url: the value is '${BASE}avledet', but the base profile ${BASE_EXT} fixes it to '${BASE_EXT}'`,
      },
    ]);
    expect((await of(fhirJsonToXml(text), 'fhir/sd-fixed-base', 'xml', settings)).map((f) => f.message)).toEqual([
      `Extension.url: the value is '${BASE}avledet', but the base profile ${BASE_EXT} fixes it to '${BASE_EXT}'`,
    ]);
    // Without the base (not in any folder) nothing can be compared.
    expect(await of(text, 'fhir/sd-fixed-base')).toEqual([]);
  });

  it("R4's own extensions are bases too (patient-birthPlace fixes its url)", async () => {
    const core = 'http://hl7.org/fhir/StructureDefinition/patient-birthPlace';
    const text = profile(
      'Extension',
      core,
      [
        { id: 'Extension.url', path: 'Extension.url', fixedUri: `${BASE}fodested` },
        { id: 'Extension.value[x]', path: 'Extension.value[x]', type: [{ code: 'Address' }] },
      ],
      { url: `${BASE}fodested`, context: [{ type: 'element', expression: 'Patient' }] },
    );
    expect((await of(text, 'fhir/sd-fixed-base')).map((f) => [f.range, f.message])).toEqual([
      [rangeOf(text, `${BASE}fodested`, 1), `Extension.url: the value is '${BASE}fodested', but the base profile ${core} fixes it to '${core}'`],
    ]);
  });
});
