// Rule-driven text patterns: hosts, scopes, headers, constants, in any file type.
// Patterns carry their own boundaries (host and word edges) so they stay safe in code.

import type { AnalysisContext, AnalyzedDocument, Check, Finding } from '../types';
import type { Rule } from '../rules/model';
import { ruleFinding } from '../rules/finding';

interface CompiledRule {
  rule: Rule;
  re: RegExp;
}

export function appliesToLanguage(rule: Rule, languageId: string): boolean {
  const { languages, notLanguages } = rule.match;
  if (languages && !languages.includes(languageId)) return false;
  if (notLanguages?.includes(languageId)) return false;
  return true;
}

export function textRulesCheck(rules: readonly Rule[]): Check {
  const compiled: CompiledRule[] = rules
    .filter((r) => r.match.regex)
    .map((rule) => ({ rule, re: new RegExp(rule.match.regex!, (rule.match.flags ?? '') + 'gd') }));
  return {
    name: 'text-rules',
    family: 'host',
    appliesTo: () => compiled.length > 0,
    run(doc: AnalyzedDocument, ctx: AnalysisContext): Finding[] {
      const findings: Finding[] = [];
      for (const { rule, re } of compiled) {
        if (!appliesToLanguage(rule, doc.languageId)) continue;
        re.lastIndex = 0;
        for (let m = re.exec(doc.text); m; m = re.exec(doc.text)) {
          if (m[0].length === 0) {
            re.lastIndex++;
            continue;
          }
          const whole = m.indices![0];
          const hit = m.indices!.groups?.hit ?? whole;
          const value = rule.replacement?.value;
          const newText = value === undefined ? undefined : m[0].replace(new RegExp(re.source, re.flags.replace(/[gd]/g, '')), value);
          findings.push(ruleFinding(rule, doc, { start: hit[0], end: hit[1], editStart: whole[0], editEnd: whole[1], newText }, ctx));
          if (ctx.signal?.aborted) return findings;
        }
      }
      return findings;
    },
  };
}
