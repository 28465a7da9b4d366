// Output formats of nhn-lint: text (file:line:col, coloured on a TTY), json (version 1) and SARIF 2.1.0.
// GitLab Code Quality and JUnit XML are in ./formats-ci.

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, Rule, Severity } from '../engine';
import type { BaselineEntry, BaselineState } from '../host/baseline';
import type { Notice } from './notices';

export interface ReportedFinding extends Finding {
  /** Stable across unrelated edits and moved lines (see ./baseline). */
  fingerprint?: string;
  /** Set when a baseline was given. */
  baselineState?: BaselineState;
}

export interface FileFindings {
  file: string;
  findings: ReportedFinding[];
}

export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  rule: string;
  message: string;
  fingerprint?: string;
  baselineState?: BaselineState;
}

/** The path as shown: relative to the working folder when inside it, `/`-separated. */
export function rel(file: string): string {
  const r = path.relative(process.cwd(), file);
  return (r && !r.startsWith('..') && !path.isAbsolute(r) ? r : file).split(path.sep).join('/');
}

/**
 * Control characters (a newline in a file name, an escape sequence in a value) written as `\n`, `\x1b`, …:
 * one finding is one line, and nothing from a file can forge another line or recolour the terminal.
 */
export function escapeControls(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    const code = c.charCodeAt(0);
    return code > 0xff ? `\\u${code.toString(16).padStart(4, '0')}` : `\\x${code.toString(16).padStart(2, '0')}`;
  });
}

export function toJsonFindings(results: FileFindings[]): JsonFinding[] {
  return results.flatMap(({ file, findings }) => {
    const name = rel(file);
    return findings.map((f) => ({
      file: name,
      line: f.range.start.line + 1,
      column: f.range.start.character + 1,
      endLine: f.range.end.line + 1,
      endColumn: f.range.end.character + 1,
      severity: f.severity,
      rule: f.ruleId,
      message: f.message,
      ...(f.fingerprint ? { fingerprint: f.fingerprint } : {}),
      ...(f.baselineState ? { baselineState: f.baselineState } : {}),
    }));
  });
}

/** Files met but not checked: binary ones (skipped quietly, as grep does) and those above --max-file-size. */
export interface Skipped {
  binary: number;
  tooLarge: number;
}

export function formatJson(results: FileFindings[], files: number, extra: { absent?: BaselineEntry[]; skipped?: Skipped; notices?: Notice[] } = {}): string {
  return JSON.stringify(
    {
      version: 1,
      files,
      ...(extra.skipped ? { skipped: extra.skipped } : {}),
      // Run-level notices (code lists that did not load), present only when there are some.
      ...(extra.notices?.length ? { notices: extra.notices } : {}),
      findings: toJsonFindings(results),
      ...(extra.absent ? { absent: extra.absent } : {}),
    },
    null,
    2,
  );
}

const COLOURS: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', hint: '\x1b[90m' };

export function formatText(results: FileFindings[], files: number, colour: boolean, skipped: Skipped = { binary: 0, tooLarge: 0 }): string {
  const paint = (s: string, code: string) => (colour ? `${code}${s}\x1b[0m` : s);
  const lines = toJsonFindings(results).map(
    (f) =>
      `${escapeControls(f.file)}:${f.line}:${f.column}: ${paint(f.severity, COLOURS[f.severity])} ${escapeControls(f.message)} ${paint(`[${f.rule}]`, '\x1b[90m')}`,
  );
  const count = (s: Severity) => results.reduce((n, r) => n + r.findings.filter((f) => f.severity === s).length, 0);
  const notChecked = [
    skipped.binary ? `${skipped.binary} binary file(s)` : '',
    skipped.tooLarge ? `${skipped.tooLarge} file(s) above --max-file-size` : '',
  ].filter(Boolean);
  const tail = notChecked.length ? ` Skipped: ${notChecked.join(', ')}.` : '';
  lines.push(`${files} file(s) checked: ${count('error')} error(s), ${count('warning')} warning(s), ${count('info') + count('hint')} info/hint(s).${tail}`);
  return lines.join('\n');
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** The folder relative artifact URIs are resolved against (SARIF's `originalUriBaseIds`). */
const SRCROOT = '%SRCROOT%';

/** A path as a relative URI reference: every segment percent-encoded (spaces, `#`, `%`, `?`, non-ASCII). */
function relativeUri(relative: string): string {
  return relative.split('/').map(encodeURIComponent).join('/');
}

/** Inside the working folder: relative with a `uriBaseId`; outside it: an absolute `file://` URI. */
export function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  const abs = path.resolve(file);
  const r = path.relative(process.cwd(), abs);
  if (r && !r.startsWith('..') && !path.isAbsolute(r)) return { uri: relativeUri(r.split(path.sep).join('/')), uriBaseId: SRCROOT };
  return { uri: pathToFileURL(abs).href };
}

export function formatSarif(
  results: FileFindings[],
  rules: readonly Rule[],
  version: string,
  extra: { absent?: BaselineEntry[]; baselineRoot?: string; notices?: Notice[] } = {},
): string {
  const used = new Set(results.flatMap((r) => r.findings.map((f) => f.ruleId)));
  for (const a of extra.absent ?? []) used.add(a.rule);
  const known = new Map(rules.map((r) => [r.id, r]));
  const ruleIds = [...used].sort();
  const sourceOf = new Map(results.flatMap((r) => r.findings.map((f) => [f.ruleId, f.source] as const)));
  const level = (s: Severity) => SARIF_LEVEL[s];
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'nhn-lint',
            version,
            informationUri: 'https://example.invalid/nhn-integrator',
            rules: ruleIds.map((id) => {
              const r = known.get(id);
              const help = r?.source ?? sourceOf.get(id);
              return {
                id,
                name: id,
                shortDescription: { text: r?.title.en ?? id },
                fullDescription: { text: r?.message.en ?? id },
                ...(help ? { helpUri: help, help: { text: `Source: ${help}` } } : {}),
              };
            }),
          },
        },
        // Run-level notices (code lists that did not load) are SARIF's tool execution notifications.
        ...(extra.notices?.length
          ? {
              invocations: [
                {
                  executionSuccessful: true,
                  toolExecutionNotifications: extra.notices.map((n) => ({
                    level: 'warning',
                    message: { text: n.message },
                    locations: [{ physicalLocation: { artifactLocation: artifactLocation(n.file) } }],
                  })),
                },
              ],
            }
          : {}),
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(process.cwd()).href.replace(/\/?$/, '/') } },
        results: [
          ...results.flatMap(({ file, findings }) =>
            findings.map((f) => ({
              ruleId: f.ruleId,
              ruleIndex: ruleIds.indexOf(f.ruleId),
              level: level(f.severity),
              message: { text: f.message },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: artifactLocation(file),
                    region: {
                      startLine: f.range.start.line + 1,
                      startColumn: f.range.start.character + 1,
                      endLine: f.range.end.line + 1,
                      endColumn: f.range.end.character + 1,
                    },
                  },
                },
              ],
              ...(f.fingerprint ? { partialFingerprints: { 'nhnFindingHash/v1': f.fingerprint } } : {}),
              ...(f.baselineState ? { baselineState: f.baselineState } : {}),
            })),
          ),
          // Baseline entries no longer found: reported as absent, so code scanning can close them.
          ...(extra.absent ?? []).map((a) => ({
            ruleId: a.rule,
            ruleIndex: ruleIds.indexOf(a.rule),
            level: 'none',
            message: { text: `No longer found (recorded in the baseline at line ${a.line}).` },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: artifactLocation(path.resolve(extra.baselineRoot ?? '.', a.file)),
                  region: { startLine: Math.max(1, a.line) },
                },
              },
            ],
            partialFingerprints: { 'nhnFindingHash/v1': a.fingerprint },
            baselineState: 'absent',
          })),
        ],
      },
    ],
  };
  return JSON.stringify(sarif, null, 2);
}
