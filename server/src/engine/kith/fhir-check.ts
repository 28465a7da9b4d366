// The organisation number in FHIR: an `identifier` whose system is the organisation-number system
// (urn:oid:2.16.578.1.12.4.1.4.101) must hold 9 digits with a valid mod-11 check digit. JSON and XML,
// read from the FHIR parse; documents that never name the system are not parsed at all.

import type { AnalysisContext, AnalyzedDocument, Check, Finding } from '../core/types';
import type { Rule } from '../rules/model';
import { ruleFinding } from '../rules/finding';
import { isFhirCandidate, parseFhir } from '../fhir/check';
import { textSpan, type FhirNode } from '../fhir/tree';
import { organisationNumberProblem } from './identifiers';
import { kithMessage } from './messages';
import { bounded } from './coded';

export const ORGANISATION_NUMBER_SYSTEM = 'urn:oid:2.16.578.1.12.4.1.4.101';

export function kithFhirCheck(rules: readonly Rule[]): Check {
  const rule = rules.find((r) => r.id === 'kith/organisation-number');
  return {
    name: 'kith-fhir',
    family: 'kith',
    appliesTo: (doc) => !!rule && doc.text.includes(ORGANISATION_NUMBER_SYSTEM) && isFhirCandidate(doc),
    run(doc: AnalyzedDocument, ctx: AnalysisContext): Finding[] {
      const parsed = parseFhir(doc);
      if (!parsed || !rule) return [];
      const findings: Finding[] = [];
      const stack: FhirNode[] = [parsed.root];
      while (stack.length) {
        const node = stack.pop()!;
        for (const c of node.children) if (c.kind === 'object') stack.push(c);
        if (node.name !== 'identifier') continue;
        const system = node.children.find((c) => c.name === 'system');
        const value = node.children.find((c) => c.name === 'value');
        if (system?.value !== ORGANISATION_NUMBER_SYSTEM || typeof value?.value !== 'string') continue;
        const problem = organisationNumberProblem(value.value.trim());
        if (!problem) continue;
        const span = textSpan(value, parsed.format);
        const reason = kithMessage(ctx.language, problem === 'length' ? 'org-length' : 'org-check-digit');
        findings.push(ruleFinding(rule, doc, { start: span.start, end: span.end, vars: { code: bounded(value.value), reason } }, ctx));
      }
      return findings;
    },
  };
}
