// Engine findings → LSP diagnostics. The rule id is the diagnostic code, its documentation page
// (docs/rules/<id>.md, shipped beside the server, so it opens offline) the codeDescription — the page
// names the NHN source; without the docs folder the source link itself — and `deprecated` becomes
// the Deprecated tag (struck through in VS Code).

import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver/node';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, Severity } from '../engine';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** docs/rules beside the bundle (dist/server.js → ../docs/rules), when this install has it. */
const RULE_DOCS = path.resolve(__dirname, '../docs/rules');
const hasRuleDocs = existsSync(RULE_DOCS);

/** Each rule id's page, looked up once: the pages ship with the server (2 000 findings were 2 000 file lookups per edit). */
const docUrls = new Map<string, string | undefined>();

/** The documentation page of a rule id as a file URL, or undefined when there is none. */
export function ruleDocUrl(ruleId: string): string | undefined {
  if (docUrls.has(ruleId)) return docUrls.get(ruleId);
  const url = lookUpDocUrl(ruleId);
  docUrls.set(ruleId, url);
  return url;
}

function lookUpDocUrl(ruleId: string): string | undefined {
  if (!hasRuleDocs || !/^[a-z-]+\/[a-z0-9-]+$/.test(ruleId)) return undefined;
  const page = path.join(RULE_DOCS, ruleId.endsWith('/check-failed') ? 'check-failed.md' : `${ruleId}.md`);
  return existsSync(page) ? pathToFileURL(page).href : undefined;
}

export function toDiagnostic(f: Finding): Diagnostic {
  const href = ruleDocUrl(f.ruleId) ?? f.source;
  const tags: DiagnosticTag[] = [];
  if (f.tags?.includes('deprecated')) tags.push(DiagnosticTag.Deprecated);
  if (f.tags?.includes('unnecessary')) tags.push(DiagnosticTag.Unnecessary);
  return {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    codeDescription: href ? { href } : undefined,
    source: 'nhn',
    message: f.message,
    tags: tags.length ? tags : undefined,
  };
}

export function sameSpot(d: Diagnostic, f: Finding): boolean {
  return (
    d.code === f.ruleId &&
    d.range.start.line === f.range.start.line &&
    d.range.start.character === f.range.start.character &&
    d.range.end.line === f.range.end.line &&
    d.range.end.character === f.range.end.character
  );
}
