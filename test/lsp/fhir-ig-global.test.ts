// ImplementationGuide.global through the real server: an ImplementationGuide saved into the workspace
// applies its profile to the open Patient (revalidated on the file event, no reopen), and deleting
// it lifts the profile again.

import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DidChangeWatchedFilesNotification, FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol';
import { rangeOf } from '../helpers/engine';
import { startServer, type LspSession } from '../helpers/lsp';

const IG_PACKAGE = path.resolve(__dirname, '../fhir/ig-global/package');
const PROFILE = 'http://example.org/fhir/StructureDefinition/global-patient';

describe('ImplementationGuide.global over LSP', () => {
  let lsp: LspSession;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'nhn-lsp-ig-global-'));
    cpSync(path.join(IG_PACKAGE, 'StructureDefinition-global-patient.json'), path.join(dir, 'StructureDefinition-global-patient.json'));
    lsp = await startServer({ settings: { today: '2026-11-26' }, workspaceFolders: [dir] });
  });
  afterAll(async () => {
    await lsp.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const errors = (d: Diagnostic[]) => d.filter((x) => x.severity === 1);

  it('a guide saved into the workspace applies its profile to the open Patient; deleting it lifts it', async () => {
    const uri = pathToFileURL(path.join(dir, 'pasient.json')).href;
    const text = '{\n  "resourceType": "Patient",\n  "id": "p1",\n  "birthDate": "1968-08-04"\n}\n';
    lsp.open(uri, 'json', text);
    expect(errors(await lsp.diagnostics(uri))).toEqual([]);

    const guide = path.join(dir, 'ImplementationGuide-ws.json');
    writeFileSync(
      guide,
      JSON.stringify({
        resourceType: 'ImplementationGuide',
        url: 'http://example.org/fhir/ImplementationGuide/ws',
        global: [{ type: 'Patient', profile: PROFILE }],
      }),
    );
    await lsp.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(guide).href, type: FileChangeType.Created }],
    });
    const applied = errors(await lsp.diagnostics(uri, (d) => errors(d).length > 0));
    expect(applied.map((d) => [d.code, d.range, d.message])).toEqual([
      ['fhir/cardinality', rangeOf(text, '"Patient"'), "Patient: 'identifier' is required (minimum 1, found 0)"],
    ]);

    rmSync(guide);
    await lsp.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(guide).href, type: FileChangeType.Deleted }],
    });
    expect(errors(await lsp.diagnostics(uri, (d) => errors(d).length === 0))).toEqual([]);
  });
});
