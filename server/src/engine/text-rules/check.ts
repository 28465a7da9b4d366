// Rule-driven text patterns: hosts, scopes, headers, constants, in any file type.
// Patterns carry their own boundaries (host and word edges) so they stay safe in code.
// Speed: each pattern's required literal (literal-prefilter.ts), or one per alternative when it has none,
// gates it, and one pass over the text (literal-scan.ts) finds which literals occur, and where: only those
// rules run their pattern, near the occurrences when a match starts at most a few characters before its
// literal, else over the whole text.

import type { AnalysisContext, AnalyzedDocument, Check, Finding } from '../core/types';
import type { Rule } from '../rules/model';
import { fill, ruleFinding } from '../rules/finding';
import { isXmlDocument } from '../xml/parse';
import { t } from '../core/messages';
import { escapeRegExp, requiredLiteralAt, requiredLiterals, type Width } from './literal-prefilter';
import { LiteralScanner } from './literal-scan';

interface CompiledRule {
  rule: Rule;
  re: RegExp;
  context?: RegExp;
  lacks?: RegExp;
  /** Matches when the text holds the pattern's required literal; undefined when none could be derived. */
  gate?: RegExp;
  /** Literals one of which every match contains (requiredLiterals), and their indexes in the literal scanner. */
  literalTexts?: string[];
  literals?: number[];
  /**
   * When a match starts at most a few characters before its literal (requiredLiteralAt): the span of
   * starts to try before each occurrence, and the pattern anchored at a position (sticky).
   */
  near?: { before: Width; sticky: RegExp };
}

/**
 * How the check finds which rules' literals occur: `one-pass` (one scan for every literal; the default) or
 * `per-rule` (a combined "any literal?" test, then one test per rule: the former way, kept so the bench
 * measures both in the same run).
 */
export type LiteralStrategy = 'one-pass' | 'per-rule';

/** Above this many gated rules, per-rule gating first tells whether any literal occurs at all. */
const COMBINED_GATE_FROM = 8;
/** Hits reported per rule and file; past this a single notice stands for the rest (bounded time and memory). */
export const MAX_HITS_PER_RULE = 10_000;
/** A rule searches near its literal when a match starts at most this many positions apart before it… */
const NEAR_STARTS = 64;
/** …and the literal occurs at most this many times (else one search over the text costs less). */
const NEAR_HITS = 2000;
/** Around each literal occurrence, the text the fallback scan searches when the full pattern gives up. */
const FALLBACK_WINDOW = 4096;

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

function compile(rule: Rule): CompiledRule {
  const flags = rule.match.flags ?? '';
  // The single required literal (with the width before it), else one per alternative.
  const single = requiredLiteralAt(rule.match.regex!, flags);
  const literal = single?.literal;
  const literalTexts = literal !== undefined ? [literal] : requiredLiterals(rule.match.regex!, flags);
  const before = single?.before;
  return {
    near: before && before.max - before.min <= NEAR_STARTS ? { before, sticky: new RegExp(rule.match.regex!, flags + 'yd') } : undefined,
    rule,
    re: new RegExp(rule.match.regex!, flags + 'gd'),
    context: rule.match.fileContains ? new RegExp(rule.match.fileContains, 'i') : undefined,
    lacks: rule.match.fileLacks ? new RegExp(rule.match.fileLacks, 'i') : undefined,
    gate: literal ? new RegExp(escapeRegExp(literal), flags.includes('i') ? 'i' : '') : undefined,
    literalTexts,
  };
}

/**
 * The pattern's matches found near its literal's occurrences (`hits`, in order): for each, the pattern is
 * tried anchored at every position a match holding it could start, first to last, from the end of the
 * previous match on. Every match holds an occurrence and starts in its span, so these are the matches a
 * search of the whole text finds, in order (lookbehinds still see the whole text).
 */
function* nearHits(near: NonNullable<CompiledRule['near']>, text: string, hits: number[]): Generator<{ m: RegExpExecArray; base: number }> {
  const { sticky, before } = near;
  let from = 0;
  for (const h of hits) {
    for (let p = Math.max(from, h - before.max); p <= h - before.min; p++) {
      sticky.lastIndex = p;
      const m = sticky.exec(text);
      if (!m) continue;
      yield { m, base: 0 };
      from = p + Math.max(1, m[0].length);
      break;
    }
  }
}

/** The pattern's matches in the whole text, or (degraded mode) in windows around the gate's hits; `base` maps back. */
function* matches(c: CompiledRule, text: string, windows: boolean): Generator<{ m: RegExpExecArray; base: number }> {
  if (!windows) {
    c.re.lastIndex = 0;
    for (let m = c.re.exec(text); m; m = c.re.exec(text)) {
      if (m[0].length === 0) c.re.lastIndex++;
      else yield { m, base: 0 };
    }
    return;
  }
  // Degraded mode for pathological text (the full pattern overflowed the regex stack): search windows
  // around each literal hit. Lookbehinds at a window's start see the window's edge, not the text before.
  const gate = new RegExp(c.gate!.source, c.gate!.flags + 'g');
  let covered = 0;
  for (let g = gate.exec(text); g; g = gate.exec(text)) {
    const start = Math.max(covered, g.index - FALLBACK_WINDOW);
    const end = Math.min(text.length, g.index + g[0].length + FALLBACK_WINDOW);
    if (end <= covered) continue;
    const slice = text.slice(start, end);
    c.re.lastIndex = 0;
    for (let m = c.re.exec(slice); m; m = c.re.exec(slice)) {
      if (m[0].length === 0) c.re.lastIndex++;
      else yield { m, base: start };
    }
    covered = end;
  }
}

export function textRulesCheck(rules: readonly Rule[], strategy: LiteralStrategy = 'one-pass'): Check {
  const compiled: CompiledRule[] = rules.filter((r) => r.match.regex).map(compile);
  const gated = compiled.filter((c) => c.gate);
  const combined = gated.length >= COMBINED_GATE_FROM ? new RegExp(gated.map((c) => c.gate!.source).join('|'), 'i') : undefined;
  // Every rule with literals (one, or one per alternative) is gated by the one pass.
  const literals: { text: string; caseInsensitive: boolean }[] = [];
  for (const c of compiled) {
    const caseInsensitive = (c.rule.match.flags ?? '').includes('i');
    c.literals = c.literalTexts?.map((text) => literals.push({ text, caseInsensitive }) - 1);
  }
  const scanner = new LiteralScanner(literals);
  return {
    name: 'text-rules',
    family: 'host',
    appliesTo: () => compiled.length > 0,
    run(doc: AnalyzedDocument, ctx: AnalysisContext): Finding[] {
      const findings: Finding[] = [];
      const text = doc.text;
      // In XML documents a rule's structural match (`match.xml`, xml/rules-check.ts) replaces its regex.
      const xml = isXmlDocument(doc);
      const passes = ctx.caches.textPasses;
      let anyLiteral: boolean | undefined;
      let present: Set<number> | undefined;
      const at: (number[] | null)[] = [];
      for (const c of compiled) {
        const { rule } = c;
        if (!appliesToLanguage(rule, doc.languageId, doc.uri)) continue;
        if (xml && rule.match.xml) continue;
        if (c.literals && strategy === 'one-pass') {
          if (!present) passes.add();
          present ??= scanner.scan(text, at, NEAR_HITS);
          if (!c.literals.some((i) => present!.has(i))) continue;
        } else if (c.gate && strategy === 'per-rule') {
          if (anyLiteral === undefined && combined) passes.add();
          anyLiteral ??= combined ? combined.test(text) : true;
          if (!anyLiteral) continue;
          passes.add();
          if (!c.gate.test(text)) continue;
        }
        passes.add((c.context ? 1 : 0) + (c.lacks ? 1 : 0));
        if (!contextHolds(c.context, text, c.lacks)) continue;
        // Near its literal's occurrences when a match starts close before it; else over the whole text.
        const hits = strategy === 'one-pass' && c.near && c.literals ? at[c.literals[0]] : undefined;
        if (!hits) passes.add();
        const found: Finding[] = [];
        const collect = (windows: boolean) => {
          for (const { m, base } of hits && !windows ? nearHits(c.near!, text, hits) : matches(c, text, windows)) {
            if (found.length === MAX_HITS_PER_RULE) {
              const at = base + m.index;
              found.push({
                ruleId: rule.id,
                range: doc.rangeOf(at, at + m[0].length),
                severity: 'info',
                message: t(ctx.language, 'too-many-hits', MAX_HITS_PER_RULE, rule.id),
              });
              return;
            }
            // Index 0 (the whole match) is always there.
            const whole = m.indices![0]!;
            const hit = m.indices!.groups?.hit ?? whole;
            const value = rule.replacement?.value;
            const edit = rule.replacement?.target === 'hit' ? hit : whole;
            const newText = value === undefined ? undefined : expand(value, m);
            found.push(ruleFinding(rule, doc, { start: base + hit[0], end: base + hit[1], editStart: base + edit[0], editEnd: base + edit[1], newText }, ctx));
            if (ctx.signal?.aborted) return;
          }
        };
        try {
          collect(false);
        } catch (err) {
          if (!(err instanceof RangeError) || !c.gate) throw err;
          found.length = 0;
          collect(true);
        }
        for (const f of found) findings.push(f);
        if (ctx.signal?.aborted) return findings;
      }
      return findings;
    },
  };
}
