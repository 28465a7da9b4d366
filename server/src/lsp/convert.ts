// Engine findings → LSP diagnostics. The rule id is the diagnostic code, the source link its
// codeDescription, and `deprecated` becomes the Deprecated tag (struck through in VS Code).

import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver/node';
import type { Finding, Severity } from '../engine';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(f: Finding): Diagnostic {
  const tags: DiagnosticTag[] = [];
  if (f.tags?.includes('deprecated')) tags.push(DiagnosticTag.Deprecated);
  if (f.tags?.includes('unnecessary')) tags.push(DiagnosticTag.Unnecessary);
  return {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    codeDescription: f.source ? { href: f.source } : undefined,
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
