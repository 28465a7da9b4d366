// The privacy sweep's eyes: a leak log that scans what each output channel said, and the language
// server driven like an editor (open, wait, hover, complete, ask for code actions) with its whole
// output byte stream captured and split into channels by feature. Shared by the sweep and its fuzzed
// variant in the robustness suite.

import type { Diagnostic, Position } from 'vscode-languageserver-protocol';
import { CompletionRequest, HoverRequest } from 'vscode-languageserver-protocol';
import { actionsFor, type LspSession } from '../helpers/lsp';
import { identityNumbersIn, isSyntheticNumber, reassembled, shown } from '../helpers/leaks';

export interface Leak {
  channel: string;
  kind: 'number' | 'reassembled' | 'inserted';
  sample: string;
}

/** Where in `text` the number sits, digits shown as # (the report must not leak either). */
function excerpt(text: string, n: string): string {
  const at = Math.max(0, text.indexOf(n.slice(0, 6)));
  return text
    .slice(Math.max(0, at - 40), at + 40)
    .replace(/\d/g, '#')
    .replace(/\s+/g, ' ');
}

export class LeakLog {
  readonly leaks: Leak[] = [];
  /** Characters each channel produced: a channel that said nothing is visible in the report. */
  readonly volume = new Map<string, number>();

  /** Whole numbers in any of `texts`; `planted` numbers spelled across them in order (one digit per message, say). */
  scan(channel: string, texts: readonly string[], planted: readonly string[] = []): void {
    this.volume.set(channel, (this.volume.get(channel) ?? 0) + texts.reduce((n, t) => n + t.length, 0));
    for (const t of texts) for (const n of identityNumbersIn(t)) this.leaks.push({ channel, kind: 'number', sample: `${shown(n)} in "${excerpt(t, n)}"` });
    this.spelt(channel, texts, planted);
  }

  /** Only the `planted` numbers spelled across `texts` (whole ones are `scan`'s). */
  spelt(channel: string, texts: readonly string[], planted: readonly string[]): void {
    for (const n of reassembled(texts, planted)) {
      if (!texts.some((t) => identityNumbersIn(t).includes(n))) this.leaks.push({ channel, kind: 'reassembled', sample: shown(n) });
    }
  }

  /** An edit may insert a synthetic stand-in or a number the document already had, nothing else. */
  checkInserted(channel: string, inserted: readonly string[], documentText: string): void {
    const had = new Set(identityNumbersIn(documentText));
    for (const text of inserted) {
      for (const n of identityNumbersIn(text)) if (!isSyntheticNumber(n) && !had.has(n)) this.leaks.push({ channel, kind: 'inserted', sample: shown(n) });
    }
  }

  /** Leaks by channel and kind, one line per channel. */
  table(title: string): string {
    const rows = new Map<string, Record<Leak['kind'], number>>();
    for (const l of this.leaks) {
      const row = rows.get(l.channel) ?? { number: 0, reassembled: 0, inserted: 0 };
      row[l.kind]++;
      rows.set(l.channel, row);
    }
    const lines = [...this.volume.keys()].sort().map((c) => {
      const r = rows.get(c) ?? { number: 0, reassembled: 0, inserted: 0 };
      return `  ${c.padEnd(36)} ${String(r.number).padStart(5)} ${String(r.reassembled).padStart(5)} ${String(r.inserted).padStart(8)}   (${this.volume.get(c)} chars)`;
    });
    return `${title}: ${this.leaks.length} leak(s)\n  ${'channel'.padEnd(36)} whole spelt inserted\n${lines.join('\n')}`;
  }
}

/** Every string in a JSON value, object keys included, except document URIs; inserted text goes to `inserted`. */
export function strings(value: unknown, out: string[], inserted: string[], key?: string): void {
  if (typeof value === 'string') {
    if (key === 'uri' || key === 'targetUri') return;
    (key === 'newText' || key === 'insertText' ? inserted : out).push(value);
  } else if (Array.isArray(value)) for (const v of value) strings(v, out, inserted, key);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      // WorkspaceEdit.changes: its keys are the documents edited.
      if (key !== 'changes') out.push(k);
      strings(v, out, inserted, key === 'changes' ? 'changes-entry' : k);
    }
  }
}

/** Texts shown to a person: messages, titles, labels, details, hover and documentation values. */
const SHOWN = new Set(['message', 'title', 'label', 'detail', 'value']);
function readable(value: unknown, out: string[], key?: string): void {
  if (typeof value === 'string') {
    if (key !== undefined && SHOWN.has(key)) out.push(value);
  } else if (Array.isArray(value)) for (const v of value) readable(v, out, key);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) readable(v, out, k);
}

/** The messages of one CLI report, in order (a number spelled across findings shows in their digits). */
export function cliMessages(format: string, stdout: string): string[] {
  try {
    if (format === 'json') return (JSON.parse(stdout).findings as Array<{ message: string }>).map((f) => f.message);
    if (format === 'sarif')
      return (JSON.parse(stdout).runs as Array<{ results: Array<{ message: { text: string } }> }>).flatMap((r) => r.results.map((x) => x.message.text));
  } catch {
    return [stdout];
  }
  if (format === 'text') return stdout.split('\n').map((l) => l.replace(/^.*?:\d+:\d+: \S+ /, '').replace(/ \[[^\]]+\]$/, ''));
  return [stdout];
}

/** Splits a captured LSP byte stream into its JSON-RPC messages. */
export function frames(bytes: Buffer): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  let at = 0;
  while (at < bytes.length) {
    const headerEnd = bytes.indexOf('\r\n\r\n', at);
    if (headerEnd < 0) break;
    const length = Number(/Content-Length: (\d+)/i.exec(bytes.subarray(at, headerEnd).toString('ascii'))?.[1]);
    const body = bytes.subarray(headerEnd + 4, headerEnd + 4 + length);
    if (body.length < length) break;
    out.push(JSON.parse(body.toString('utf8')));
    at = headerEnd + 4 + length;
  }
  return out;
}

/** Records both directions of a session's byte streams from now on. */
export function capture(lsp: LspSession): { received: Buffer[]; sent: Buffer[] } {
  const received: Buffer[] = [];
  const sent: Buffer[] = [];
  lsp.process.stdout!.on('data', (d: Buffer) => received.push(d));
  const stdin = lsp.process.stdin!;
  const write = stdin.write.bind(stdin) as (...args: unknown[]) => boolean;
  stdin.write = ((chunk: unknown, ...rest: unknown[]) => {
    sent.push(Buffer.from(chunk as string));
    return write(chunk, ...rest);
  }) as typeof stdin.write;
  return { received, sent };
}

export interface OpenDocument {
  uri: string;
  languageId: string;
  text: string;
  /** Offsets where numbers sit: a hover and a completion are asked there too. */
  offsets?: number[];
}

const positionAt = (text: string, offset: number): Position => {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
};

/**
 * Opens every document, waits for its diagnostics, then asks what an editor asks: a hover and a
 * completion at each finding (start and middle) and at each number, the code actions of each finding
 * and of the whole document, and the schema status of XML documents. Returns the diagnostics count.
 */
export async function exercise(lsp: LspSession, docs: readonly OpenDocument[], timeoutMs = 120_000): Promise<number> {
  const published = await Promise.all(
    docs.map((f) => {
      const done = lsp.diagnostics(f.uri, () => true, timeoutMs);
      lsp.open(f.uri, f.languageId, f.text);
      return done.then((d) => [f, d] as const);
    }),
  );
  const ask = (method: string, params: unknown) => lsp.connection.sendRequest(method, params).catch(() => undefined);
  for (const [f, diagnostics] of published) {
    const at: Position[] = diagnostics.flatMap((d: Diagnostic) => [
      d.range.start,
      { line: d.range.start.line, character: Math.floor((d.range.start.character + d.range.end.character) / 2) },
    ]);
    for (const offset of f.offsets ?? []) at.push(positionAt(f.text, offset + 3));
    for (const position of at) {
      await ask(HoverRequest.method, { textDocument: { uri: f.uri }, position });
      await ask(CompletionRequest.method, { textDocument: { uri: f.uri }, position });
    }
    for (const d of diagnostics) await actionsFor(lsp, f.uri, d).catch(() => []);
    // All actions of the whole document at once (fix-all titles).
    await ask('textDocument/codeAction', {
      textDocument: { uri: f.uri },
      range: { start: { line: 0, character: 0 }, end: { line: 99_999, character: 0 } },
      context: { diagnostics },
    });
    if (f.languageId === 'xml') await ask('nhn/schemaStatus', { uri: f.uri });
  }
  return published.reduce((n, [, d]) => n + d.length, 0);
}

/**
 * Scans everything the server sent: each message's strings by channel (`lsp <method>` for
 * notifications and for replies by the request they answer, `lsp error replies`), numbers spelled
 * across one document's messages, and the text its edits insert. Returns the channels seen.
 */
export function scanSession(
  log: LeakLog,
  streams: { received: Buffer[]; sent: Buffer[] },
  texts: ReadonlyMap<string, string>,
  planted: readonly string[],
  suffix = '',
): string[] {
  const requests = new Map<unknown, { method: string; params: unknown }>();
  for (const m of frames(Buffer.concat(streams.sent))) if (m.id !== undefined && m.method) requests.set(m.id, { method: m.method as string, params: m.params });
  const byChannel = new Map<string, { out: string[]; byDoc: Map<string, string[]> }>();
  for (const m of frames(Buffer.concat(streams.received))) {
    const request = requests.get(m.id);
    const channel = `lsp ${m.method ? (m.method as string) : m.error ? 'error replies' : (request?.method ?? 'reply')}${suffix}`;
    const out: string[] = [];
    const inserted: string[] = [];
    strings(m, out, inserted);
    const bucket = byChannel.get(channel) ?? { out: [] as string[], byDoc: new Map<string, string[]>() };
    bucket.out.push(...out);
    const uri =
      (m.params as { uri?: string } | undefined)?.uri ?? (request?.params as { textDocument?: { uri: string }; uri?: string } | undefined)?.textDocument?.uri;
    // The digits a person reads, in order: the protocol's own strings ("2.0", codes, keys) are not text.
    const read: string[] = [];
    readable(m, read);
    // Diagnostics are read as one list per document; a hover, a completion list or a set of code actions one reply at a time.
    const unit = m.method === 'textDocument/publishDiagnostics' ? uri : `${uri}#${String(m.id)}`;
    if (uri) bucket.byDoc.set(unit!, [...(bucket.byDoc.get(unit!) ?? []), ...read]);
    byChannel.set(channel, bucket);
    log.checkInserted(channel, inserted, uri ? (texts.get(uri) ?? '') : '');
  }
  for (const [channel, { out, byDoc }] of byChannel) {
    log.scan(channel, out);
    for (const docTexts of byDoc.values()) log.spelt(channel, docTexts, planted);
  }
  return [...byChannel.keys()];
}
