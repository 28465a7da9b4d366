// The code-server e2e scenarios again, through the `vscode` API inside a VS Code desktop build
// (run by test/vscode/run.mjs). Each scenario polls, because diagnostics arrive asynchronously.
// A plain runner (no mocha): a failing scenario rejects `run()`, which fails the VS Code test run.

import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';

const workspace = process.env.NHN_TEST_WORKSPACE!;
const uri = (relative: string) => vscode.Uri.file(path.join(workspace, relative));

async function until<T>(read: () => T | PromiseLike<T>, accept: (value: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read();
    if (accept(last)) return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`);
}

async function open(relative: string): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri(relative)));
}

const codes = (d: vscode.Diagnostic[]) => d.map((x) => (typeof x.code === 'object' ? String(x.code.value) : String(x.code)));
async function diagnostics(relative: string, code: string): Promise<vscode.Diagnostic[]> {
  return until(
    () => vscode.languages.getDiagnostics(uri(relative)),
    (d) => codes(d).includes(code),
    `${code} in ${relative}`,
  );
}

function positionOf(doc: vscode.TextDocument, needle: string): vscode.Position {
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `${needle} not in ${doc.uri.fsPath}`);
  return doc.positionAt(at);
}

const scenarios: Record<string, () => Promise<void>> = {
  async 'the extension activates'() {
    await open('dotnet/EpjClient/LabResultClient.cs');
    const extension = vscode.extensions.getExtension('nhn-integrator.nhn-integrator');
    assert.ok(extension, 'extension not installed');
    await until(() => extension.isActive, Boolean, 'activation');
  },

  async 'retired hosts in code files'() {
    await diagnostics('dotnet/EpjClient/LabResultClient.cs', 'host/nilar');
    await open('java/src/main/java/no/example/lab/PrescriptionGateway.java');
    await diagnostics('java/src/main/java/no/example/lab/PrescriptionGateway.java', 'host/reseptformidleren-net');
  },

  async 'an e-resept payload inside MsgHead is validated against the NHN XSDs'() {
    const file = 'xml/msghead/ERM1-virkestoff-med-reservasjon.xml';
    await open(file);
    await diagnostics(file, 'namespace/eresept-outdated');
    await diagnostics(file, 'xsd/missing-element');
  },

  async 'a FHIR file: PREG person masked, binding checked'() {
    const file = 'fhir/Patient-from-test-suite.json';
    const editor = await open(file);
    const preg = (await diagnostics(file, 'nin/preg-test-person')).find((d) => codes([d])[0] === 'nin/preg-test-person')!;
    assert.ok(preg.message.includes('120579*****') && !preg.message.includes('12057900499'));
    const at = positionOf(editor.document, 'female');
    await editor.edit((e) => e.replace(new vscode.Range(at, at.translate(0, 'female'.length)), 'kvinne'));
    await diagnostics(file, 'fhir/binding');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  },

  async 'the hover tells the rule story'() {
    const editor = await open('java/src/main/java/no/example/lab/PrescriptionGateway.java');
    const hovers = await until(
      () =>
        vscode.commands.executeCommand<vscode.Hover[]>(
          'vscode.executeHoverProvider',
          editor.document.uri,
          positionOf(editor.document, 'reseptformidleren.net'),
        ),
      (h) => h.some((x) => x.contents.some((c) => typeof c !== 'string' && 'value' in c && c.value.includes('host/reseptformidleren-net'))),
      'the rule hover',
    );
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.match(text, /Deadline: 2024-10-15/);
  },

  async 'the quick fix rewrites NILAR to PPS'() {
    const file = 'dotnet/EpjClient/LabResultClient.cs';
    const editor = await open(file);
    const nilar = (await diagnostics(file, 'host/nilar')).find((d) => codes([d])[0] === 'host/nilar')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      editor.document.uri,
      nilar.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.title.includes('pps.nhn.no'));
    assert.ok(fix?.edit, `no PPS fix among ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(editor.document.getText(), /"https:\/\/pps\.nhn\.no\/api\/v1\/labresults"/);
    await until(
      () => codes(vscode.languages.getDiagnostics(editor.document.uri)),
      (c) => !c.includes('host/nilar'),
      'the NILAR finding to go',
    );
    await vscode.commands.executeCommand('workbench.action.files.revert');
  },

  async 'the picker command and the workshop commands are there'() {
    const all = await vscode.commands.getCommands(true);
    for (const id of ['nhn.insertTestPerson', 'nhn.createSampleWorkspace', 'nhn.openWalkthrough']) assert.ok(all.includes(id), id);
    await vscode.commands.executeCommand('nhn.openWalkthrough');
  },

  async 'the sample workspace is created in a chosen folder'() {
    const parent = mkdtempSync(path.join(os.tmpdir(), 'nhn-vscode-sample-'));
    const created = await vscode.commands.executeCommand<vscode.Uri>('nhn.createSampleWorkspace', vscode.Uri.file(parent));
    assert.equal(created?.fsPath, path.join(parent, 'nhn-workshop'));
    assert.ok(existsSync(path.join(parent, 'nhn-workshop/dotnet/EpjClient/LabResultClient.cs')));
    assert.ok(readFileSync(path.join(parent, 'nhn-workshop/README.md'), 'utf8').length > 0);
  },
};

export async function run(): Promise<void> {
  const failures: string[] = [];
  for (const [name, scenario] of Object.entries(scenarios)) {
    const started = Date.now();
    try {
      await scenario();
      console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
    } catch (err) {
      failures.push(name);
      console.error(`  ✗ ${name}: ${err instanceof Error ? err.stack : err}`);
    }
  }
  if (failures.length) throw new Error(`${failures.length} VS Code scenario(s) failed: ${failures.join('; ')}`);
}
