// Tells the editor's user when a code list they pointed at (nhn.codeLists.paths, the project
// configuration's codeLists, a Volven export in the workspace) could not be loaded: each problem as a
// line in the output channel, and one warning notification per new set of problems, so a broken list
// is not silently replaced by the built-in partial ones. Nothing is repeated while the problems stay.

import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver/node';
import type { AnalysisOptions, Engine } from '../engine';
import { lspMessages } from './messages';

export class CodeListNotices {
  private shown = '';

  constructor(
    private readonly connection: Connection,
    private readonly engine: Engine,
  ) {}

  /** After a validation of an XML document (where code lists judge codes): report what is new. */
  async check(options: AnalysisOptions): Promise<void> {
    const problems = await this.engine.codeListProblems(options).catch(() => []);
    const key = JSON.stringify(problems);
    if (key === this.shown) return;
    this.shown = key;
    if (!problems.length) return;
    for (const p of problems) this.connection.console.warn(`${p.file}: ${p.message}`);
    const names = problems.map((p) => p.file.split(/[\\/]/).pop()).join(', ');
    // A notification, not a request: there is nothing to answer, and no client need reply.
    void this.connection.sendNotification(ShowMessageNotification.type, {
      type: MessageType.Warning,
      message: lspMessages.text(options.language, 'code-lists-not-loaded', problems.length, names),
    });
  }
}
