// A large FHIR Bundle edited through the real server: after edits that the server analyses one by one,
// and after edits that come faster than it analyses, the diagnostics of the edited document are those of
// the same text opened fresh. The edited document goes through the parse and check that reuse the
// previous version's entries (fhir/json-plain.ts, fhir/entry-units.ts); the fresh one does not.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic, Position } from 'vscode-languageserver-protocol';
import { startServer, type LspSession } from '../helpers/lsp';
import { NO_BASIS } from '../fhir/helpers';

function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** A 100-entry Bundle: Patients (some with a wrong gender code) and Observations referring to them. */
function bundle(): string {
  const entry = [];
  for (let i = 0; i < 100; i++) {
    const resource =
      i % 2 === 0
        ? { resourceType: 'Patient', id: `p${i}`, gender: i % 10 === 0 ? 'Female' : 'female', birthDate: '1970-01-01' }
        : { resourceType: 'Observation', id: `o${i}`, status: 'final', code: { text: 'puls' }, subject: { reference: `urn:uuid:p${i - 1}` } };
    entry.push({ fullUrl: `urn:uuid:${resource.id}`, resource, request: { method: 'POST', url: resource.resourceType } });
  }
  return `${JSON.stringify({ resourceType: 'Bundle', type: 'transaction', entry }, null, 2)}\n`;
}

/** What a user sees of a diagnostic, in a stable order. */
const seen = (ds: Diagnostic[]) =>
  ds.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code} ${d.severity} ${d.message}`).sort();

describe('a large FHIR Bundle edited over LSP', () => {
  let lsp: LspSession;
  beforeAll(async () => {
    lsp = await startServer({ settings: { today: '2026-12-07', fhir: { packagePaths: [NO_BASIS] } } });
  });
  afterAll(() => lsp.close());

  const uri = 'file:///work/fhir/edited-bundle.json';
  let text = bundle();
  let version = 1;

  /** Replaces the first `find` at or after `from` (a marker text) and sends the change as a range edit. */
  const edit = (marker: string, find: string, replace: string) => {
    const at = text.indexOf(find, text.indexOf(marker));
    expect(at).toBeGreaterThanOrEqual(0);
    const range = { start: positionAt(text, at), end: positionAt(text, at + find.length) };
    text = text.slice(0, at) + replace + text.slice(at + find.length);
    lsp.change(uri, ++version, [{ range, text: replace }]);
  };
  const settled = () => lsp.diagnostics(uri, () => lsp.version(uri) === version, 30000);
  const fresh = async (name: string) => {
    const u = `file:///work/fhir/${name}.json`;
    lsp.open(u, 'json', text);
    return lsp.diagnostics(u, () => lsp.version(u) === 1, 30000);
  };

  it('gives the diagnostics of the same text opened fresh, after edits analysed one by one', async () => {
    lsp.open(uri, 'json', text);
    const first = await lsp.diagnostics(uri, () => lsp.version(uri) === 1, 30000);
    expect(first.filter((d) => d.code === 'fhir/binding')).toHaveLength(10);
    edit('"id": "o41"', '"final"', '"done"');
    await settled();
    edit('"id": "p50"', '"female"', '"Male"');
    await settled();
    edit('"id": "o11"', '"urn:uuid:p10"', '"urn:uuid:nowhere"');
    await settled();
    edit('"id": "p20"', '"birthDate"', '\n        "birthdate"');
    const edited = await settled();
    expect(seen(edited)).toEqual(seen(await fresh('fresh-1')));
    expect(edited.some((d) => d.code === 'fhir/unknown-element')).toBe(true);
  });

  it('gives the diagnostics of the same text opened fresh, after edits faster than the analysis', async () => {
    edit('"id": "p60"', '"Female"', '"female"');
    edit('"id": "o61"', '"puls"', '"pulse"');
    edit('"fullUrl": "urn:uuid:p2"', 'p2', 'p2x');
    edit('"id": "p90"', '"1970-01-01"', '"1970-13-01"');
    const edited = await settled();
    expect(seen(edited)).toEqual(seen(await fresh('fresh-2')));
    // p60's gender fixed; p52's 'Male' and o41's 'done' from the first round; p90's month 13 new.
    const messages = edited.map((d) => d.message);
    expect(edited.filter((d) => d.code === 'fhir/binding')).toHaveLength(11);
    expect(messages).toContain("Patient.gender: 'Male' is not in the required value set administrative-gender (male | female | other | unknown)");
    expect(messages).toContain("Patient.birthDate: '1970-13-01' is not a valid date");
  });
});
