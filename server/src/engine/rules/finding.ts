// Turns a rule hit into a finding: message with dates, severity, tags, source link and fixes.
// Shared by every rule-driven check (text patterns, XML structure) so they all speak alike.

import type { AnalysisContext, AnalyzedDocument, Finding, Fix } from '../core/types';
import { t } from '../core/messages';
import { datedSeverity, formatDate } from './dates';
import type { Rule } from './model';
import { Commands } from '../../../../shared/protocol';

export interface RuleHit {
  /** Flagged span (offsets into the document). */
  start: number;
  end: number;
  /** Span the rewrite replaces and the text it holds (defaults to the flagged span). */
  editStart?: number;
  editEnd?: number;
  /** Rewritten text for the edit span, when the rule has a verified replacement value. */
  newText?: string;
  /** Values of this hit for `{name}` placeholders in the rule's texts (e.g. a namespace's successor). */
  vars?: Record<string, string>;
}

/** Fills `{name}` placeholders from a hit's values; unknown names stay as written. */
export function fill(text: string, vars?: Record<string, string>): string {
  return vars ? text.replace(/\{(\w+)\}/g, (all, name: string) => vars[name] ?? all) : text;
}

export interface RuleMessage {
  text: string;
  severity: Finding['severity'];
}

/**
 * Without per-hit values a rule's message depends only on the rule, the date and the language: computed
 * once per rule and day, not once per hit (100 000 hits would otherwise spend most time formatting).
 * One per engine instance (engine/caches.ts).
 */
export class RuleMessageCache {
  private key = '';
  private byRule = new Map<Rule, RuleMessage>();

  get(rule: Rule, ctx: Pick<AnalysisContext, 'today' | 'language'>): RuleMessage {
    const key = `${ctx.today}|${ctx.language}`;
    if (key !== this.key) {
      this.key = key;
      this.byRule = new Map();
    }
    let m = this.byRule.get(rule);
    if (!m) this.byRule.set(rule, (m = formatRuleMessage(rule, ctx)));
    return m;
  }

  clear(): void {
    this.key = '';
    this.byRule = new Map();
  }
}

export function ruleMessage(rule: Rule, ctx: AnalysisContext, vars?: Record<string, string>): RuleMessage {
  return vars ? formatRuleMessage(rule, ctx, vars) : ctx.caches.ruleMessages.get(rule, ctx);
}

function formatRuleMessage(rule: Rule, ctx: Pick<AnalysisContext, 'today' | 'language'>, vars?: Record<string, string>): RuleMessage {
  const lang = ctx.language;
  const { severity, when } = datedSeverity(rule, ctx.today, lang);
  const parts = [fill(rule.message[lang], vars)];
  if (when) parts.push(when);
  if (rule.replacement) parts.push(fill(rule.replacement.text[lang], vars));
  if (rule.confidence === 'unverified') parts.push(t(lang, 'unverified'));
  return { text: parts.join(' '), severity };
}

export function ruleFinding(rule: Rule, doc: AnalyzedDocument, hit: RuleHit, ctx: AnalysisContext): Finding {
  const { text, severity } = ruleMessage(rule, ctx, hit.vars);
  const fixes: Fix[] = [];
  if (hit.newText !== undefined) {
    fixes.push({
      title: t(ctx.language, 'replace-with', hit.newText),
      edits: [{ range: doc.rangeOf(hit.editStart ?? hit.start, hit.editEnd ?? hit.end), newText: hit.newText }],
      preferred: rule.replacement?.preferred ?? rule.confidence === 'verified',
      // A verified rule's rewrite is a fact (the successor host, namespace, header): safe for --fix.
      certain: rule.confidence === 'verified' && rule.replacement?.preferred !== false,
    });
  }
  if (hit.newText === undefined || rule.replacement?.preferred === false) {
    const title = t(ctx.language, 'open-source', rule.id);
    fixes.push({ title, command: { command: Commands.openSource, title, arguments: [rule.source] } });
  }
  return {
    ruleId: rule.id,
    range: doc.rangeOf(hit.start, hit.end),
    severity,
    message: text,
    tags: rule.deprecated === false ? undefined : ['deprecated'],
    source: rule.source,
    fixes,
    data: { announced: rule.announced, deadline: rule.deadline, confidence: rule.confidence, ...(hit.vars ? { vars: hit.vars } : {}) },
  };
}

/** The rule's story for a hover, in Markdown. */
export function ruleHover(rule: Rule, ctx: Pick<AnalysisContext, 'today' | 'language'>, vars?: Record<string, string>): string {
  const lang = ctx.language;
  const { text } = formatRuleMessage(rule, ctx, vars);
  const lines = [`**${rule.title[lang]}** (\`${rule.id}\`)`, '', text, ''];
  if (rule.announced) lines.push(`- ${t(lang, 'announced')}: ${formatDate(rule.announced, lang)}`);
  if (rule.deadline) lines.push(`- ${t(lang, 'deadline')}: ${formatDate(rule.deadline, lang)}`);
  if (rule.replacement) {
    const value = rule.replacement.value && !/\$/.test(rule.replacement.value) ? `\`${fill(rule.replacement.value, vars)}\` — ` : '';
    lines.push(`- ${t(lang, 'replacement')}: ${value}${fill(rule.replacement.text[lang], vars)}`);
  }
  lines.push(`- ${t(lang, 'confidence')}: ${rule.confidence}`);
  lines.push(`- ${t(lang, 'source')}: [${rule.source}](${rule.source})`);
  return lines.join('\n');
}
