// Just enough of the `vscode` API to drive the extension's glue modules in vitest (vi.mock('vscode')).
// Settings live in a plain map; dialogs answer from queues the test fills; messages are recorded.

type Listener<T> = (e: T) => void;

export function createVscodeFake() {
  const settings = new Map<string, unknown>();
  const commands = new Map<string, (...args: unknown[]) => unknown>();
  const shown: { kind: 'info' | 'warning' | 'error'; text: string }[] = [];
  const answers = { quickPick: [] as unknown[], inputBox: [] as unknown[], openDialog: [] as unknown[] };
  const configListeners: Listener<{ affectsConfiguration(s: string): boolean }>[] = [];
  const secrets = new Map<string, string>();
  const secretListeners: Listener<{ key: string }>[] = [];
  const disposable = { dispose() {} };
  const format = (message: string, ...args: unknown[]) => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));

  const vscode = {
    ConfigurationTarget: { Global: 1, Workspace: 2 },
    ProgressLocation: { Notification: 15 },
    env: { language: 'en' },
    l10n: { t: format },
    workspace: {
      isTrusted: true,
      getConfiguration(section: string) {
        return {
          get: <T>(key: string): T | undefined => settings.get(`${section}.${key}`) as T | undefined,
          update: async (key: string, value: unknown) => {
            settings.set(`${section}.${key}`, value);
            for (const l of configListeners) l({ affectsConfiguration: (s) => `${section}.${key}`.startsWith(s) });
          },
        };
      },
      onDidChangeConfiguration: (l: Listener<{ affectsConfiguration(s: string): boolean }>) => (configListeners.push(l), disposable),
      fs: { readFile: async () => new Uint8Array() },
    },
    window: {
      showQuickPick: async () => answers.quickPick.shift(),
      showInputBox: async () => answers.inputBox.shift(),
      showOpenDialog: async () => answers.openDialog.shift(),
      showInformationMessage: async (text: string) => void shown.push({ kind: 'info', text }),
      showWarningMessage: async (text: string) => void shown.push({ kind: 'warning', text }),
      showErrorMessage: async (text: string) => void shown.push({ kind: 'error', text }),
      withProgress: async (_: unknown, task: () => Promise<unknown>) => task(),
    },
    commands: {
      registerCommand: (id: string, fn: (...args: unknown[]) => unknown) => (commands.set(id, fn), disposable),
    },
  };

  const context = {
    subscriptions: [] as { dispose(): void }[],
    secrets: {
      get: async (key: string) => secrets.get(key),
      store: async (key: string, value: string) => {
        secrets.set(key, value);
        for (const l of secretListeners) l({ key });
      },
      delete: async (key: string) => {
        secrets.delete(key);
        for (const l of secretListeners) l({ key });
      },
      onDidChange: (l: Listener<{ key: string }>) => (secretListeners.push(l), disposable),
    },
  };

  return { vscode, context, settings, commands, shown, answers, secrets };
}
