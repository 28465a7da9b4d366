// What every KITH check module gets: the parsed document, the code lists, and one way to report a
// finding of a rule in server/rules/kith.yaml (its message, severity and source link from the data).

import type { AnalysisContext, AnalyzedDocument, Finding, Fix } from '../core/types';
import type { Rule } from '../rules/model';
import { ruleFinding } from '../rules/finding';
import type { XmlDocument } from '../xml/parse';
import type { CodeListStore } from './store';
import type { ExpectationIndex, Verdict } from './coded';
import type { ElementExpectation } from './model';

export interface KithRun {
  doc: AnalyzedDocument;
  ctx: AnalysisContext;
  xml: XmlDocument;
  store: CodeListStore;
  expectations: ExpectationIndex;
  /** Verdicts of this run by expectation and `S` + `V`: a message repeats the same few codes thousands of times. */
  verdicts: Map<ElementExpectation, Map<string, Verdict>>;
  report(ruleId: string, start: number, end: number, options?: ReportOptions): void;
}

export interface ReportOptions {
  vars?: Record<string, string>;
  /** A single replacement (becomes the rule's "Replace with …" fix). */
  edit?: { start: number; end: number; newText: string };
  /** Fixes of this finding's own, offered before the rule's. */
  fixes?: Fix[];
  /** Added to the finding's data (e.g. which code list judged). */
  data?: Record<string, unknown>;
  /** Markdown shown above the rule's story in a hover. */
  hoverDetail?: string;
}

export function reporter(rules: ReadonlyMap<string, Rule>, doc: AnalyzedDocument, ctx: AnalysisContext, out: Finding[]): KithRun['report'] {
  return (ruleId, start, end, o = {}) => {
    const rule = rules.get(ruleId);
    if (!rule) return;
    const f = ruleFinding(rule, doc, { start, end, vars: o.vars, editStart: o.edit?.start, editEnd: o.edit?.end, newText: o.edit?.newText }, ctx);
    out.push({
      ...f,
      fixes: [...(o.fixes ?? []), ...(f.fixes ?? [])],
      data: { ...f.data, ...o.data, ...(o.hoverDetail ? { hoverDetail: o.hoverDetail } : {}) },
    });
  };
}
