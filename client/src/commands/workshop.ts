// The workshop commands: copy the bundled sample workspace (examples/) into a folder the user picks
// and open it, and open the hands-on walkthrough. Kept apart from the other commands so each
// feature registers its own.

import * as vscode from 'vscode';
import { outgoingText } from '../outgoing';
import { Commands } from '../../../shared/protocol';

export const WALKTHROUGH_ID = 'nhn.workshop';
const SAMPLE_FOLDER_NAME = 'nhn-workshop';

export function registerWorkshop(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.createSampleWorkspace, (target?: vscode.Uri) => createSampleWorkspace(context, target)),
    vscode.commands.registerCommand(Commands.openWalkthrough, () => openWalkthrough(context)),
  );
}

/** Copies examples/ into `<picked folder>/nhn-workshop` (or a free `nhn-workshop-N`) and opens it. */
async function createSampleWorkspace(context: vscode.ExtensionContext, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const parent = target ?? (await pickParentFolder());
  if (!parent) return undefined;
  const destination = await freeName(parent);
  const source = vscode.Uri.joinPath(context.extensionUri, 'examples');
  try {
    await vscode.workspace.fs.copy(source, destination, { overwrite: false });
  } catch (err) {
    void vscode.window.showErrorMessage(
      outgoingText(vscode.l10n.t('Could not create the sample workspace in {0}: {1}', destination.fsPath, String((err as Error)?.message ?? err))),
    );
    return undefined;
  }
  // Offer to open it, without waiting: the command resolves once the files are there.
  const open = vscode.l10n.t('Open');
  const openNew = vscode.l10n.t('Open in New Window');
  void vscode.window.showInformationMessage(vscode.l10n.t('The sample workspace is ready in {0}.', destination.fsPath), open, openNew).then((choice) => {
    if (choice === open || choice === openNew) {
      void vscode.commands.executeCommand('vscode.openFolder', destination, { forceNewWindow: choice === openNew });
    }
  });
  return destination;
}

async function pickParentFolder(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    title: vscode.l10n.t('Where should the sample workspace be created?'),
    openLabel: vscode.l10n.t('Create the sample workspace here'),
  });
  return picked?.[0];
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** `nhn-workshop`, or the first free `nhn-workshop-2`, `-3`, …: never copies over a user's files. */
async function freeName(parent: vscode.Uri): Promise<vscode.Uri> {
  for (let n = 1; ; n++) {
    const candidate = vscode.Uri.joinPath(parent, n === 1 ? SAMPLE_FOLDER_NAME : `${SAMPLE_FOLDER_NAME}-${n}`);
    if (!(await exists(candidate))) return candidate;
  }
}

async function openWalkthrough(context: vscode.ExtensionContext): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#${WALKTHROUGH_ID}`, false);
}
