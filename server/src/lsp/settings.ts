// Settings from the client (`workspace/configuration`, section `nhn`), turned into the engine's context.

import type { Connection, InitializeParams } from 'vscode-languageserver/node';
import { DidChangeConfigurationNotification } from 'vscode-languageserver/node';
import { DEFAULT_SETTINGS, pathOfUri, resolveToday, type AnalysisOptions, type Language, type Settings } from '../engine';
import type { ClientSettings, InitOptions } from '../../../shared/protocol';
import { SchemaCache } from '../host/schema-cache';
import { withProjectConfig } from '../host/project-config';
import { installProxy } from '../host/proxy';
import { ProjectConfigs, type BaselineDisplay } from './project-config';

export type { ClientSettings, InitOptions };

export function languageOf(setting: ClientSettings['language'], locale: string | undefined): Language {
  if (setting === 'en' || setting === 'nb') return setting;
  return /^(nb|no|nn)\b/i.test(locale ?? '') ? 'nb' : 'en';
}

export function toEngineSettings(s: ClientSettings): Settings {
  return {
    ...DEFAULT_SETTINGS,
    rules: s.rules ?? {},
    schemaPaths: s.xml?.schemaPaths ?? [],
    catalogs: s.xml?.catalogs ?? [],
    fhirPackagePaths: s.fhir?.packagePaths ?? [],
    codeListPaths: s.codeLists?.paths ?? [],
    fhirProfiles: Object.fromEntries(Object.entries(s.fhir?.profiles ?? {}).map(([glob, urls]) => [glob, ([] as string[]).concat(urls)])),
    maxFileBytes: (s.maxFileSize ?? DEFAULT_SETTINGS.maxFileBytes / 1024 / 1024) * 1024 * 1024,
    allowDownloads: s.allowDownloads ?? false,
    schemaMirror: s.xml?.downloadMirror || undefined,
  };
}

export class SettingsStore {
  private locale: string | undefined;
  private pullConfig = false;
  private current: ClientSettings = {};
  /** The workspace folders, as paths: they feed the XSD index (schemas in the workspace are found without settings). */
  workspaceFolders: string[] = [];
  /** The schema download cache: in the extension's global storage when the client names it. */
  downloads = new SchemaCache();
  /** Set by tests and the CLI-less editors that cannot send configuration. */
  initOptions: ClientSettings = {};
  /** False until the user trusts the workspace (VS Code's restricted mode): no user folders, catalogs or downloads. */
  trusted = true;

  /** The project configuration files (.nhn-lint.yaml) of the workspace. */
  readonly projects: ProjectConfigs;

  constructor(private readonly connection: Connection) {
    this.projects = new ProjectConfigs(connection, () => this.workspaceFolders);
  }

  initialize(params: InitializeParams): void {
    this.locale = params.locale;
    const folders = (params.workspaceFolders ?? []).map((f) => f.uri).concat(params.workspaceFolders ? [] : params.rootUri ? [params.rootUri] : []);
    this.workspaceFolders = folders.map((u) => pathOfUri(u)).filter((p): p is string => !!p);
    this.pullConfig = !!params.capabilities.workspace?.configuration;
    const init = params.initializationOptions as InitOptions | undefined;
    this.initOptions = init?.settings ?? {};
    // VS Code still applies user-level settings in an untrusted workspace: the client says which it is.
    this.trusted = init?.workspaceTrusted !== false;
    if (init?.cacheDir) this.downloads = new SchemaCache(init.cacheDir);
    installProxy(init?.proxy);
    this.current = this.initOptions;
  }

  async listen(onChange: () => void): Promise<void> {
    const refresh = async () => {
      if (this.pullConfig) {
        const pulled = (await this.connection.workspace.getConfiguration('nhn').catch(() => undefined)) as ClientSettings | undefined;
        this.current = { ...this.initOptions, ...(pulled ?? {}) };
      }
      onChange();
    };
    this.connection.onDidChangeConfiguration(async (change) => {
      if (!this.pullConfig) {
        const pushed = (change.settings as { nhn?: ClientSettings } | undefined)?.nhn;
        if (pushed) this.current = { ...this.initOptions, ...pushed };
      }
      await refresh();
    });
    if (this.pullConfig) {
      await this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'nhn' }).catch(() => undefined);
      await refresh();
    }
  }

  baselineDisplay(): BaselineDisplay {
    return this.current.baseline?.findings ?? 'hint';
  }

  contextFor(uri: string, signal?: AbortSignal): AnalysisOptions {
    // The project file's rules and folders apply over the editor's; nhn.today (a person's preview) over its `today`.
    const project = this.projects.current(uri);
    let today: string;
    try {
      today = resolveToday(this.current.today || project.today);
    } catch {
      today = resolveToday(undefined);
    }
    return {
      today,
      language: languageOf(this.current.language, this.locale),
      settings: withProjectConfig(toEngineSettings(this.current), project, this.trusted),
      signal,
    };
  }
}
