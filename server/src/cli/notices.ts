// Run-level notices of nhn-lint that belong to no file's findings: the code lists the user pointed at
// (--code-lists, the configuration's codeLists, Volven exports in the linted folders) that did not load.
// Said on stderr even with --quiet: the run judged codes without them, which a CI log must show.

import type { AnalysisOptions, Engine } from '../engine';

export interface Notice {
  file: string;
  message: string;
}

/** Each problem once, whichever configuration's settings met it (`contexts`: those XML files were checked under). */
export async function codeListNotices(engine: Engine, contexts: Iterable<AnalysisOptions>): Promise<Notice[]> {
  const seen = new Map<string, Notice>();
  for (const ctx of contexts) for (const n of await engine.codeListProblems(ctx)) seen.set(`${n.file}\n${n.message}`, n);
  return [...seen.values()];
}
