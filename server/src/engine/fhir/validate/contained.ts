// dom-3 natively (the `fhirpath` package cannot run its `.as()` over collections): every contained
// resource must be referenced from the rest of its container (`#id`), or refer to the container (`#`).

import type { Constraint } from '../definitions/model';
import type { FhirNode } from '../tree';
import type { Report } from './issue';

function strings(node: FhirNode, out: Set<string>): Set<string> {
  if (typeof node.value === 'string' && node.value.startsWith('#')) out.add(node.value);
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
    report({ rule: 'fhir/invariant', severity: 'error', span: c.nameSpan, message: 'invariant', args: [`${path}.contained[${i}]`, constraint.human, constraint.key] });
  });
}
