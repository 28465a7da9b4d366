// nhn-lint: the engine for CI. Exit 0 when no finding is an error, 1 when one is, 2 on bad usage.

import './guard-output';
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BUILTIN_RULES, createEngine, DEFAULT_SETTINGS, languageIdFor, resolveToday, type AnalysisOptions, type RuleSetting } from '../engine';
import { compileRuleFile } from '../build/compile-rules';
import { createHost } from '../host/resolvers';
import { decode } from '../host/decode';
import { walk, type WalkProblem } from './walk';
import { readAhead } from './read-ahead';
import { formatJson, formatSarif, formatText, type FileFindings } from './formats';

const VERSION = '0.1.0';
const USAGE = `Usage: nhn-lint [options] PATH...

Checks files for retired NHN hosts, APIs, message types and namespaces, PREG/real identity
numbers, and validates KITH XML and FHIR R4.

Options:
  -f, --format text|json|sarif   output format (default: text)
      --today YYYY-MM-DD         the date deadlines are judged against (default: NHN_TODAY or today)
      --rule-off ID              turn a rule or family off (repeatable)
      --rule ID=SEVERITY         set a rule's severity: error|warning|info|hint|off (repeatable)
      --rules FILE               an extra YAML rule file (repeatable)
      --schemas DIR              a folder of XSDs (repeatable)
      --allow-downloads          fetch NHN's published XSDs (sha256-pinned) when no local one
                                 declares a namespace; kept in --cache-dir for offline runs
      --schema-mirror URL        fetch pinned XSDs from this mirror ({sha256}/{name} template or base URL)
      --cache-dir DIR            the download cache (default: NHN_CACHE_DIR or the user's cache folder)
      --fhir-packages DIR        a folder of FHIR packages or StructureDefinitions (repeatable)
      --code-lists PATH          KITH code lists: a Volven export (XML/CSV) or FHIR CodeSystem,
                                 or a folder of them (repeatable); replaces the built-in list
      --fhir-profile GLOB=URL    apply a FHIR profile to matching files (repeatable)
      --max-file-size MB         skip larger files (default: 20)
      --lang en|nb               message language (default: en)
  -q, --quiet                    print errors only, no summary
      --no-color                 plain text even on a terminal
  -h, --help                     this help
  -v, --version                  the version`;

class UsageError extends Error {}

function parse(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f', default: 'text' },
      today: { type: 'string' },
      'rule-off': { type: 'string', multiple: true, default: [] },
      rule: { type: 'string', multiple: true, default: [] },
      rules: { type: 'string', multiple: true, default: [] },
      schemas: { type: 'string', multiple: true, default: [] },
      'allow-downloads': { type: 'boolean', default: false },
      'schema-mirror': { type: 'string' },
      'cache-dir': { type: 'string' },
      'fhir-packages': { type: 'string', multiple: true, default: [] },
      'code-lists': { type: 'string', multiple: true, default: [] },
      'fhir-profile': { type: 'string', multiple: true, default: [] },
      'max-file-size': { type: 'string' },
      lang: { type: 'string', default: 'en' },
      quiet: { type: 'boolean', short: 'q', default: false },
      'no-color': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'v', default: false },
    },
  });
  if (!['text', 'json', 'sarif'].includes(values.format!)) throw new UsageError(`unknown format '${values.format}' (text, json or sarif)`);
  if (values.lang !== 'en' && values.lang !== 'nb') throw new UsageError(`unknown language '${values.lang}' (en or nb)`);
  for (const p of values['code-lists']!) if (!existsSync(p)) throw new UsageError(`--code-lists: no such file or folder: ${p}`);
  const rules: Record<string, RuleSetting> = {};
  for (const id of values['rule-off']!) rules[id] = 'off';
  for (const spec of values.rule!) {
    const m = /^([\w*./-]+)=(error|warning|info|hint|off|default)$/.exec(spec);
    if (!m) throw new UsageError(`--rule expects ID=error|warning|info|hint|off, got '${spec}'`);
    rules[m[1]] = m[2] as RuleSetting;
  }
  let maxFileBytes = DEFAULT_SETTINGS.maxFileBytes;
  if (values['max-file-size'] !== undefined) {
    const mb = Number(values['max-file-size']);
    if (!(mb > 0)) throw new UsageError(`--max-file-size expects a positive number of MB`);
    maxFileBytes = mb * 1024 * 1024;
  }
  let today: string;
  try {
    today = resolveToday(values.today);
  } catch (err) {
    throw new UsageError(`--today/NHN_TODAY: ${(err as Error).message}`);
  }
  return { values, positionals, rules, maxFileBytes, today };
}

export async function main(argv: string[]): Promise<number> {
  let opts;
  try {
    opts = parse(argv);
  } catch (err) {
    process.stderr.write(`nhn-lint: ${(err as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = opts;
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (values.version) {
    process.stdout.write(VERSION + '\n');
    return 0;
  }
  if (positionals.length === 0) {
    process.stderr.write(`nhn-lint: no PATH given\n\n${USAGE}\n`);
    return 2;
  }

  const rules = [...BUILTIN_RULES];
  for (const file of values.rules!) {
    try {
      rules.push(...compileRuleFile(await readFile(file, 'utf8'), file));
    } catch (err) {
      process.stderr.write(`nhn-lint: ${(err as Error).message}\n`);
      return 2;
    }
  }
  // The folders being linted are the CLI's workspace: their XSDs are found by namespace, no flags needed.
  const roots = positionals.filter((p) => existsSync(p) && statSync(p).isDirectory()).map((p) => path.resolve(p).split(path.sep).join('/'));
  const engine = createEngine({ ...createHost({ cacheDir: values['cache-dir'] }), workspaceFolders: () => roots }, { rules });
  const ctx: AnalysisOptions = {
    today: opts.today,
    language: values.lang as 'en' | 'nb',
    settings: {
      ...DEFAULT_SETTINGS,
      rules: opts.rules,
      schemaPaths: values.schemas!,
      fhirPackagePaths: values['fhir-packages']!,
      codeListPaths: values['code-lists']!.map((p) => path.resolve(p).split(path.sep).join('/')),
      fhirProfiles: profileMap(values['fhir-profile']!),
      maxFileBytes: opts.maxFileBytes,
      allowDownloads: values['allow-downloads']!,
      schemaMirror: values['schema-mirror'],
    },
  };

  const problems: WalkProblem[] = [];
  const results: FileFindings[] = [];
  const progress = process.stderr.isTTY && !values.quiet;
  let files = 0;
  const notice = (file: string, message: string) => {
    if (!values.quiet) process.stderr.write(`nhn-lint: ${file}: ${message}\n`);
  };
  for await (const read of readAhead(walk(positionals, problems), opts.maxFileBytes)) {
    const { file } = read;
    if ('error' in read) {
      problems.push({ file, message: `cannot read: ${read.error.code ?? read.error.message}` });
      continue;
    }
    files++;
    if (progress && files % 200 === 0) process.stderr.write(`\r${files} files…`);
    if ('tooLarge' in read) {
      notice(file, `skipped: ${(read.tooLarge / 1048576).toFixed(1)} MB is above --max-file-size`);
      continue;
    }
    const decoded = decode(read.bytes);
    if (decoded.binary) continue; // binary files are skipped silently, as grep and ripgrep do
    if (decoded.notice) notice(file, decoded.notice);
    const result = await engine.analyze({ uri: file, languageId: languageIdFor(file), text: decoded.text }, ctx);
    if (result.skipped) notice(file, result.skipped.message);
    if (result.findings.length) results.push({ file, findings: result.findings });
  }
  if (progress && files >= 200) process.stderr.write('\r');
  for (const p of problems) notice(p.file, p.message);

  const shown = values.quiet ? results.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error') })).filter((r) => r.findings.length) : results;
  let out: string;
  if (values.format === 'json') out = formatJson(shown, files);
  else if (values.format === 'sarif') out = formatSarif(shown, rules, VERSION);
  else if (values.quiet) out = formatText(shown, files, false).split('\n').slice(0, -1).join('\n');
  else out = formatText(shown, files, process.stdout.isTTY && !values['no-color'] && !process.env.NO_COLOR);
  if (out) process.stdout.write(out + '\n');
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
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

/** `--fhir-profile GLOB=URL` (repeatable) → glob → profile URLs. */
function profileMap(pairs: string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--fhir-profile needs GLOB=URL, got '${pair}'`);
    (out[pair.slice(0, eq)] ??= []).push(pair.slice(eq + 1));
  }
  return out;
}
