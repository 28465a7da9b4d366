// The fixes the engine marks as certain (`Fix.certain`), chosen so that none overlaps another: shared
// by `nhn-lint --fix` and the editor's "Fix all NHN findings" (source.fixAll.nhn).

import type { Finding, TextEdit } from '../engine';

/** Each finding's certain fix (its first fix marked certain that has edits). */
export function certainEdits(findings: readonly Finding[]): { ruleId: string; edits: TextEdit[] }[] {
  return findings.flatMap((f) => {
    const fix = f.fixes?.find((x) => x.certain && x.edits?.length);
    return fix ? [{ ruleId: f.ruleId, edits: fix.edits! }] : [];
  });
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * Whole fixes (all edits of one fix or none) that overlap no earlier one, as offsets; the rest wait for
 * the next pass. Returns the chosen edits and the rules whose fixes they are.
 */
export function selectFixes(
  text: string,
  fixes: { ruleId: string; edits: TextEdit[] }[],
): { edits: (TextEdit & { start: number; end: number })[]; applied: string[] } {
  const starts = lineStartsOf(text);
  const off = (p: TextEdit['range']['start']) => Math.min(text.length, (starts[p.line] ?? text.length) + p.character);
  const taken: { start: number; end: number }[] = [];
  const edits: (TextEdit & { start: number; end: number })[] = [];
  const applied: string[] = [];
  const clashes = (s: { start: number; end: number }, t: { start: number; end: number }) => (s.start < t.end && t.start < s.end) || s.start === t.start;
  for (const fix of fixes) {
    const spans = fix.edits.map((e) => ({ ...e, start: off(e.range.start), end: off(e.range.end) }));
    if (spans.some((s) => taken.some((t) => clashes(s, t)))) continue;
    taken.push(...spans);
    edits.push(...spans);
    applied.push(fix.ruleId);
  }
  return { edits, applied };
}

/** The text with the chosen fixes applied. */
export function applyFixes(text: string, fixes: { ruleId: string; edits: TextEdit[] }[]): { text: string; applied: string[] } {
  const { edits, applied } = selectFixes(text, fixes);
  const parts: string[] = [];
  let at = text.length;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) {
    parts.push(text.slice(e.end, at), e.newText);
    at = e.start;
  }
  parts.push(text.slice(0, at));
  return { text: parts.reverse().join(''), applied };
}
