// The VS Code client: starts the language server, forwards settings, and contributes commands.
// It holds no checking logic; that is the engine's, behind the server.

import * as vscode from 'vscode';
import { registerHelseId } from './commands/helseid';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerTestPersonPicker } from './persons/picker';
import { registerWorkshop } from './commands/workshop';
import { registerSchemas } from './commands/schemas';
import { outgoingChannel } from './outgoing';
import { Commands, Notifications, type ClientSettings, type InitOptions } from '../../shared/protocol';

/** Languages where findings can occur; the same list drives `activationEvents` in package.json. */
export const LANGUAGES = [
  'xml',
  'json',
  'jsonc',
  'csharp',
  'java',
  'kotlin',
  'typescript',
  'typescriptreact',
  'javascript',
  'javascriptreact',
  'yaml',
  'properties',
  'ini',
  'dotenv',
  'plaintext',
  'markdown',
  'csv',
  'http',
  'shellscript',
  'python',
  'go',
];

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel;

function createClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Files, unsaved editors and virtual workspaces (GitHub/Remote Repositories): the server gets the
    // text over LSP, so open documents are checked wherever they live; not git: diffs or output views.
    documentSelector: LANGUAGES.flatMap((language) => ['file', 'untitled', 'vscode-vfs'].map((scheme) => ({ scheme, language }))),
    outputChannel: output,
    // Trust and the cache folder: nhn.allowDownloads is a machine setting, which VS Code still applies in
    // an untrusted workspace, so the server is told to download nothing until the user trusts it.
    initializationOptions: {
      // The configuration object serialises to the `nhn.*` values (JSON), which is what ClientSettings describes.
      settings: vscode.workspace.getConfiguration('nhn') as ClientSettings,
      workspaceTrusted: vscode.workspace.isTrusted,
      cacheDir: context.globalStorageUri.scheme === 'file' ? context.globalStorageUri.fsPath : undefined,
      // VS Code's proxy settings for schema downloads and HelseID calls; the server falls back to HTTPS_PROXY etc.
      proxy: {
        proxy: vscode.workspace.getConfiguration('http').get<string>('proxy') || undefined,
        strictSSL: vscode.workspace.getConfiguration('http').get<boolean>('proxyStrictSSL', true),
      },
    } satisfies InitOptions,
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.xsd,*.xml,*.json,*.csv,*.yaml,*.yml,.gitignore}') },
  };
  return new LanguageClient('nhn', vscode.l10n.t('NHN Integrator'), serverOptions, clientOptions);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // The server's log and stderr are shown here too: one filter for all of it.
  output = outgoingChannel(vscode.window.createOutputChannel(vscode.l10n.t('NHN Integrator'), { log: true }));
  context.subscriptions.push(output);
  client = createClient(context);
  registerHelseId(context);
  registerWorkshop(context);
  registerSchemas(context, () => client);
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.restartServer, async () => {
      output.info('Restarting the NHN language server');
      await client?.restart();
    }),
    vscode.commands.registerCommand(Commands.showOutput, () => output.show()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.sendNotification(Notifications.workspaceTrusted)),
  );
  registerTestPersonPicker(context, { output });
  await client.start();
  output.info(`NHN language server started (${context.extension.packageJSON.version})`);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
