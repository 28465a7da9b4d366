// Code actions are looked up from the findings of the current version: each finding's fixes, and a
// "fix all of this rule in the file" action when the rule has more than one rewrite.

import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { suppressionComment, t, UNUSED_SUPPRESSION, type Finding, type Language } from '../engine';
import { sameSpot } from './convert';
import { certainEdits, selectFixes } from '../host/certain-fixes';

/** "Fix all NHN findings in this file": usable in `editor.codeActionsOnSave` as `source.fixAll.nhn`. */
export const FIX_ALL_KIND = 'source.fixAll.nhn';

/** Whether a code-action request asks for source.fixAll.nhn (or a kind that contains it). */
export function wantsFixAll(only: string[] | undefined): boolean {
  return !!only?.some((k) => k === 'source' || k === 'source.fixAll' || k === FIX_ALL_KIND);
}

/** Every certain fix of the file that overlaps no other (the same choice as `nhn-lint --fix`, one pass). */
export function fixAllAction(doc: TextDocument, findings: Finding[], lang: Language = 'en'): CodeAction | undefined {
  const { edits } = selectFixes(doc.getText(), certainEdits(findings));
  if (!edits.length) return undefined;
  return { title: t(lang, 'fix-all-nhn'), kind: FIX_ALL_KIND, edit: { changes: { [doc.uri]: edits.map(({ range, newText }) => ({ range, newText })) } } };
}

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
  actions.push(
    ...suppressionActions(
      doc,
      findings.filter((f) => overlaps(f.range, range)),
      lang,
    ),
  );
  // Fix-all takes each finding's certain fix only (an enumeration with several candidates has none).
  for (const ruleId of rulesHere) {
    const edits: TextEdit[] = findings.filter((f) => f.ruleId === ruleId).flatMap((f) => f.fixes?.find((x) => x.edits && x.preferred !== false)?.edits ?? []);
    if (edits.length > 1) {
      actions.push({
        title: `${t(lang, 'fix-all-in-file', ruleId)} (${edits.length})`,
        kind: CodeActionKind.QuickFix,
        edit: { changes: { [doc.uri]: edits } },
      });
    }
  }
  return actions;
}

/**
 * "Ignore <rule> on this line / in this file": a suppression comment in the file's own syntax, for every
 * rule but well-formedness (`xml/*`: a document libxml2 cannot parse is not a judgement to wave away).
 * Files with no comment syntax (JSON) get none.
 */
const NOT_SUPPRESSIBLE = /^xml\//;

function suppressionActions(doc: TextDocument, here: Finding[], lang: Language): CodeAction[] {
  const out: CodeAction[] = [];
  const seen = new Set<string>();
  for (const f of here) {
    if (f.ruleId === UNUSED_SUPPRESSION || NOT_SUPPRESSIBLE.test(f.ruleId) || seen.has(f.ruleId)) continue;
    seen.add(f.ruleId);
    const line = f.range.start.line;
    const indent = /^\s*/.exec(doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }))![0].replace(/[\r\n]/g, '');
    const onLine = suppressionComment(doc.languageId, f.ruleId, 'next-line', indent);
    if (!onLine) continue;
    out.push({
      title: t(lang, 'ignore-on-line', f.ruleId),
      kind: CodeActionKind.QuickFix,
      edit: { changes: { [doc.uri]: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: onLine }] } },
    });
    // The file-wide comment goes first, after an XML declaration or a shebang if there is one.
    const first = doc.getText({ start: { line: 0, character: 0 }, end: { line: 1, character: 0 } });
    const top = /^(<\?xml[^>]*\?>|#!)/.test(first) ? 1 : 0;
    out.push({
      title: t(lang, 'ignore-in-file', f.ruleId),
      kind: CodeActionKind.QuickFix,
      edit: {
        changes: {
          [doc.uri]: [
            { range: { start: { line: top, character: 0 }, end: { line: top, character: 0 } }, newText: suppressionComment(doc.languageId, f.ruleId, 'file')! },
          ],
        },
      },
    });
  }
  return out;
}
