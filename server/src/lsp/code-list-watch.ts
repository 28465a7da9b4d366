// Code lists outside every workspace folder (nhn.codeLists.paths naming a shared ~/kodeverk) get no file
// events from the editor's workspace watcher. The server asks the client to watch them as well (dynamic
// registration of workspace/didChangeWatchedFiles with a base URI, LSP 3.17), so an edited list there
// takes effect at once too; a client that cannot leaves them to the engine's re-read every 30 s.

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, type Connection, type Disposable, type InitializeParams } from 'vscode-languageserver/node';

const LIST_FILE = /\.(csv|xml|json)$/i;

const inside = (p: string, folder: string) => {
  const rel = path.relative(folder, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

export class CodeListWatch {
  private supported = false;
  private registered?: Disposable;
  private key = '[]';

  constructor(private readonly connection: Connection) {}

  initialize(params: InitializeParams): void {
    const watched = params.capabilities.workspace?.didChangeWatchedFiles;
    this.supported = !!watched?.dynamicRegistration && !!watched.relativePatternSupport;
  }

  /** The configured list paths now (after a settings change): watch those outside `folders`. */
  async update(paths: readonly string[], folders: readonly string[]): Promise<void> {
    if (!this.supported) return;
    const outside = paths.filter((p) => !folders.some((f) => inside(p, f)));
    const key = JSON.stringify(outside);
    if (key === this.key) return;
    this.key = key;
    this.registered?.dispose();
    this.registered = undefined;
    if (!outside.length) return;
    const watchers = outside.map((p) => ({
      globPattern: LIST_FILE.test(p)
        ? { baseUri: pathToFileURL(path.dirname(p)).href, pattern: path.basename(p) }
        : { baseUri: pathToFileURL(p).href, pattern: '**/*.{csv,xml,json}' },
    }));
    this.registered = await this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch(() => undefined);
  }
}
