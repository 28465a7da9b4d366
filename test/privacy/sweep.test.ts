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
import { HoverRequest } from 'vscode-languageserver-protocol';
import { runCli, runCliAsync, type CliResult } from '../helpers/cli';
import { startServer, type LspSession } from '../helpers/lsp';
import { buildCorpus, type Corpus } from './corpus';
import { capture, cliMessages, exercise, frames, LeakLog, scanSession, strings } from './channels';
import { parseTeamFile } from '../../client/src/persons/team-file';
import { outgoingChannel } from '../../client/src/outgoing';

const log = new LeakLog();

let corpus: Corpus;

beforeAll(() => {
  corpus = buildCorpus(mkdtempSync(path.join(tmpdir(), 'nhn-privacy-')));
});

afterAll(() => {
  rmSync(corpus.dir, { recursive: true, force: true });
  console.log(log.table(`privacy sweep (${corpus.planted.length} planted numbers)`));
});

describe('privacy sweep: no identity number leaves through any channel', () => {
  it('the CLI, in every format it offers, and with numbers in its arguments', async () => {
    const help = runCli(['--help']).stdout;
    const formats = /--format\s+(\S+)/.exec(help)?.[1].split('|') ?? ['text'];
    expect(formats).toEqual(expect.arrayContaining(['text', 'json', 'sarif']));
    const n = corpus.settingNumbers;
    const common = ['--fhir-profile', `**/${n.profileGlob}.json=http://example.invalid/${n.profileUrl}`];
    const runs = await Promise.all(
      formats.map(async (format) => [format, await runCliAsync(['--format', format, ...common, corpus.dir], { timeoutMs: 180_000 })] as const),
    );
    for (const [format, r] of runs) {
      expect(r.stdout.length, `${format}: ${r.stderr}`).toBeGreaterThan(0);
      log.scan(`cli ${format} stdout`, [r.stdout], corpus.planted);
      log.spelt(`cli ${format} stdout`, cliMessages(format, r.stdout), corpus.planted);
      log.scan(`cli ${format} stderr`, [r.stderr], corpus.planted);
    }
    // Arguments that hold numbers, each in a run of its own (most end the run with a usage error).
    const argRuns: string[][] = [
      // A rule key that names no rule is a usage error (issue 18): its own run.
      ['--rule', `${n.rule}=error`, corpus.dir],
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
    log.scan(
      'cli arguments stdout',
      results.map((r) => r.stdout),
      corpus.planted,
    );
    log.scan(
      'cli arguments stderr',
      results.map((r) => r.stderr),
      corpus.planted,
    );
  }, 400_000);

  describe('the language server', () => {
    let lsp: LspSession;
    let streams: ReturnType<typeof capture>;

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
      streams = capture(lsp);
    }, 60_000);

    afterAll(async () => {
      await lsp?.close();
    });

    it('diagnostics, hovers, code actions, completions, schema status, errors, logs and stderr', async () => {
      const docs = corpus.files
        .filter((f) => !f.path.includes(`${path.sep}.nhn${path.sep}`))
        .map((f) => ({ ...f, offsets: corpus.places.filter((p) => p.file === f.path && p.offset !== undefined).map((p) => p.offset!) }));
      expect(await exercise(lsp, docs)).toBeGreaterThan(50);
      // A request the server does not know, named by a number: its error reply echoes the name.
      await lsp.connection.sendRequest(`nhn/${corpus.settingNumbers.request}`, {}).catch(() => undefined);
      // A hover at a line that is a number far past the end.
      await lsp.connection
        .sendRequest(HoverRequest.method, { textDocument: { uri: docs[0].uri }, position: { line: Number(corpus.settingNumbers.position), character: 0 } })
        .catch(() => undefined);
      await new Promise((r) => setTimeout(r, 500));
      const channels = scanSession(log, streams, new Map(corpus.files.map((f) => [f.uri, f.text])), corpus.planted);
      expect(channels).toEqual(
        expect.arrayContaining([
          'lsp textDocument/publishDiagnostics',
          'lsp textDocument/hover',
          'lsp textDocument/codeAction',
          'lsp textDocument/completion',
          'lsp error replies',
        ]),
      );
      log.scan('lsp stderr', [lsp.stderr()], corpus.planted);
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
        log.scan('lsp window/logMessage (skipped)', out, corpus.planted);
        log.scan('lsp stderr (skipped)', [small.stderr()], corpus.planted);
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
    log.scan('team file problems', problems, corpus.planted);
  });

  it("the extension's output channel (the server's log and stderr are shown there)", () => {
    const written: string[] = [];
    const record = (...args: unknown[]) => void written.push(args.map(String).join(' '));
    const channel = outgoingChannel({
      name: 'NHN',
      append: record,
      appendLine: record,
      replace: record,
      info: record,
      warn: record,
      error: record,
      debug: record,
      trace: record,
      show() {},
      hide() {},
      clear() {},
      dispose() {},
    } as never);
    const [a, b, c] = corpus.planted;
    (channel as { appendLine(s: string): void }).appendLine(`[Error] Validation of file:///w/${a}.xml failed`);
    (channel as { error(e: Error): void }).error(new Error(`unexpected '${b}'`));
    (channel as { warn(s: string): void }).warn(`${c.slice(0, 6)} ${c.slice(6)}`);
    expect(written).toHaveLength(3);
    log.scan('extension output channel', written, corpus.planted);
  });

  it('leaks nowhere', () => {
    const report = log.leaks.slice(0, 40).map((l) => `${l.channel} [${l.kind}] ${l.sample}`);
    expect(report, `${log.leaks.length} leak(s)`).toEqual([]);
  });
});
