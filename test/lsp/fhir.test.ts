// FHIR through the real server: diagnostics with exact ranges, the case quick fix, hover with the
// element definition and cardinality, completion of property names and of required-binding codes.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CodeActionRequest, CompletionRequest, HoverRequest, type CodeAction, type CompletionItem } from 'vscode-languageserver-protocol';
import { positionOf, rangeOf } from '../helpers/engine';
import { applyEdits, startServer, type LspSession } from '../helpers/lsp';
import { NO_BASIS } from '../fhir/helpers';

describe('FHIR R4 over LSP', () => {
  let lsp: LspSession;
  beforeAll(async () => {
    lsp = await startServer({ settings: { today: '2026-11-26', fhir: { packagePaths: [NO_BASIS] } } });
  });
  afterAll(() => lsp.close());

  const uri = 'file:///work/fhir/pasient.json';
  const text = '{\n  "resourceType": "Patient",\n  "gender": "Female",\n  "birthDate": "1970-01-01",\n  "name": [{ "family": "Nordmann" }]\n}\n';

  it('publishes the binding error on the value, with a quick fix to the right case', async () => {
    lsp.open(uri, 'json', text);
    const diags = await lsp.diagnostics(uri, (d) => d.some((x) => x.code === 'fhir/binding'));
    const binding = diags.find((d) => d.code === 'fhir/binding')!;
    expect(binding.range).toEqual(rangeOf(text, 'Female'));
    expect(binding.message).toBe("Patient.gender: 'Female' is not in the required value set administrative-gender (male | female | other | unknown)");
    const actions = (await lsp.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: binding.range,
      context: { diagnostics: [binding] },
    })) as CodeAction[];
    const fix = actions.find((a) => a.title === "Change to 'female'")!;
    expect(applyEdits(text, fix.edit!.changes![uri])).toContain('"gender": "female"');
  });

  it('hovers with the element definition, type, cardinality and binding', async () => {
    const hover = await lsp.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(text, 'gender') });
    const value = (hover!.contents as { value: string }).value;
    expect(value).toContain('**Patient.gender** · `code` · 0..1');
    expect(value).toContain('Administrative Gender');
    expect(value).toContain(
      'Binding (required): [administrative-gender](http://hl7.org/fhir/ValueSet/administrative-gender) — male | female | other | unknown',
    );
  });

  it('hovers on the key of an array property with the element of the array', async () => {
    const hover = await lsp.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(text, '"name"') });
    const value = (hover!.contents as { value: string }).value;
    expect(value).toContain('**Patient.name** · `HumanName` · 0..*');
  });

  it('completes property names where a key goes', async () => {
    const doc = '{\n  "resourceType": "Patient",\n  "bi"\n}\n';
    const u = 'file:///work/fhir/complete-key.json';
    lsp.open(u, 'json', doc);
    const at = positionOf(doc, '"bi"');
    const items = (await lsp.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: u },
      position: { line: at.line, character: at.character + 3 },
    })) as CompletionItem[];
    const birth = items.find((i) => i.label === 'birthDate')!;
    expect(birth.detail).toBe('date 0..1');
    expect(items.map((i) => i.label)).toContain('deceasedBoolean');
    expect(items.map((i) => i.label)).not.toContain('resourceType');
  });

  it('completes the codes of a required binding where a value goes', async () => {
    const doc = '{ "resourceType": "Patient", "gender": "" }';
    const u = 'file:///work/fhir/complete-code.json';
    lsp.open(u, 'json', doc);
    const at = positionOf(doc, '""');
    const items = (await lsp.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: u },
      position: { line: at.line, character: at.character + 1 },
    })) as CompletionItem[];
    expect(items.map((i) => i.label)).toEqual(['male', 'female', 'other', 'unknown']);
  });

  it('completes element names and codes in FHIR XML', async () => {
    const doc = '<Patient xmlns="http://hl7.org/fhir">\n  <gender value=""/>\n  <\n</Patient>';
    const u = 'file:///work/fhir/pasient.xml';
    lsp.open(u, 'xml', doc);
    const lt = positionOf(doc, '<\n');
    const names = (await lsp.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: u },
      position: { line: lt.line, character: lt.character + 1 },
    })) as CompletionItem[];
    const birth = names.find((i) => i.label === 'birthDate')!;
    expect(birth.textEdit).toMatchObject({ newText: '<birthDate value="$1"/>' });
    const q = positionOf(doc, '""');
    const codes = (await lsp.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: u },
      position: { line: q.line, character: q.character + 1 },
    })) as CompletionItem[];
    expect(codes.map((i) => i.label)).toEqual(['male', 'female', 'other', 'unknown']);
  });

  it('checks extensions against their definitions (no-basis, XML): wrong value type, unknown modifier extension', async () => {
    const doc = [
      '<Patient xmlns="http://hl7.org/fhir">',
      '  <modifierExtension url="http://example.org/fhir/StructureDefinition/ikke-gjeldende"><valueBoolean value="true"/></modifierExtension>',
      '  <name>',
      '    <extension url="http://hl7.no/fhir/StructureDefinition/no-basis-middlename"><valueInteger value="3"/></extension>',
      '    <family value="Hansen"/>',
      '  </name>',
      '</Patient>',
    ].join('\n');
    const u = 'file:///work/fhir/pasient-utvidelser.xml';
    lsp.open(u, 'xml', doc);
    const diags = await lsp.diagnostics(u, (d) => d.some((x) => x.code === 'fhir/type'));
    const seen = diags
      .filter((d) => String(d.code).startsWith('fhir/') && d.severity !== 4)
      .map((d) => ({ code: d.code, severity: d.severity, range: d.range, message: d.message }));
    expect(seen).toEqual([
      {
        code: 'fhir/unknown-modifier-extension',
        severity: 2,
        range: rangeOf(doc, 'http://example.org/fhir/StructureDefinition/ikke-gjeldende'),
        message:
          "Patient.modifierExtension[0]: modifier extension 'http://example.org/fhir/StructureDefinition/ikke-gjeldende' has no definition here (R4, workspace, nhn.fhir.packagePaths, ~/.fhir/packages); a system must not ignore a modifier extension it does not know",
      },
      {
        code: 'fhir/type',
        severity: 1,
        range: rangeOf(doc, 'valueInteger'),
        message: 'Patient.name[0].extension[0].valueInteger: type integer is not allowed here (allowed: string)',
      },
    ]);
  });

  it('hovers on an extension url with its definition: value types, parts, context', async () => {
    const doc = JSON.stringify(
      {
        resourceType: 'Patient',
        extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/patient-citizenship', extension: [{ url: 'code', valueCodeableConcept: { text: 'NO' } }] }],
        name: [{ extension: [{ url: 'http://hl7.no/fhir/StructureDefinition/no-basis-middlename', valueString: 'Lie' }], family: 'Berg' }],
      },
      null,
      2,
    );
    const u = 'file:///work/fhir/hover-extension.json';
    lsp.open(u, 'json', doc);
    const hoverAt = async (needle: string) =>
      ((await lsp.connection.sendRequest(HoverRequest.type, { textDocument: { uri: u }, position: positionOf(doc, needle) }))!.contents as { value: string })
        .value;
    const middle = await hoverAt('no-basis-middlename');
    expect(middle).toContain('**NoBasisMiddlename** · Extension · http://hl7.no/fhir/StructureDefinition/no-basis-middlename');
    expect(middle).toContain('Value: `string`');
    expect(middle).toContain('Used on: HumanName');
    const citizenship = await hoverAt('patient-citizenship');
    expect(citizenship).toContain('Value: no value: a complex extension');
    expect(citizenship).toContain('Parts: `code` 0..1, `period` 0..1');
    expect(citizenship).toContain('Used on: Patient');
  });

  it('hovers on a response item linkId with the questionnaire item: text, type, flags, options, enableWhen; in XML and Norwegian too', async () => {
    const questionnaire = {
      resourceType: 'Questionnaire',
      url: 'http://example.org/fhir/Questionnaire/royk',
      status: 'active',
      item: [
        { linkId: 'royker', text: 'Røyker du?', type: 'boolean', required: true },
        {
          linkId: 'mengde',
          text: 'Hvor mye røyker du?',
          type: 'choice',
          enableWhen: [{ question: 'royker', operator: '=', answerBoolean: true }],
          answerOption: [{ valueCoding: { code: 'lite', display: 'Lite' } }, { valueCoding: { code: 'mye', display: 'Mye' } }],
        },
      ],
    };
    const response = {
      resourceType: 'QuestionnaireResponse',
      questionnaire: '#royk',
      status: 'completed',
      contained: [{ ...questionnaire, id: 'royk' }],
      item: [
        { linkId: 'royker', answer: [{ valueBoolean: true }] },
        { linkId: 'mengde', answer: [{ valueCoding: { code: 'lite' } }] },
        { linkId: 'ukjent', answer: [{ valueString: 'x' }] },
      ],
    };
    const doc = JSON.stringify(response, null, 2);
    const u = 'file:///work/fhir/hover-linkid.json';
    lsp.open(u, 'json', doc);
    const hoverAt = async (uri: string, text: string, needle: string, occurrence = 0) => {
      const hover = await lsp.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(text, needle, occurrence) });
      return (hover!.contents as { value: string }).value;
    };
    // The first 'mengde' is the contained questionnaire's own item; the response's is the second.
    expect(await hoverAt(u, doc, 'mengde', 1)).toBe(
      '**mengde** · Questionnaire item · `choice`\n\nHvor mye røyker du?\n\nAnswer options: `lite` | `mye`\n\nShown when: royker = true',
    );
    expect(await hoverAt(u, doc, 'royker', 2)).toBe('**royker** · Questionnaire item · `boolean` · required\n\nRøyker du?');
    expect(await hoverAt(u, doc, 'ukjent')).toBe("linkId 'ukjent' is not an item of the questionnaire #royk");

    const nb = await startServer({ settings: { today: '2026-11-26', language: 'nb' } });
    try {
      const xml = `<QuestionnaireResponse xmlns="http://hl7.org/fhir">
  <questionnaire value="http://example.org/fhir/Questionnaire/royk"/>
  <status value="completed"/>
  <item><linkId value="royker"/><answer><valueBoolean value="true"/></answer></item>
</QuestionnaireResponse>
`;
      const bundleUri = 'file:///work/fhir/hover-linkid.xml';
      nb.open(bundleUri, 'xml', xml);
      const hover = await nb.connection.sendRequest(HoverRequest.type, { textDocument: { uri: bundleUri }, position: positionOf(xml, 'royker') });
      expect((hover!.contents as { value: string }).value).toBe(
        'Skjemaet http://example.org/fhir/Questionnaire/royk ble ikke funnet (contained, Bundle, arbeidsområdet, nhn.fhir.packagePaths, ~/.fhir/packages)',
      );
    } finally {
      await nb.close();
    }
  });
});
