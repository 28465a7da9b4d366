// Rule-driven text patterns: hosts, scopes, headers, constants, in any file type.
// Patterns carry their own boundaries (host and word edges) so they stay safe in code.

import type { AnalysisContext, AnalyzedDocument, Check, Finding } from '../types';
import type { Rule } from '../rules/model';
import { fill, ruleFinding } from '../rules/finding';
import { isXmlDocument } from '../xml/parse';

interface CompiledRule {
  rule: Rule;
  re: RegExp;
  context?: RegExp;
  lacks?: RegExp;
}

export function appliesToLanguage(rule: Rule, languageId: string, uri?: string): boolean {
  const { languages, notLanguages, notFiles } = rule.match;
  if (languages && !languages.includes(languageId)) return false;
  if (notLanguages?.includes(languageId)) return false;
  if (notFiles && uri !== undefined && new RegExp(notFiles, 'i').test(uri)) return false;
  return true;
}

/** The rule's context conditions (`match.fileContains`, `match.fileLacks`), if any, hold for this text. */
export function contextHolds(context: RegExp | undefined, text: string, lacks?: RegExp): boolean {
  return (!context || context.test(text)) && !(lacks && lacks.test(text));
}

/** Expands `$<name>`, `$1`…`$9`, `$&`, `$$` and `{var}` in a replacement value against one match. */
export function expand(value: string, m: RegExpExecArray, vars?: Record<string, string>): string {
  const out = value.replace(/\$(?:<(\w+)>|(\d)|(&)|(\$))/g, (_, name?: string, num?: string, amp?: string, dollar?: string) => {
    if (name !== undefined) return m.groups?.[name] ?? '';
    if (num !== undefined) return m[Number(num)] ?? '';
    if (amp !== undefined) return m[0];
    return dollar!;
  });
  return fill(out, vars);
}

export function textRulesCheck(rules: readonly Rule[]): Check {
  const compiled: CompiledRule[] = rules
    .filter((r) => r.match.regex)
    .map((rule) => ({
      rule,
      re: new RegExp(rule.match.regex!, (rule.match.flags ?? '') + 'gd'),
      context: rule.match.fileContains ? new RegExp(rule.match.fileContains, 'i') : undefined,
      lacks: rule.match.fileLacks ? new RegExp(rule.match.fileLacks, 'i') : undefined,
    }));
  return {
    name: 'text-rules',
    family: 'host',
    appliesTo: () => compiled.length > 0,
    run(doc: AnalyzedDocument, ctx: AnalysisContext): Finding[] {
      const findings: Finding[] = [];
      // In XML documents a rule's structural match (`match.xml`, checks/xml-rules.ts) replaces its regex.
      const xml = isXmlDocument(doc);
      for (const { rule, re, context, lacks } of compiled) {
        if (!appliesToLanguage(rule, doc.languageId, doc.uri)) continue;
        if (xml && rule.match.xml) continue;
        if (!contextHolds(context, doc.text, lacks)) continue;
        re.lastIndex = 0;
        for (let m = re.exec(doc.text); m; m = re.exec(doc.text)) {
          if (m[0].length === 0) {
            re.lastIndex++;
            continue;
          }
          const whole = m.indices![0];
          const hit = m.indices!.groups?.hit ?? whole;
          const value = rule.replacement?.value;
          const onHit = rule.replacement?.target === 'hit';
          const edit = onHit ? hit : whole;
          const newText = value === undefined ? undefined : expand(value, m);
          findings.push(ruleFinding(rule, doc, { start: hit[0], end: hit[1], editStart: edit[0], editEnd: edit[1], newText }, ctx));
          if (ctx.signal?.aborted) return findings;
        }
      }
      return findings;
    },
  };
}
