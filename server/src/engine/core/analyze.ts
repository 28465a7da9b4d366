// One analysis: a document in, findings out, through a list of checks. `createEngine` (engine.ts) calls it
// with its own checks and context; nothing here knows about editors or protocols.

import type { AnalysisContext, AnalyzedDocument, Check, EngineDocument, Finding, RuleSetting, Severity } from './types';
import { analyzed } from './document';
import { t } from './messages';
import { applySuppressions } from './suppress';
import { dropRestated } from './restated';
import { outgoingFinding } from '../../../../shared/outgoing';

export interface Skip {
  reason: 'binary' | 'too-large';
  message: string;
}

export interface AnalysisResult {
  findings: Finding[];
  /** Set when the document was not checked at all. */
  skipped?: Skip;
}

/** The most specific setting for a rule id: `host/nilar`, then `host`, then `*`. */
export function ruleSetting(rules: Record<string, RuleSetting>, ruleId: string): RuleSetting {
  return rules[ruleId] ?? rules[ruleId.split('/')[0]] ?? rules['*'] ?? 'default';
}

/** Text that holds a NUL early on is treated as binary, as git does. */
export function looksBinary(text: string): boolean {
  return text.slice(0, 8192).includes('\u0000');
}

export async function analyze(document: EngineDocument, ctx: AnalysisContext, checks: readonly Check[]): Promise<AnalysisResult> {
  const lang = ctx.language;
  if (document.text.length > ctx.settings.maxFileBytes) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    return { findings: [], skipped: { reason: 'too-large', message: t(lang, 'file-too-large', mb(document.text.length), mb(ctx.settings.maxFileBytes)) } };
  }
  if (looksBinary(document.text)) return { findings: [], skipped: { reason: 'binary', message: t(lang, 'binary-file') } };

  // An already analyzed document keeps its parses (the engine reuses them for hovers and completions).
  const doc = isAnalyzed(document) ? document : analyzed(document);
  const findings: Finding[] = [];
  for (const check of checks) {
    if (ctx.signal?.aborted) break;
    if (!check.appliesTo(document)) continue;
    try {
      // A loop, not push(...spread): a 50 MB file can yield more findings than a call has argument slots.
      for (const f of await check.run(doc, ctx)) findings.push(f);
    } catch (err) {
      // One check's failure is one clear finding; the other checks still run.
      findings.push({
        ruleId: `${check.family}/check-failed`,
        range: doc.rangeOf(0, 0),
        severity: 'info',
        message: t(lang, 'check-failed', check.name, err instanceof Error ? err.message : String(err)),
      });
    }
  }
  return { findings: dropRestated(configure(applySuppressions(doc, findings, lang), ctx.settings.rules)) };
}

function isAnalyzed(doc: EngineDocument): doc is AnalyzedDocument {
  return typeof (doc as Partial<AnalyzedDocument>).parsed === 'function';
}

function configure(findings: Finding[], rules: Record<string, RuleSetting>): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    const setting = ruleSetting(rules, f.ruleId);
    if (setting === 'off') continue;
    // Findings leave the engine here: no message or title carries a whole identity number or value.
    out.push(outgoingFinding(setting === 'default' ? f : { ...f, severity: setting as Severity }));
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
