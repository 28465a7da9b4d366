// XML schemas in VS Code: the "Choose schema folder…" command (the quick fix on "no XSD found"), "Download
// all NHN schemas" (every pinned schema into the server's verified cache, `nhn/downloadAllSchemas`) and a
// language-status item showing which schema each namespace of the active XML document is validated
// against (asked from the server with `nhn/schemaStatus`).

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Commands, Requests, type DownloadAllResult, type SchemaStatus, type SchemaStatusParams } from '../../../shared/protocol';

export function registerSchemas(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  const item = vscode.languages.createLanguageStatusItem('nhn.xsd', { language: 'xml' });
  item.name = vscode.l10n.t('NHN XML schema');
  item.text = vscode.l10n.t('NHN: no schema');
  let pending = 0;
  const refresh = async () => {
    const editor = vscode.window.activeTextEditor;
    const c = client();
    if (!editor || editor.document.languageId !== 'xml' || !c?.isRunning()) return;
    const ticket = ++pending;
    const status = await c
      .sendRequest<SchemaStatus | null>(Requests.schemaStatus, { uri: editor.document.uri.toString() } satisfies SchemaStatusParams)
      .catch(() => null);
    if (ticket !== pending) return;
    item.text = status ? status.text : vscode.l10n.t('NHN: no schema');
    item.detail = status?.detail;
    item.severity = status?.missing ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    item.command = status?.missing ? { command: Commands.chooseSchemaFolder, title: vscode.l10n.t('Choose schema folder…') } : undefined;
  };
  context.subscriptions.push(
    item,
    vscode.commands.registerCommand(Commands.chooseSchemaFolder, chooseSchemaFolder),
    vscode.commands.registerCommand(Commands.downloadAllSchemas, () => downloadAllSchemas(client())),
    vscode.window.onDidChangeActiveTextEditor(() => void refresh()),
    // Diagnostics arrive after each validation: the moment the schema binding may have changed.
    vscode.languages.onDidChangeDiagnostics((e) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && e.uris.some((u) => u.toString() === active)) void refresh();
    }),
  );
}

/** Pick a folder and add it to nhn.xml.schemaPaths (the server re-validates on the settings change). */
async function chooseSchemaFolder(): Promise<void> {
  const picked = await vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    title: vscode.l10n.t('Folder with XSD files'),
    openLabel: vscode.l10n.t('Use this folder'),
  });
  const folder = picked?.[0]?.fsPath;
  if (!folder) return;
  const config = vscode.workspace.getConfiguration('nhn');
  const paths = config.get<string[]>('xml.schemaPaths', []);
  if (!paths.includes(folder)) {
    const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await config.update('xml.schemaPaths', [...paths, folder], target);
  }
  void vscode.window.showInformationMessage(vscode.l10n.t('Added {0} to nhn.xml.schemaPaths', folder));
}

/** Every pinned NHN schema into the cache; the server shows the progress and answers with the counts. */
async function downloadAllSchemas(c: LanguageClient | undefined): Promise<DownloadAllResult | undefined> {
  if (!c?.isRunning()) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The NHN language server is not running.'));
    return undefined;
  }
  const result = await c.sendRequest<DownloadAllResult>(Requests.downloadAllSchemas);
  if (result.refused) {
    void vscode.window.showWarningMessage(result.refused);
  } else if (result.failed.length) {
    const names = result.failed.map((f) => `${f.name} (${f.reason})`).join(', ');
    void vscode.window.showWarningMessage(
      vscode.l10n.t('{0} of {1} NHN schemas could not be downloaded: {2}. The others are in the cache.', result.failed.length, result.total, names),
    );
  } else {
    void vscode.window.showInformationMessage(vscode.l10n.t('All {0} NHN schemas are in the cache ({1} downloaded now).', result.total, result.fetched));
  }
  return result;
}
