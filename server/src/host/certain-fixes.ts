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
 * Applies whole fixes (all edits of one fix or none) that do not overlap an earlier one; the rest wait
 * for the next pass. Returns the new text and the rules whose fixes were applied.
 */
export function applyFixes(text: string, fixes: { ruleId: string; edits: TextEdit[] }[]): { text: string; applied: string[] } {
  const starts = lineStartsOf(text);
  const off = (p: TextEdit['range']['start']) => Math.min(text.length, (starts[p.line] ?? text.length) + p.character);
  const taken: { start: number; end: number }[] = [];
  const chosen: { start: number; end: number; newText: string }[] = [];
  const applied: string[] = [];
  for (const fix of fixes) {
    const spans = fix.edits.map((e) => ({ start: off(e.range.start), end: off(e.range.end), newText: e.newText }));
    const clash = spans.some((s) => taken.some((t) => s.start < t.end && t.start < s.end || (s.start === s.end && s.start === t.start) || (t.start === t.end && t.start === s.start)));
    if (clash) continue;
    taken.push(...spans);
    chosen.push(...spans);
    applied.push(fix.ruleId);
  }
  chosen.sort((a, b) => b.start - a.start);
  let out = text;
  for (const s of chosen) out = out.slice(0, s.start) + s.newText + out.slice(s.end);
  return { text: out, applied };
}
