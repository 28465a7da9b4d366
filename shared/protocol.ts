// The protocol between the VS Code client and the language server, imported by both (and by the
// engine for the command ids its fixes carry): request and notification names with their types,
// command ids, settings and initialization options. No code that decides anything lives here.

/** Requests the client sends the server. */
export const Requests = {
  /** Which schemas an XML document is validated against: `SchemaStatusParams` → `SchemaStatus | null`. */
  schemaStatus: 'nhn/schemaStatus',
  /** Fetch every pinned NHN schema into the download cache, with work-done progress: no params → `DownloadAllResult`. */
  downloadAllSchemas: 'nhn/downloadAllSchemas',
  /** What the workspace indexes have done (walks, builds, one-file updates, reads), once pending file events are applied: tests and the bench. */
  workspaceIndex: 'nhn/workspaceIndex',
  /** The server's copy of an open document as a version, length and sha256 (the sync fuzz compares it with its model). */
  documentDigest: 'nhn/documentDigest',
} as const;

/** Notifications the client sends the server. */
export const Notifications = {
  /** The user trusted the workspace (VS Code's restricted mode ended): user folders, catalogs and downloads apply. */
  workspaceTrusted: 'nhn/workspaceTrusted',
} as const;

export interface SchemaStatusParams {
  uri: string;
}

/** What the language-status item shows for an XML document: which schema won, per namespace. */
export interface SchemaStatus {
  /** Short: `MsgHead 1.2 + Dialogmelding 1.1`. */
  text: string;
  /** One line per namespace: which file won and where it came from, or that none was found. */
  detail: string;
  /** True when a namespace the catalog knows has no schema. */
  missing: boolean;
}

/** What "Download all NHN schemas" did: counts, the files that failed and why, or why nothing was fetched. */
export interface DownloadAllResult {
  total: number;
  fetched: number;
  cached: number;
  failed: { label: string; name: string; reason: string }[];
  folder?: string;
  /** Why nothing was fetched (untrusted workspace, no cache). */
  refused?: string;
}

/** Command ids: the server's (executed over LSP) and the client's (run from fixes, the palette, walkthroughs). */
export const Commands = {
  /** Server: open a rule's source URL in the browser. Arguments: [url]. */
  openSource: 'nhn.openSource',
  /** Client: pick a folder of XSDs for nhn.xml.schemaPaths. Arguments: [namespace?]. */
  chooseSchemaFolder: 'nhn.chooseSchemaFolder',
  /** Client: fetch every pinned NHN schema into the server's download cache. */
  downloadAllSchemas: 'nhn.downloadAllSchemas',
  /** Client: replace an identity number with a picked test person. Arguments: [InsertTestPersonArgs?]. */
  insertTestPerson: 'nhn.insertTestPerson',
  restartServer: 'nhn.restartServer',
  showOutput: 'nhn.showOutput',
  createSampleWorkspace: 'nhn.createSampleWorkspace',
  openWalkthrough: 'nhn.openWalkthrough',
  helseIdSetKey: 'nhn.helseid.setKey',
  helseIdClearKey: 'nhn.helseid.clearKey',
  helseIdTestConnection: 'nhn.helseid.testConnection',
} as const;

export type ReplaceScope = 'occurrence' | 'file' | 'workspace';

/** What the server's `nhn.insertTestPerson` fix passes: the flagged range and the masked number only. */
export interface InsertTestPersonArgs {
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  masked: string;
  scopes?: ReplaceScope[];
}

export type Language = 'en' | 'nb';
export type RuleSetting = 'off' | 'error' | 'warning' | 'info' | 'hint' | 'default';

/** The `nhn.*` settings as the client sends them (see package.json `contributes.configuration`). */
export interface ClientSettings {
  today?: string;
  language?: 'auto' | Language;
  rules?: Record<string, RuleSetting>;
  maxFileSize?: number;
  allowDownloads?: boolean;
  xml?: { schemaPaths?: string[]; catalogs?: string[]; downloadMirror?: string };
  fhir?: { packagePaths?: string[]; profiles?: Record<string, string | string[]> };
  codeLists?: { paths?: string[] };
  /** How findings recorded in the project's baseline are shown. */
  baseline?: { findings?: 'hint' | 'hide' | 'show' };
}

/** What the client sends in `initializationOptions`. */
export interface InitOptions {
  settings?: ClientSettings;
  /** `vscode.workspace.isTrusted`; absent (other editors) means trusted. */
  workspaceTrusted?: boolean;
  /** Where the schema download cache lives (the extension's global storage). */
  cacheDir?: string;
  /** VS Code's http.proxy / http.proxyStrictSSL; the environment's HTTPS_PROXY etc. when absent. */
  proxy?: { proxy?: string; strictSSL?: boolean };
}
