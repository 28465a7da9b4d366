// Two checks can report one fault at one place: the XSD's fixed value for MIGversion and the KITH check
// that knows which version string each namespace carries. The user sees it once: from the XSD when the
// message is validated against its schema (what libxml2 and NHN's Meldingsvalidator say, with the same
// fix), from the KITH check when no schema is at hand or the XSD's rule is turned off.

import type { Finding } from './types';

/** A rule id → the rules whose finding at the same range says the same, and more. */
const RESTATED_BY: Record<string, string[]> = {
  'kith/mig-version': ['xsd/fixed-value'],
};

const key = (f: Finding) => `${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}`;

/** `findings` without those another kept finding at the same range restates. */
export function dropRestated(findings: Finding[]): Finding[] {
  const restating = new Set(Object.values(RESTATED_BY).flat());
  const at = new Map<string, Set<string>>();
  for (const f of findings) {
    if (!restating.has(f.ruleId)) continue;
    const k = key(f);
    if (!at.has(k)) at.set(k, new Set());
    at.get(k)!.add(f.ruleId);
  }
  if (at.size === 0) return findings;
  return findings.filter((f) => {
    const by = RESTATED_BY[f.ruleId];
    const here = by && at.get(key(f));
    return !(here && by.some((id) => here.has(id)));
  });
}
