// dom-3 natively (the `fhirpath` package cannot run its `.as()` over collections): every contained
// resource must be referenced from the rest of its container (`#id`, also from the narrative:
// `<img src="#id">`, `<a href="#id">`), or refer to the container (`#`). Reported as a warning, as
// the reference validator does (an orphan contained resource is suspicious, not unreadable).

import type { Constraint } from '../definitions/model';
import { nameSpanOf, type FhirNode } from '../tree';
import type { Report } from './issue';

const NARRATIVE_REF = /\b(?:src|href)\s*=\s*["']#([^"']*)["']/g;

function strings(node: FhirNode, out: Set<string>): Set<string> {
  if (typeof node.value === 'string') {
    if (node.value.startsWith('#')) out.add(node.value);
    if (node.name === 'div' && node.value.includes('#')) for (const m of node.value.matchAll(NARRATIVE_REF)) out.add(`#${m[1]}`);
  }
  for (const c of node.children) strings(c, out);
  return out;
}

export function checkContainedReferenced(resource: FhirNode, constraint: Constraint | undefined, path: string, report: Report): void {
  const contained = resource.children.filter((c) => c.name === 'contained');
  if (!contained.length || !constraint) return;
  const refs = strings(resource, new Set());
  contained.forEach((c, i) => {
    const id = c.children.find((x) => x.name === 'id')?.value;
    if (refs.has(`#${id}`) || refs.has('#')) return;
    report({
      rule: 'fhir/invariant',
      severity: 'warning',
      span: nameSpanOf(c),
      message: 'invariant',
      args: [`${path}.contained[${i}]`, constraint.human, constraint.key],
    });
  });
}
