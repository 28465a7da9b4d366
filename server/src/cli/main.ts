// nhn-lint: the engine for CI. Exit 0 when no finding is at or above the threshold, 1 when one is
// (an error, or more warnings than --max-warnings), 2 on bad usage or a configuration error.

import './guard-output';
import { statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  BUILTIN_RULES,
  createEngine,
  DEFAULT_SETTINGS,
  languageIdFor,
  resolveToday,
  type AnalysisOptions,
  type AnalysisResult,
  type Finding,
  type Settings,
} from '../engine';
import { compileRuleFile } from '../build/compile-rules';
import { createHost } from '../host/resolvers';
import { decode } from '../host/decode';
import { ConfigResolver, EMPTY_CONFIG, type ConfigError, type EffectiveConfig } from '../host/project-config';
import { installProxy } from '../host/proxy';
import { walk, type WalkProblem } from './walk';
import { readAhead } from './read-ahead';
import { readTextFile } from '../../../shared/read-file';
import { escapeControls, formatJson, formatSarif, formatText, rel, type FileFindings, type ReportedFinding, type Skipped } from './formats';
import { formatGitlab, formatJunit } from './formats-ci';
import { parseCli, unknownRuleKeys, UsageError, USAGE, type CliOptions } from './args';
import { applyFixes, certainEdits, encode, encodingOf, isParseFailure, parses } from './fix';
import { unifiedDiff } from './diff';
import { BaselineError, BaselineMatcher, baselinePath, fingerprintsOf, readBaseline, writeBaseline, type BaselineEntry } from '../host/baseline';
import { changedSince, GitError } from './changed';
import { schemasMain } from './schemas';
import { codeListNotices } from './notices';

const VERSION = '0.1.0';
/** A fix can reveal another (a namespace rewrite makes a schema location checkable): a few passes, never a loop. */
const MAX_FIX_PASSES = 10;

class ConfigFailure extends Error {}

function configMessage(errors: ConfigError[]): string {
  return errors.map((e) => `${escapeControls(rel(e.file))}:${e.range.start.line + 1}:${e.range.start.character + 1}: ${escapeControls(e.message)}`).join('\n');
}

export async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'schemas') return schemasMain(argv.slice(1));
  let opts: CliOptions;
  try {
    opts = parseCli(argv);
  } catch (err) {
    process.stderr.write(`nhn-lint: ${(err as Error).message}\nRun 'nhn-lint --help' for the options.\n`);
    return 2;
  }
  if (opts.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (opts.version) {
    process.stdout.write(VERSION + '\n');
    return 0;
  }
  if (opts.paths.length === 0) {
    process.stderr.write(`nhn-lint: no PATH given\n\n${USAGE}\n`);
    return 2;
  }
  // A path that does not exist is a usage error (exit 2); the others are still checked and reported.
  const missing = opts.paths.filter((p) => !exists(p));
  for (const p of missing) process.stderr.write(`nhn-lint: ${escapeControls(p)}: no such file or folder\n`);
  if (missing.length === opts.paths.length) return 2;
  opts = { ...opts, paths: opts.paths.filter((p) => !missing.includes(p)) };
  try {
    const code = await run(opts);
    return missing.length ? 2 : code;
  } catch (err) {
    if (err instanceof UsageError || err instanceof BaselineError || err instanceof GitError || err instanceof ConfigFailure) {
      process.stderr.write(`nhn-lint: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}

async function run(opts: CliOptions): Promise<number> {
  installProxy();
  const rules = [...BUILTIN_RULES];
  for (const file of opts.ruleFiles) {
    try {
      rules.push(...compileRuleFile(await readTextFile(file), file));
    } catch (err) {
      throw new UsageError(`--rules ${file}: ${(err as Error).message}`);
    }
  }
  const unknown = unknownRuleKeys(Object.keys(opts.rules), rules);
  if (unknown.length)
    throw new UsageError(
      `unknown rule or family: ${unknown.map((k) => `'${k}'`).join(', ')} (a family such as host, nin, xsd, or a rule id such as host/nilar)`,
    );

  // The folders being linted are the CLI's workspace: their XSDs are found by namespace, no flags needed.
  const roots = opts.paths.filter((p) => statSync(p).isDirectory()).map((p) => path.resolve(p).split(path.sep).join('/'));
  const engine = createEngine({ ...createHost({ cacheDir: opts.cacheDir, workspaceFolders: () => roots }), workspaceFolders: () => roots }, { rules });

  const configs = opts.noConfig ? undefined : new ConfigResolver({ explicit: opts.configFile, rules });
  const checkedConfigs = new WeakSet<EffectiveConfig>();
  const configFor = async (file: string, isDir = false): Promise<EffectiveConfig> => {
    if (!configs) return EMPTY_CONFIG;
    const cfg = await (isDir ? configs.forDir(path.resolve(file)) : configs.forFile(file));
    if (!checkedConfigs.has(cfg)) {
      checkedConfigs.add(cfg);
      if (cfg.errors.length) throw new ConfigFailure(`configuration error:\n${configMessage(cfg.errors)}`);
    }
    return cfg;
  };
  // A broken configuration stops the run before any file is read.
  for (const p of opts.paths) await configFor(p, statSync(p).isDirectory());

  const contexts = new Map<EffectiveConfig, AnalysisOptions>();
  const contextFor = (cfg: EffectiveConfig): AnalysisOptions => {
    let ctx = contexts.get(cfg);
    if (!ctx) {
      // Flags win over the configuration file; folder lists are joined.
      const settings: Settings = {
        ...DEFAULT_SETTINGS,
        rules: { ...cfg.rules, ...opts.rules },
        schemaPaths: [...cfg.schemas, ...opts.schemas],
        catalogs: [...cfg.catalogs],
        fhirPackagePaths: [...cfg.fhirPackages, ...opts.fhirPackages],
        fhirProfiles: { ...cfg.fhirProfiles, ...opts.fhirProfiles },
        ...(cfg.codeLists.length || opts.codeLists.length ? { codeListPaths: [...cfg.codeLists, ...opts.codeLists] } : {}),
        maxFileBytes: opts.maxFileBytes,
        allowDownloads: opts.allowDownloads,
        schemaMirror: opts.schemaMirror,
      };
      ctx = { today: opts.today ?? cfg.today ?? resolveToday(undefined, {}), language: opts.language, settings };
      contexts.set(cfg, ctx);
    }
    return ctx;
  };

  const changed = opts.changedSince ? changedSince(opts.changedSince) : undefined;
  const named = new Set(opts.paths.map((p) => path.resolve(p)));
  const baseline = opts.baseline ? new BaselineMatcher(await readBaseline(opts.baseline)) : undefined;
  const baselineFile = opts.baseline ?? opts.baselineWrite;
  const recorded: BaselineEntry[] = [];

  const problems: WalkProblem[] = [];
  const results: FileFindings[] = [];
  const checked: string[] = [];
  const checkedForBaseline = new Set<string>();
  const progress = process.stderr.isTTY && !opts.quiet;
  let files = 0;
  let baselined = 0;
  let fixedTotal = 0;
  const skipped: Skipped = { binary: 0, tooLarge: 0 };
  let seen = 0; // files read, checked or not (the progress line)
  const diffs: string[] = [];
  // The settings XML files were checked under: where code lists judged codes (their load problems are told).
  const xmlContexts = new Set<AnalysisOptions>();
  const notice = (file: string, message: string) => {
    if (!opts.quiet) process.stderr.write(`nhn-lint: ${escapeControls(file)}: ${escapeControls(message)}\n`);
  };

  const filtered = async function* (): AsyncGenerator<string> {
    for await (const file of walk(opts.paths, problems)) {
      const abs = path.resolve(file);
      if (changed && !changed.has(abs)) continue;
      if (baselineFile && abs === path.resolve(baselineFile)) continue; // the baseline is the tool's own file
      if (!named.has(abs) && (await configFor(abs)).ignores(abs)) continue;
      yield file;
    }
  };

  for await (const read of readAhead(filtered(), opts.maxFileBytes)) {
    const { file } = read;
    if ('error' in read) {
      problems.push({ file, message: `cannot read: ${read.error.code ?? read.error.message}` });
      continue;
    }
    if (progress && ++seen % 200 === 0) process.stderr.write(`\r${seen} files…`);
    if ('tooLarge' in read) {
      skipped.tooLarge++;
      notice(file, `skipped: ${(read.tooLarge / 1048576).toFixed(1)} MB is above --max-file-size`);
      continue;
    }
    const decoded = decode(read.bytes);
    if (decoded.binary) {
      skipped.binary++; // skipped quietly, as grep and ripgrep do; counted in the summary
      continue;
    }
    files++;
    if (decoded.notice) notice(file, decoded.notice);
    const ctx = contextFor(await configFor(file));
    if (languageIdFor(file) === 'xml') xmlContexts.add(ctx);
    const doc = (text: string) => ({ uri: file, languageId: languageIdFor(file), text, encoding: decoded.encoding });
    let text = decoded.text;
    let result = await engine.analyze(doc(text), ctx);
    if (result.skipped) notice(file, result.skipped.message);

    if ((opts.fix || opts.fixDryRun) && !result.skipped) {
      const outcome = await fixFile(text, read.bytes, result.findings, languageIdFor(file), (t) => engine.analyze(doc(t), ctx));
      if (outcome.refusal) notice(file, outcome.refusal);
      else if (outcome.applied.length) {
        fixedTotal += outcome.applied.length;
        if (opts.fixDryRun) diffs.push(unifiedDiff(rel(file), text, outcome.text));
        else {
          await writeFile(file, encode(outcome.text, outcome.encoding!));
          notice(file, `fixed ${outcome.applied.length}: ${summarise(outcome.applied)}`);
        }
        text = outcome.text;
        result = outcome.result!;
      }
    }

    checked.push(file);
    const findings: ReportedFinding[] = result.findings;
    const prints = fingerprintsOf(text, findings);
    findings.forEach((f, i) => (f.fingerprint = prints[i]));
    if (baselineFile) {
      const name = baselinePath(baselineFile, file);
      checkedForBaseline.add(name);
      for (const f of findings) {
        if (opts.baselineWrite) recorded.push({ file: name, rule: f.ruleId, fingerprint: f.fingerprint!, line: f.range.start.line + 1 });
        else if (baseline) {
          f.baselineState = baseline.state(name, f.fingerprint!);
          if (f.baselineState === 'unchanged') baselined++;
        }
      }
    }
    if (findings.length) results.push({ file, findings });
  }
  if (progress && seen >= 200) process.stderr.write('\r');
  for (const p of problems) notice(p.file, p.message);
  const notices = await codeListNotices(engine, xmlContexts);
  for (const n of notices) process.stderr.write(`nhn-lint: ${escapeControls(n.file)}: ${escapeControls(n.message)}\n`);

  if (opts.baselineWrite) {
    await writeBaseline(opts.baselineWrite, recorded);
    if (!opts.quiet)
      process.stderr.write(`nhn-lint: ${escapeControls(opts.baselineWrite)}: baseline of ${recorded.length} finding(s) in ${files} file(s) written\n`);
    return 0;
  }

  // Gone: baseline entries of files checked now (or deleted since) that no finding matched.
  const baseDir = baselineFile ? path.dirname(path.resolve(baselineFile)) : '.';
  const absent = baseline?.gone(
    (name) => checkedForBaseline.has(name) || (!changed && !exists(path.resolve(baseDir, name)) && underRoots(path.resolve(baseDir, name), opts.paths)),
  );

  // What counts: new findings only, when there is a baseline.
  const current = baseline
    ? results.map((r) => ({ ...r, findings: r.findings.filter((f) => f.baselineState === 'new') })).filter((r) => r.findings.length)
    : results;
  const shown = opts.quiet
    ? current.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error') })).filter((r) => r.findings.length)
    : current;

  let out: string;
  if (opts.fixDryRun) out = diffs.join('');
  else if (opts.format === 'json') out = formatJson(shown, files, { ...(absent ? { absent } : {}), skipped, notices });
  else if (opts.format === 'sarif') out = formatSarif(opts.quiet ? shown : results, rules, VERSION, { absent, baselineRoot: baseDir, notices });
  else if (opts.format === 'gitlab') out = formatGitlab(shown);
  else if (opts.format === 'junit') out = formatJunit(shown, checked);
  else {
    const colour = process.stdout.isTTY && !opts.noColor && !process.env.NO_COLOR;
    const lines = formatText(shown, files, colour, skipped).split('\n');
    const summary = lines.pop()!;
    if (absent && !opts.quiet)
      for (const a of absent) lines.push(`${escapeControls(rel(path.resolve(baseDir, a.file)))}:${a.line}: gone since the baseline [${a.rule}]`);
    if (!opts.quiet) {
      lines.push(summary);
      if (baseline) lines.push(`Baseline: ${baselined} known finding(s) not shown, ${absent!.length} gone.`);
      if (opts.fix && fixedTotal) lines.push(`Fixed ${fixedTotal} finding(s).`);
    }
    out = lines.join('\n');
  }
  if (out) process.stdout.write(out.endsWith('\n') ? out : out + '\n');

  const count = (s: Finding['severity']) => current.reduce((n, r) => n + r.findings.filter((f) => f.severity === s).length, 0);
  if (count('error') > 0) return 1;
  if (opts.maxWarnings !== undefined && count('warning') > opts.maxWarnings) {
    if (!opts.quiet) process.stderr.write(`nhn-lint: ${count('warning')} warning(s), more than --max-warnings ${opts.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

interface FixOutcome {
  text: string;
  applied: string[];
  refusal?: string;
  encoding?: ReturnType<typeof encodingOf>;
  result?: AnalysisResult;
}

async function fixFile(
  original: string,
  bytes: Uint8Array,
  findings: Finding[],
  languageId: string,
  reanalyze: (text: string) => Promise<AnalysisResult>,
): Promise<FixOutcome> {
  if (!certainEdits(findings).length) return { text: original, applied: [] };
  if (findings.some(isParseFailure) || !parses(languageId, original)) return { text: original, applied: [], refusal: 'not fixed: the file does not parse' };
  const encoding = encodingOf(bytes, original);
  if (encoding.refusal) return { text: original, applied: [], refusal: encoding.refusal };
  let text = original;
  let current = findings;
  let result: AnalysisResult | undefined;
  const applied: string[] = [];
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const fixes = certainEdits(current);
    if (!fixes.length) break;
    const next = applyFixes(text, fixes);
    if (next.text === text) break;
    result = await reanalyze(next.text);
    if (result.findings.some(isParseFailure) || !parses(languageId, next.text))
      return { text: original, applied: [], refusal: 'not fixed: the fixed text would not parse' };
    text = next.text;
    current = result.findings;
    applied.push(...next.applied);
  }
  return { text, applied, encoding, result };
}

function summarise(ruleIds: string[]): string {
  const counts = new Map<string, number>();
  for (const id of ruleIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts].map(([id, n]) => (n > 1 ? `${id} ×${n}` : id)).join(', ');
}

function exists(p: string): boolean {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}

function underRoots(file: string, roots: string[]): boolean {
  return roots.some((r) => {
    const rr = path.relative(path.resolve(r), file);
    return rr === '' || (!rr.startsWith('..') && !path.isAbsolute(rr));
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`nhn-lint: internal error: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 2;
  },
);
