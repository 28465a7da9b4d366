// A profile asking for a primitive's value (R5's ElementDefinition.mustHaveValue, in R4 as a
// cross-version extension), or allowing only some extensions in its place (valueAlternatives): a
// primitive carrying only a data-absent-reason where a value is required is an error, as in the
// reference validator.

import type { ElementDef } from '../definitions/model';
import { nameSpanOf, type FhirNode } from '../tree';
import type { Report } from './issue';

export function checkValuePresent(node: FhirNode, def: Partial<ElementDef>, path: string, report: Report): void {
  if (node.kind === 'object' && node.children.some((c) => c.name !== 'id' && c.name !== 'extension')) return; // complex: not a primitive
  if (node.value !== undefined && node.value !== null && node.kind !== 'object') return;
  if (def.mustHaveValue) {
    report({ rule: 'fhir/value-present', severity: 'error', span: nameSpanOf(node), message: 'value-required', args: [path] });
    return;
  }
  const alternatives = def.valueAlternatives;
  if (!alternatives?.length) return;
  const present = node.children.filter((c) => c.name === 'extension').map((e) => e.children.find((c) => c.name === 'url')?.value);
  if (!present.some((u) => typeof u === 'string' && alternatives.includes(u))) {
    report({ rule: 'fhir/value-present', severity: 'error', span: nameSpanOf(node), message: 'value-or-alternative', args: [path, alternatives.join(', ')] });
  }
}
