// Output formats of nhn-lint: text (file:line:col, coloured on a TTY), json (version 1) and SARIF 2.1.0.

import path from 'node:path';
import type { Finding, Rule, Severity } from '../engine';

export interface FileFindings {
  file: string;
  findings: Finding[];
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
}

function rel(file: string): string {
  const r = path.relative(process.cwd(), file);
  return (r && !r.startsWith('..') ? r : file).split(path.sep).join('/');
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
    }));
  });
}

export function formatJson(results: FileFindings[], files: number): string {
  return JSON.stringify({ version: 1, files, findings: toJsonFindings(results) }, null, 2);
}

const COLOURS: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', hint: '\x1b[90m' };

export function formatText(results: FileFindings[], files: number, colour: boolean): string {
  const paint = (s: string, code: string) => (colour ? `${code}${s}\x1b[0m` : s);
  const lines = toJsonFindings(results).map(
    (f) => `${f.file}:${f.line}:${f.column}: ${paint(f.severity, COLOURS[f.severity])} ${f.message} ${paint(`[${f.rule}]`, '\x1b[90m')}`,
  );
  const count = (s: Severity) => results.reduce((n, r) => n + r.findings.filter((f) => f.severity === s).length, 0);
  lines.push(`${files} file(s) checked: ${count('error')} error(s), ${count('warning')} warning(s), ${count('info') + count('hint')} info/hint(s).`);
  return lines.join('\n');
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function formatSarif(results: FileFindings[], rules: readonly Rule[], version: string): string {
  const used = new Set(results.flatMap((r) => r.findings.map((f) => f.ruleId)));
  const known = new Map(rules.map((r) => [r.id, r]));
  const ruleIds = [...used].sort();
  const sourceOf = new Map(results.flatMap((r) => r.findings.map((f) => [f.ruleId, f.source] as const)));
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
        results: results.flatMap(({ file, findings }) =>
          findings.map((f) => ({
            ruleId: f.ruleId,
            ruleIndex: ruleIds.indexOf(f.ruleId),
            level: SARIF_LEVEL[f.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: rel(file) },
                  region: {
                    startLine: f.range.start.line + 1,
                    startColumn: f.range.start.character + 1,
                    endLine: f.range.end.line + 1,
                    endColumn: f.range.end.character + 1,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2);
}
