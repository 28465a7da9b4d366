// nhn-lint's command line: parsed and validated up front, so a mistake is a clear message and exit 2
// before any file is read, never a silent default or a stack trace.

import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_SETTINGS, type RuleSetting } from '../engine';
import { isCalendarDate } from '../host/project-config';
export { unknownRuleKeys } from '../host/project-config';

export const FORMATS = ['text', 'json', 'sarif', 'gitlab', 'junit'] as const;
export type Format = (typeof FORMATS)[number];

export const USAGE = `Usage: nhn-lint [options] PATH...
       nhn-lint schemas fetch|list [options]   (nhn-lint schemas --help)

Checks files for retired NHN hosts, APIs, message types and namespaces, PREG/real identity
numbers, and validates KITH XML and FHIR R4.

Options:
  -f, --format text|json|sarif|gitlab|junit
                                 output format (default: text; gitlab: Code Quality, junit: JUnit XML)
      --config FILE              use this configuration file instead of looking for .nhn-lint.yaml
      --no-config                ignore configuration files
      --today YYYY-MM-DD         the date deadlines are judged against (default: NHN_TODAY, the config, today)
      --rule-off ID              turn a rule or family off (repeatable)
      --rule ID=SEVERITY         set a rule's severity: error|warning|info|hint|off (repeatable)
      --rules FILE               an extra YAML rule file (repeatable)
      --schemas DIR              a folder of XSDs (repeatable)
      --allow-downloads          fetch NHN's published XSDs (sha256-pinned) when no local one
                                 declares a namespace; kept in --cache-dir for offline runs
      --schema-mirror URL        fetch pinned XSDs from this mirror ({sha256}/{name} template or base URL)
      --cache-dir DIR            the download cache (default: NHN_CACHE_DIR or the user's cache folder)
      --fhir-packages DIR        a folder of FHIR packages or StructureDefinitions (repeatable)
      --fhir-profile GLOB=URL    apply a FHIR profile to matching files (repeatable)
      --code-lists PATH          KITH code lists: a Volven export (XML/CSV) or FHIR CodeSystem,
                                 or a folder of them (repeatable); replaces the built-in list
      --max-file-size MB         skip larger files (default: 20)
      --fix                      apply the fixes known to be right, in place, and report what remains
      --fix-dry-run              print the fixes as a unified diff instead of writing them
      --baseline FILE            report only findings that are not in this baseline
      --baseline-write FILE      record today's findings as the baseline (exit 0)
      --max-warnings N           also fail (exit 1) when there are more than N warnings
      --changed-since GIT_REF    check only files changed since GIT_REF (and uncommitted ones)
      --lang en|nb               message language (default: en)
  -q, --quiet                    print errors only, no summary
      --no-color                 plain text even on a terminal
  -h, --help                     this help
  -v, --version                  the version

Exit codes: 0 no finding at or above the threshold, 1 findings (errors, or more warnings than
--max-warnings), 2 usage or configuration error.`;

export class UsageError extends Error {}

export interface CliOptions {
  format: Format;
  paths: string[];
  configFile?: string;
  noConfig: boolean;
  /** From --today or NHN_TODAY (validated); the config's `today` applies when neither is given. */
  today?: string;
  rules: Record<string, RuleSetting>;
  ruleFiles: string[];
  schemas: string[];
  allowDownloads: boolean;
  schemaMirror?: string;
  cacheDir?: string;
  fhirPackages: string[];
  fhirProfiles: Record<string, string[]>;
  /** Absolute, `/`-separated. */
  codeLists: string[];
  maxFileBytes: number;
  fix: boolean;
  fixDryRun: boolean;
  baseline?: string;
  baselineWrite?: string;
  maxWarnings?: number;
  changedSince?: string;
  language: 'en' | 'nb';
  quiet: boolean;
  noColor: boolean;
  help: boolean;
  version: boolean;
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

export function parseCli(argv: string[], env: NodeJS.ProcessEnv = process.env): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f', default: 'text' },
        config: { type: 'string' },
        'no-config': { type: 'boolean', default: false },
        today: { type: 'string' },
        'rule-off': { type: 'string', multiple: true, default: [] },
        rule: { type: 'string', multiple: true, default: [] },
        rules: { type: 'string', multiple: true, default: [] },
        schemas: { type: 'string', multiple: true, default: [] },
        'allow-downloads': { type: 'boolean', default: false },
        'schema-mirror': { type: 'string' },
        'cache-dir': { type: 'string' },
        'fhir-packages': { type: 'string', multiple: true, default: [] },
        'fhir-profile': { type: 'string', multiple: true, default: [] },
        'code-lists': { type: 'string', multiple: true, default: [] },
        'max-file-size': { type: 'string' },
        fix: { type: 'boolean', default: false },
        'fix-dry-run': { type: 'boolean', default: false },
        baseline: { type: 'string' },
        'baseline-write': { type: 'string' },
        'max-warnings': { type: 'string' },
        'changed-since': { type: 'string' },
        lang: { type: 'string', default: 'en' },
        quiet: { type: 'boolean', short: 'q', default: false },
        'no-color': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format '${values.format}' (${FORMATS.join(', ')})`);
  if (values.lang !== 'en' && values.lang !== 'nb') throw new UsageError(`unknown language '${values.lang}' (en or nb)`);
  if (values.config !== undefined && values['no-config']) throw new UsageError('--config and --no-config exclude each other');
  if (values.fix && values['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run exclude each other');
  if (values.baseline !== undefined && values['baseline-write'] !== undefined) throw new UsageError('--baseline and --baseline-write exclude each other');

  const rules: Record<string, RuleSetting> = {};
  for (const id of values['rule-off']!) rules[id] = 'off';
  for (const spec of values.rule!) {
    const m = /^([\w*./-]+)=(error|warning|info|hint|off|default)$/.exec(spec);
    if (!m) throw new UsageError(`--rule expects ID=error|warning|info|hint|off|default, got '${spec}'`);
    rules[m[1]] = m[2] as RuleSetting;
  }

  let maxFileBytes = DEFAULT_SETTINGS.maxFileBytes;
  if (values['max-file-size'] !== undefined) {
    const mb = Number(values['max-file-size']);
    if (!(mb > 0) || !Number.isFinite(mb)) throw new UsageError(`--max-file-size expects a positive number of MB, got '${values['max-file-size']}'`);
    maxFileBytes = mb * 1024 * 1024;
  }
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    if (!/^\d+$/.test(values['max-warnings'])) throw new UsageError(`--max-warnings expects a whole number ≥ 0, got '${values['max-warnings']}'`);
    maxWarnings = Number(values['max-warnings']);
  }

  let today: string | undefined;
  if (values.today !== undefined) {
    if (!isCalendarDate(values.today)) throw new UsageError(`--today expects a calendar date YYYY-MM-DD, got '${values.today}'`);
    today = values.today;
  } else if (env.NHN_TODAY) {
    if (!isCalendarDate(env.NHN_TODAY)) throw new UsageError(`NHN_TODAY must be a calendar date YYYY-MM-DD, got '${env.NHN_TODAY}'`);
    today = env.NHN_TODAY;
  }

  for (const dir of values.schemas!) if (!isDir(dir)) throw new UsageError(`--schemas ${dir}: no such folder`);
  for (const dir of values['fhir-packages']!) if (!isDir(dir)) throw new UsageError(`--fhir-packages ${dir}: no such folder`);
  for (const p of values['code-lists']!) if (!existsSync(p)) throw new UsageError(`--code-lists: no such file or folder: ${p}`);

  return {
    format,
    paths: positionals,
    configFile: values.config,
    noConfig: values['no-config']!,
    today,
    rules,
    ruleFiles: values.rules!,
    schemas: values.schemas!,
    allowDownloads: values['allow-downloads']!,
    schemaMirror: values['schema-mirror'],
    cacheDir: values['cache-dir'],
    fhirPackages: values['fhir-packages']!,
    fhirProfiles: profileMap(values['fhir-profile']!),
    codeLists: values['code-lists']!.map((p) => path.resolve(p).split(path.sep).join('/')),
    maxFileBytes,
    fix: values.fix!,
    fixDryRun: values['fix-dry-run']!,
    baseline: values.baseline,
    baselineWrite: values['baseline-write'],
    maxWarnings,
    changedSince: values['changed-since'],
    language: values.lang as 'en' | 'nb',
    quiet: values.quiet!,
    noColor: values['no-color']!,
    help: values.help!,
    version: values.version!,
  };
}

/** A profile is named by its canonical URL: http(s) or urn. */
const PROFILE_URL = /^(https?:\/\/[^\s/]+\/\S*|urn:[a-z0-9][a-z0-9-]*:\S+)$/i;

/** `--fhir-profile GLOB=URL` (repeatable) → glob → profile URLs. */
function profileMap(pairs: string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--fhir-profile expects GLOB=URL (e.g. '**/*.patient.json=http://example.org/StructureDefinition/p'), got '${pair}'`);
    const url = pair.slice(eq + 1);
    if (!PROFILE_URL.test(url)) throw new UsageError(`--fhir-profile ${pair}: '${url}' is not a profile's canonical URL (http://…, https://… or urn:…)`);
    (out[pair.slice(0, eq)] ??= []).push(url);
  }
  return out;
}
