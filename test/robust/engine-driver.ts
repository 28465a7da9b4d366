// Child process for the engine fuzz (bundled by engine-fuzz.test.ts): runs the corpus through the CLI's
// path (decode → analyze with every check) and reports each case on stdout, so the parent can time it,
// kill it on a hang and name the case. File and network access is trapped: the engine has no business
// with either (checks read through the engine's host, which here only records what was asked).
//
//   node engine-driver.cjs ROOT SEED FROM [TO]   (TO: stop before that case, to reproduce one)
//   > index<TAB>kind<TAB>name     before a case
//   < index<TAB>ms<TAB>findings   after it
//   ! index<TAB>message           analyze threw (a crash the engine should have contained)
//   = cases<TAB>peakRssMB<TAB>trapped   at the end

import fs from 'node:fs';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { createEngine, DEFAULT_SETTINGS, languageIdFor, type AnalysisOptions } from '../../server/src/engine';
import { decode } from '../../server/src/host/decode';
import { fuzzCases, loadSeeds } from './cases';

const [root, seedArg, fromArg, toArg] = process.argv.slice(2);
const seed = Number(seedArg);
const from = Number(fromArg ?? 0);
const to = toArg === undefined ? Infinity : Number(toArg);
const { seeds } = loadSeeds(root);

const trapped: string[] = [];
function trap<T extends object>(obj: T, names: string[], what: string): void {
  for (const n of names) {
    const original = (obj as Record<string, unknown>)[n];
    if (typeof original !== 'function') continue;
    (obj as Record<string, unknown>)[n] = (...args: unknown[]) => {
      trapped.push(`${what}.${n}(${String(args[0]).slice(0, 200)})`);
      throw new Error(`robustness driver: ${what}.${n} is not allowed during analysis`);
    };
  }
}
trap(fs, ['openSync', 'readFileSync', 'open', 'readFile', 'createReadStream', 'statSync', 'existsSync'], 'fs');
trap(fs.promises, ['open', 'readFile', 'stat'], 'fs.promises');
trap(net.Socket.prototype, ['connect'], 'net.Socket');
trap(net, ['connect', 'createConnection'], 'net');

const asked: string[] = [];
const engine = createEngine({ readFile: async (p: string) => (asked.push(p), undefined) });
const write = (line: string) => process.stdout.write(line + '\n');

let pending: number | undefined;
// A check whose promise never settles leaves the event loop empty and Node would exit quietly: name it.
process.on('beforeExit', () => {
  if (pending === undefined) return;
  write(`! ${pending}\tthe analysis never settled (a promise that is never resolved)`);
  process.exit(4);
});

async function main(): Promise<void> {
  let peak = 0;
  let count = 0;
  for (const c of fuzzCases(seed, seeds)) {
    if (c.index < from) continue;
    if (c.index >= to) break;
    write(`> ${c.index}\t${c.kind}\t${c.name}`);
    pending = c.index;
    const t0 = performance.now();
    const ctx: AnalysisOptions = {
      today: '2026-11-26',
      language: c.index % 2 ? 'nb' : 'en',
      settings: { ...DEFAULT_SETTINGS, maxFileBytes: c.big ? 64 * 1024 * 1024 : DEFAULT_SETTINGS.maxFileBytes },
    };
    try {
      const decoded = decode(c.bytes());
      const result = decoded.binary
        ? { findings: [] }
        : await engine.analyze({ uri: `file:///fuzz/${c.name}`, languageId: languageIdFor(c.name), text: decoded.text }, ctx);
      for (const f of result.findings) {
        if (!(f.range.start.line >= 0 && f.range.start.character >= 0 && f.range.end.line >= f.range.start.line))
          throw new Error(`bad range ${JSON.stringify(f.range)} from ${f.ruleId}`);
        if (f.ruleId.endsWith('/check-failed')) throw new Error(`${f.ruleId}: ${f.message}`);
      }
      write(`< ${c.index}\t${(performance.now() - t0).toFixed(1)}\t${result.findings.length}`);
    } catch (err) {
      write(`! ${c.index}\t${(err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').slice(0, 300)}`);
    }
    pending = undefined;
    count++;
    if (c.big) (globalThis as { gc?: () => void }).gc?.();
    peak = Math.max(peak, process.memoryUsage().rss / 1048576);
  }
  write(`= ${count}\t${peak.toFixed(0)}\t${[...trapped, ...asked.map((p) => `host.readFile(${p})`)].join(' | ')}`);
}

main().then(
  () => process.exit(0),
  (err) => {
    write(`! -1\t${String(err)}`);
    process.exit(3);
  },
);
