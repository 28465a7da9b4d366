// "NHN: Download all NHN schemas": the client asks `nhn/downloadAllSchemas`; the server fetches every
// pinned schema into its download cache (host/schema-fetch-all.ts), showing work-done progress, and
// answers with the counts and the files that failed. The command is the user's explicit consent to
// fetch, so nhn.allowDownloads need not be on; an untrusted workspace still fetches nothing.

import type { Connection } from 'vscode-languageserver/node';
import type { Language } from '../engine';
import type { SchemaCache } from '../host/schema-cache';
import { fetchAllSchemas } from '../host/schema-fetch-all';
import type { DownloadAllResult } from '../../../shared/protocol';
import { lspMessages } from './messages';

export async function downloadAllSchemas(
  connection: Connection,
  options: { cache?: SchemaCache; trusted: boolean; mirror?: string; language: Language },
): Promise<DownloadAllResult> {
  const lang = options.language;
  const empty = { total: 0, fetched: 0, cached: 0, failed: [] };
  if (!options.trusted) return { ...empty, refused: lspMessages.text(lang, 'download-all-untrusted') };
  if (!options.cache) return { ...empty, refused: lspMessages.text(lang, 'download-all-no-cache') };
  const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
  progress?.begin(lspMessages.text(lang, 'download-all-title'), 0, undefined, true);
  const abort = new AbortController();
  progress?.token.onCancellationRequested(() => abort.abort());
  try {
    const outcomes = await fetchAllSchemas(options.cache, {
      mirror: options.mirror,
      signal: abort.signal,
      onOutcome: (o, done, total) => progress?.report(Math.round((done / total) * 100), `${done}/${total} ${o.schema.name}`),
    });
    const ok = outcomes.filter((o) => o.ok);
    return {
      total: outcomes.length,
      fetched: ok.filter((o) => o.ok && o.fetched).length,
      cached: ok.filter((o) => o.ok && !o.fetched).length,
      failed: outcomes.flatMap((o) =>
        o.ok ? [] : [{ label: o.schema.label, name: o.schema.name, reason: o.kind === 'mismatch' ? `sha256 ${o.detail}` : o.detail }],
      ),
      folder: options.cache.folder,
    };
  } finally {
    progress?.done();
  }
}
