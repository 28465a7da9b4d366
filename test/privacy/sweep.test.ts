// The privacy sweep: a folder with a generated identity number in every place a value can sit
// (corpus.ts), run through the real CLI in every output format it lists and through the real language
// server over LSP (diagnostics, a hover at every finding and every number, code actions, completions,
// the schema status, an unknown request, log and show-message notifications, stderr), plus the team
// file of test persons and the extension's output channel. Every channel is scanned for any valid
// identity number (test/helpers/leaks.ts, independent of the product's masking), for a planted number
// spelled across several messages, and for an edit that inserts a real-looking number the document
// did not have. The table printed at the end counts leaks by channel.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompletionRequest, HoverRequest, type Diagnostic, type Position } from 'vscode-languageserver-protocol';
import { runCli, runCliAsync, type CliResult } from '../helpers/cli';
import { actionsFor, startServer, type LspSession } from '../helpers/lsp';
import { identityNumbersIn, isSyntheticNumber, reassembled, shown } from '../helpers/leaks';
import { buildCorpus, type Corpus } from './corpus';
import { parseTeamFile } from '../../client/src/persons/team-file';
import { outgoingChannel } from '../../client/src/outgoing';

interface Leak {
  channel: string;
  kind: 'number' | 'reassembled' | 'inserted';
  sample: string;
}

const leaks: Leak[] = [];
/** Texts each channel produced, so a channel that says nothing at all is noticed too. */
const volume = new Map<string, number>();

function scan(channel: string, texts: readonly string[], planted: readonly string[]): void {
  volume.set(channel, (volume.get(channel) ?? 0) + texts.reduce((n, t) => n + t.length, 0));
  for (const t of texts) for (const n of identityNumbersIn(t)) leaks.push({ channel, kind: 'number', sample: `${shown(n)} in "${excerpt(t, n)}"` });
  for (const n of reassembled(texts, planted)) {
    // Whole in one text is counted above; here only numbers spelled across texts.
    if (!texts.some((t) => identityNumbersIn(t).includes(n))) leaks.push({ channel, kind: 'reassembled', sample: shown(n) });
  }
}

/** Where in `text` the number sits, digits shown as # (the report must not leak either). */
function excerpt(text: string, n: string): string {
  const at = Math.max(0, text.indexOf(n.slice(0, 6)));
  return text.slice(Math.max(0, at - 40), at + 40).replace(/\d/g, '#').replace(/\s+/g, ' ');
}

/** Every string in a JSON value, object keys included, except document URIs and inserted text (returned apart). */
function strings(value: unknown, out: string[], inserted: string[], key?: string): void {
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

/** An edit may insert a synthetic stand-in or a number the document already had, nothing else. */
function checkInserted(channel: string, inserted: readonly string[], documentText: string): void {
  for (const text of inserted) {
    for (const n of identityNumbersIn(text)) {
      if (!isSyntheticNumber(n) && !identityNumbersIn(documentText).includes(n)) leaks.push({ channel, kind: 'inserted', sample: shown(n) });
    }
  }
}

/** The messages of one CLI report, in order (the digit stream of a number spelled across findings). */
function cliMessages(format: string, stdout: string): string[] {
  try {
    if (format === 'json') return (JSON.parse(stdout).findings as Array<{ message: string }>).map((f) => f.message);
    if (format === 'sarif') return (JSON.parse(stdout).runs as Array<{ results: Array<{ message: { text: string } }> }>).flatMap((r) => r.results.map((x) => x.message.text));
  } catch {
    return [stdout];
  }
  if (format === 'text') return stdout.split('\n').map((l) => l.replace(/^.*?:\d+:\d+: \S+ /, '').replace(/ \[[^\]]+\]$/, ''));
  return [stdout];
}

/** Splits a captured LSP byte stream into its JSON-RPC messages. */
function frames(bytes: Buffer): Array<Record<string, unknown>> {
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

let corpus: Corpus;

beforeAll(() => {
  corpus = buildCorpus(mkdtempSync(path.join(tmpdir(), 'nhn-privacy-')));
});

afterAll(() => {
  rmSync(corpus.dir, { recursive: true, force: true });
  const byChannel = new Map<string, Record<Leak['kind'], number>>();
  for (const l of leaks) {
    const row = byChannel.get(l.channel) ?? { number: 0, reassembled: 0, inserted: 0 };
    row[l.kind]++;
    byChannel.set(l.channel, row);
  }
  const lines = [...volume.keys()].sort().map((c) => {
    const r = byChannel.get(c) ?? { number: 0, reassembled: 0, inserted: 0 };
    return `  ${c.padEnd(34)} ${String(r.number).padStart(5)} ${String(r.reassembled).padStart(5)} ${String(r.inserted).padStart(5)}   (${volume.get(c)} chars)`;
  });
  console.log(`privacy sweep: ${corpus.planted.length} planted numbers, ${leaks.length} leak(s)\n  ${'channel'.padEnd(34)} whole spelt inserted\n${lines.join('\n')}`);
});

describe('privacy sweep: no identity number leaves through any channel', () => {
  it('the CLI, in every format it offers, and with numbers in its arguments', async () => {
    const help = runCli(['--help']).stdout;
    const formats = /--format\s+(\S+)/.exec(help)?.[1].split('|') ?? ['text'];
    expect(formats).toEqual(expect.arrayContaining(['text', 'json', 'sarif']));
    const n = corpus.settingNumbers;
    const common = ['--rule', `${n.rule}=error`, '--fhir-profile', `**/${n.profileGlob}.json=http://example.invalid/${n.profileUrl}`];
    const runs = await Promise.all(formats.map(async (format) => [format, await runCliAsync(['--format', format, ...common, corpus.dir], { timeoutMs: 180_000 })] as const));
    for (const [format, r] of runs) {
      expect(r.stdout.length, `${format}: ${r.stderr}`).toBeGreaterThan(0);
      scan(`cli ${format} stdout`, [r.stdout], corpus.planted);
      scan(`cli ${format} messages`, cliMessages(format, r.stdout), corpus.planted);
      scan(`cli ${format} stderr`, [r.stderr], corpus.planted);
    }
    // Arguments that hold numbers, each in a run of its own (most end the run with a usage error).
    const argRuns: string[][] = [
      ['--today', n.today, corpus.dir],
      ['--rules', path.join(corpus.dir, `${n.rulesFile}.yaml`), corpus.dir],
      ['--schemas', path.join(corpus.dir, `missing-${n.schemaPath}`), path.join(corpus.dir, 'values.xml')],
      ['--format', n.format, corpus.dir],
      ['--lang', n.lang, corpus.dir],
      ['--max-file-size', n.maxFileSize, corpus.dir],
      [path.join(corpus.dir, `missing-${n.missingPath}.xml`)],
      ['--fhir-profile', n.profileUrl, corpus.dir],
    ];
    const results: CliResult[] = argRuns.map((args) => runCli(args, { timeoutMs: 120_000 }));
    scan('cli arguments stdout', results.map((r) => r.stdout), corpus.planted);
    scan('cli arguments stderr', results.map((r) => r.stderr), corpus.planted);
  }, 400_000);

  describe('the language server', () => {
    let lsp: LspSession;
    const captured: Buffer[] = [];
    const sent: Buffer[] = [];
    const requests = new Map<number | string, { method: string; params: unknown }>();

    beforeAll(async () => {
      const n = corpus.settingNumbers;
      lsp = await startServer({
        workspaceFolders: [corpus.dir],
        settings: {
          today: n.today,
          rules: { [n.rule]: 'error' },
          xml: { schemaPaths: [path.join(corpus.dir, `missing-${n.schemaPath}`)], catalogs: [path.join(corpus.dir, `${n.catalog}.xml`)] },
          fhir: { profiles: { [`**/${n.profileGlob}.json`]: [`http://example.invalid/${n.profileUrl}`] } },
        },
      });
      lsp.process.stdout!.on('data', (d: Buffer) => captured.push(d));
      // What the client asks (its bytes, parsed at the end), to tell which reply belongs to which feature.
      const stdin = lsp.process.stdin!;
      const write = stdin.write.bind(stdin) as (...args: unknown[]) => boolean;
      stdin.write = ((chunk: unknown, ...rest: unknown[]) => {
        sent.push(Buffer.from(chunk as string));
        return write(chunk, ...rest);
      }) as typeof stdin.write;
    }, 60_000);

    afterAll(async () => {
      await lsp?.close();
    });

    it('diagnostics, hovers, code actions, completions, schema status, errors, logs and stderr', async () => {
      const docs = corpus.files.filter((f) => !f.path.includes(`${path.sep}.nhn${path.sep}`));
      const published = await Promise.all(
        docs.map((f) => {
          const done = lsp.diagnostics(f.uri, () => true, 120_000);
          lsp.open(f.uri, f.languageId, f.text);
          return done.then((d) => [f, d] as const);
        }),
      );
      expect(published.reduce((n, [, d]) => n + d.length, 0)).toBeGreaterThan(50);
      const ask = <T>(method: string, params: unknown) => lsp.connection.sendRequest(method, params).then((r) => r as T, (e: Error) => ({ error: e.message }) as T);
      const positionAt = (text: string, offset: number): Position => {
        const before = text.slice(0, offset).split('\n');
        return { line: before.length - 1, character: before[before.length - 1].length };
      };
      for (const [f, diagnostics] of published) {
        const at: Position[] = diagnostics.flatMap((d: Diagnostic) => [d.range.start, { line: d.range.start.line, character: Math.floor((d.range.start.character + d.range.end.character) / 2) }]);
        for (const p of corpus.places.filter((x) => x.what.startsWith(path.basename(f.path)) && x.offset !== undefined)) at.push(positionAt(f.text, p.offset! + 3));
        for (const position of at) {
          await ask(HoverRequest.method, { textDocument: { uri: f.uri }, position });
          await ask(CompletionRequest.method, { textDocument: { uri: f.uri }, position });
        }
        for (const d of diagnostics) await actionsFor(lsp, f.uri, d).catch(() => []);
        // All actions of the whole document at once (fix-all titles).
        await ask('textDocument/codeAction', { textDocument: { uri: f.uri }, range: { start: { line: 0, character: 0 }, end: { line: 9999, character: 0 } }, context: { diagnostics } });
        if (f.languageId === 'xml') await ask('nhn/schemaStatus', { uri: f.uri });
      }
      // A request the server does not know, named by a number: its error reply echoes the name.
      await ask(`nhn/${corpus.settingNumbers.request}`, {});
      // A hover at a line that is a number far past the end.
      await ask(HoverRequest.method, { textDocument: { uri: docs[0].uri }, position: { line: Number(corpus.settingNumbers.position), character: 0 } });
      await new Promise((r) => setTimeout(r, 500));

      for (const m of frames(Buffer.concat(sent))) if (m.id !== undefined && m.method) requests.set(m.id as number, { method: m.method as string, params: m.params });
      const texts = new Map<string, string>(corpus.files.map((f) => [f.uri, f.text]));
      const byChannel = new Map<string, { out: string[]; byDoc: Map<string, string[]> }>();
      const channelOf = (m: Record<string, unknown>): string => {
        if (m.method) return `lsp ${m.method as string}`;
        const request = requests.get(m.id as number);
        if (m.error) return `lsp error replies`;
        return `lsp ${request?.method ?? 'reply'}`;
      };
      for (const m of frames(Buffer.concat(captured))) {
        const channel = channelOf(m);
        const out: string[] = [];
        const inserted: string[] = [];
        strings(m, out, inserted);
        const bucket = byChannel.get(channel) ?? { out: [] as string[], byDoc: new Map<string, string[]>() };
        bucket.out.push(...out);
        const request = requests.get(m.id as number);
        const uri = ((m.params as { uri?: string })?.uri ?? (request?.params as { textDocument?: { uri: string } })?.textDocument?.uri) as string | undefined;
        if (uri) bucket.byDoc.set(uri, [...(bucket.byDoc.get(uri) ?? []), ...out]);
        byChannel.set(channel, bucket);
        checkInserted(channel, inserted, uri ? (texts.get(uri) ?? '') : '');
      }
      expect([...byChannel.keys()]).toEqual(expect.arrayContaining(['lsp textDocument/publishDiagnostics', 'lsp textDocument/hover', 'lsp textDocument/codeAction', 'lsp textDocument/completion', 'lsp error replies']));
      for (const [channel, { out, byDoc }] of byChannel) {
        // Whole numbers anywhere; spelled-out numbers within one document's messages, in order.
        scan(channel, out, []);
        for (const docTexts of byDoc.values()) scan(channel, docTexts, corpus.planted);
      }
      scan('lsp stderr', [lsp.stderr()], corpus.planted);
    }, 600_000);

    it('log lines that name a file (a file over the size limit is skipped with a notice)', async () => {
      const small = await startServer({ workspaceFolders: [corpus.dir], settings: { maxFileSize: 0.00001 } });
      const bytes: Buffer[] = [];
      small.process.stdout!.on('data', (d: Buffer) => bytes.push(d));
      try {
        const named = corpus.files.filter((f) => f.path.includes(`${path.sep}names${path.sep}`));
        await Promise.all(
          named.map((f) => {
            const done = small.diagnostics(f.uri, () => true, 60_000);
            small.open(f.uri, f.languageId, f.text);
            return done;
          }),
        );
        await new Promise((r) => setTimeout(r, 300));
        const logs = frames(Buffer.concat(bytes)).filter((m) => m.method === 'window/logMessage');
        expect(logs.length).toBeGreaterThan(0);
        const out: string[] = [];
        for (const m of logs) strings(m, out, []);
        scan('lsp window/logMessage (skipped)', out, corpus.planted);
        scan('lsp stderr (skipped)', [small.stderr()], corpus.planted);
      } finally {
        await small.close();
      }
    }, 120_000);
  });

  it('the team file of test persons: schema errors quoting a key, an alias without its anchor', () => {
    const team = corpus.files.find((f) => f.path.endsWith(path.join('.nhn', 'testpersons.yaml')))!;
    const numbers = corpus.places.filter((p) => p.what.startsWith('.nhn/')).map((p) => p.number);
    const problems: string[] = [];
    const read = (text: string, file: string) => {
      try {
        problems.push(...parseTeamFile(text, file).problems);
      } catch (err) {
        problems.push(err instanceof Error ? err.message : String(err));
      }
    };
    read(team.text, '.nhn/testpersons.yaml');
    read(team.text.replace(/ {2}- \*a.*\n/, ''), '.nhn/testpersons.yaml');
    read(JSON.stringify({ persons: [{ nin: numbers[0], name: 'A', [numbers[1]]: 1 }], [numbers[2]]: true }), '.nhn/testpersons.json');
    expect(problems.length).toBeGreaterThan(2);
    scan('team file problems', problems, corpus.planted);
  });

  it("the extension's output channel (the server's log and stderr are shown there)", () => {
    const written: string[] = [];
    const record = (...args: unknown[]) => void written.push(args.map(String).join(' '));
    const channel = outgoingChannel({ name: 'NHN', append: record, appendLine: record, replace: record, info: record, warn: record, error: record, debug: record, trace: record, show() {}, hide() {}, clear() {}, dispose() {} } as never);
    const [a, b, c] = corpus.planted;
    (channel as { appendLine(s: string): void }).appendLine(`[Error] Validation of file:///w/${a}.xml failed`);
    (channel as { error(e: Error): void }).error(new Error(`unexpected '${b}'`));
    (channel as { warn(s: string): void }).warn(`${c.slice(0, 6)} ${c.slice(6)}`);
    expect(written).toHaveLength(3);
    scan('extension output channel', written, corpus.planted);
  });

  it('leaks nowhere', () => {
    const report = leaks.slice(0, 40).map((l) => `${l.channel} [${l.kind}] ${l.sample}`);
    expect(report, `${leaks.length} leak(s)`).toEqual([]);
  });
});
