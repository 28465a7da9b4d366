// Code actions are looked up from the findings of the current version: each finding's fixes, and a
// "fix all of this rule in the file" action when the rule has more than one rewrite.

import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Language } from '../engine';
import { t } from '../engine/l10n';
import { sameSpot } from './convert';

function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character <= q.character);
  return before(a.start, b.end) && before(b.start, a.end);
}

export function codeActionsFor(doc: TextDocument, range: Range, diagnostics: Diagnostic[], findings: Finding[], lang: Language = 'en'): CodeAction[] {
  const actions: CodeAction[] = [];
  const rulesHere = new Set<string>();
  for (const f of findings) {
    if (!overlaps(f.range, range)) continue;
    const diagnostic = diagnostics.find((d) => sameSpot(d, f));
    rulesHere.add(f.ruleId);
    for (const fix of f.fixes ?? []) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: diagnostic ? [diagnostic] : undefined,
        isPreferred: fix.preferred,
        edit: fix.edits ? { changes: { [doc.uri]: fix.edits } } : undefined,
        command: fix.command,
      });
    }
  }
  // Fix-all takes each finding's certain fix only (an enumeration with several candidates has none).
  for (const ruleId of rulesHere) {
    const edits: TextEdit[] = findings.filter((f) => f.ruleId === ruleId).flatMap((f) => f.fixes?.find((x) => x.edits && x.preferred !== false)?.edits ?? []);
    if (edits.length > 1) {
      actions.push({ title: `${t(lang, 'fixAllInFile', ruleId)} (${edits.length})`, kind: CodeActionKind.QuickFix, edit: { changes: { [doc.uri]: edits } } });
    }
  }
  return actions;
}
