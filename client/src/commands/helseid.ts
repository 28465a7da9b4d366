// VS Code glue for HelseID: reads the nhn.helseid.* settings and the key from SecretStorage, keeps one
// HelseIdClient (and so one token cache) while they stay the same, registers the key and connection
// commands, and offers the live Persontjenesten source to the test-person picker. The HelseID logic
// itself is in ../helseid (no vscode there).

import * as vscode from 'vscode';
import { resolveClient, settingsFingerprint, type HelseIdSettings } from '../helseid/config';
import type { HelseIdClient } from '../helseid/client';
import { HelseIdError, type Language } from '../helseid/errors';
import { parseKeyFile } from '../helseid/key';
import { PERSONTJENESTEN_TEST_BASE } from '../helseid/environments';
import { summarizeToken } from '../helseid/summary';
import { LivePersonSource } from '../persontjenesten/source';
import type { PersonSource } from '../persons/model';
import { registerPersonSource } from '../persons/sources';
import { Commands } from '../../../shared/protocol';

const SECRET = 'nhn.helseid.jwk';

let liveSource: PersonSource | undefined;

/** The live source (also registered with the picker's registry); undefined before activation. */
export function getLivePersonSource(): PersonSource | undefined {
  return liveSource;
}

export function registerHelseId(context: vscode.ExtensionContext): void {
  let cached: { fingerprint: string; resolved: Promise<HelseIdClient> } | undefined;
  const current = async (): Promise<HelseIdClient> => {
    const settings = readSettings();
    const stored = await context.secrets.get(SECRET);
    const fingerprint = settingsFingerprint(settings, stored);
    if (cached?.fingerprint !== fingerprint) {
      const entry = { fingerprint, resolved: resolveClient(settings, stored) };
      // A failed setup is not cached: the next search tries again (after the user fixed it).
      entry.resolved.catch(() => cached === entry && (cached = undefined));
      cached = entry;
    }
    return cached!.resolved;
  };

  liveSource = new LivePersonSource({
    baseUrl: PERSONTJENESTEN_TEST_BASE,
    environment: () => readSettings().environment,
    networkAllowed,
    language,
    getClient: current,
  });
  context.subscriptions.push(
    registerPersonSource(liveSource),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('nhn.helseid')) cached = undefined;
    }),
    context.secrets.onDidChange((e) => {
      if (e.key === SECRET) cached = undefined;
    }),
    vscode.commands.registerCommand(Commands.helseIdSetKey, () => setKey(context)),
    vscode.commands.registerCommand(Commands.helseIdClearKey, async () => {
      await context.secrets.delete(SECRET);
      void vscode.window.showInformationMessage(vscode.l10n.t("The HelseID key was removed from VS Code's secret storage."));
    }),
    vscode.commands.registerCommand(Commands.helseIdTestConnection, () => testConnection(current)),
  );
}

function readSettings(): HelseIdSettings {
  const config = vscode.workspace.getConfiguration('nhn.helseid');
  return {
    environment: config.get<string>('environment') === 'production' ? 'production' : 'test',
    clientId: config.get<string>('clientId') ?? '',
    jwkPath: config.get<string>('jwkPath') ?? '',
    scopes: config.get<string[]>('scopes') ?? [],
  };
}

function networkAllowed(): boolean {
  return vscode.workspace.isTrusted && vscode.workspace.getConfiguration('nhn').get<boolean>('allowDownloads') === true;
}

function language(): Language {
  const setting = vscode.workspace.getConfiguration('nhn').get<string>('language');
  const tag = setting && setting !== 'auto' ? setting : vscode.env.language;
  return /^(nb|no|nn)\b/i.test(tag) ? 'nb' : 'en';
}

async function setKey(context: vscode.ExtensionContext): Promise<void> {
  const fromFile = vscode.l10n.t('Choose a JWK file…');
  const paste = vscode.l10n.t('Paste the private JWK');
  const how = await vscode.window.showQuickPick([fromFile, paste], { title: vscode.l10n.t('Set the HelseID key') });
  if (!how) return;
  let text: string | undefined;
  if (how === fromFile) {
    const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { JSON: ['json', 'jwk'] } });
    if (!picked?.[0]) return;
    text = new TextDecoder().decode(await vscode.workspace.fs.readFile(picked[0]));
  } else {
    text = await vscode.window.showInputBox({
      title: vscode.l10n.t('Set the HelseID key'),
      password: true,
      ignoreFocusOut: true,
      prompt: vscode.l10n.t("The private JWK as JSON (it is stored in VS Code's secret storage, never in settings)"),
    });
    if (!text) return;
  }
  try {
    const file = await parseKeyFile(text);
    await context.secrets.store(SECRET, text);
    const config = vscode.workspace.getConfiguration('nhn.helseid');
    if (file.clientId && !config.get<string>('clientId')) await config.update('clientId', file.clientId, vscode.ConfigurationTarget.Global);
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        "HelseID key stored in VS Code's secret storage ({0}, thumbprint {1}).",
        file.key.alg + (file.key.kid ? `, kid ${file.key.kid}` : ''),
        file.key.thumbprint,
      ),
    );
  } catch (err) {
    void vscode.window.showErrorMessage(err instanceof HelseIdError ? err.localized(language()) : vscode.l10n.t('The key could not be read.'));
  }
}

async function testConnection(current: () => Promise<HelseIdClient>): Promise<void> {
  if (!networkAllowed()) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Network use is off: turn on nhn.allowDownloads (in a trusted workspace) to contact HelseID.'));
    return;
  }
  try {
    const client = await current();
    const token = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Asking HelseID for a token…') },
      () => client.getToken(),
    );
    const s = summarizeToken(token, client.options.key, { clientId: client.options.clientId, issuer: client.options.issuer, skew: client.clock.skewSeconds });
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'HelseID gave client {0} a {1} token for {2}, valid {3} s; bound to the key: {4}.',
        s.clientId,
        s.tokenType,
        s.scope,
        s.expiresIn,
        s.boundToKey ? vscode.l10n.t('yes') : vscode.l10n.t('no'),
      ),
    );
  } catch (err) {
    void vscode.window.showErrorMessage(err instanceof HelseIdError ? err.localized(language()) : vscode.l10n.t('HelseID request failed.'));
  }
}
