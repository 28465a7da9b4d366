// Norwegian identity numbers in FHIR identifiers: the system (fødselsnummer or D-number) says which
// kind of number the value must be. Check digits and PREG/real-person findings are the `nin` check's
// (it reads the same identifiers); this adds what only the structure knows: a value that is no number
// at all, and a valid number of the other kind. Numbers are printed masked, never whole.

import { classifyNin, maskNin } from '../../../../../shared/nin-classify';
import systems from '../data/identifier-systems.json';
import { valueSpanOf, type FhirDocument, type FhirNode } from '../tree';
import type { Report } from './issue';

const KIND_LABEL = { fnr: 'fødselsnummer', dnr: 'D-number' } as const;
type Expected = keyof typeof KIND_LABEL;
const SYSTEMS = systems.systems as Record<string, Expected>;

export function checkNorwegianIdentifier(node: FhirNode, doc: FhirDocument, path: string, report: Report): void {
  const system = node.children.find((c) => c.name === 'system')?.value;
  const expected = typeof system === 'string' ? SYSTEMS[system] : undefined;
  const valueNode = node.children.find((c) => c.name === 'value');
  if (!expected || !valueNode || typeof valueNode.value !== 'string') return;
  const value = valueNode.value;
  const span = doc.format === 'json' ? { start: valueNode.valueStart + 1, end: valueNode.valueEnd - 1 } : valueSpanOf(valueNode);
  if (!/^\d[\d ]*$/.test(value)) {
    report({ rule: 'fhir/identifier', severity: 'error', span, message: 'invalid-nin', args: [`${path}.value`, `'${maskNin(value)}'`, KIND_LABEL[expected]] });
    return;
  }
  const info = classifyNin(value.replace(/ /g, ''));
  if (!info.valid || info.kind === 'hnr') return; // the nin check reports these
  const actual: Expected = info.dNumber ? 'dnr' : 'fnr';
  if (actual === expected) return;
  report({
    rule: 'fhir/identifier',
    severity: 'error',
    span,
    message: 'nin-kind-mismatch',
    args: [`${path}.value`, maskNin(value), KIND_LABEL[actual], String(system), KIND_LABEL[expected]],
  });
}
