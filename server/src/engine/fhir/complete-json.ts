// JSON completion: property names where a key goes (with type and cardinality), and the codes of a
// required binding where a value goes. The document may be half-typed: jsonc-parser's location works
// on broken JSON.

import { getLocation } from 'jsonc-parser/lib/esm/main.js';
import type { AnalyzedDocument, Completion } from '../core/types';
import type { R4Definitions } from './definitions/store';
import { resourceScope, step, type Located } from './locate';
import { bindingCodes, propertyCompletions } from './complete-common';
import type { FhirDocument } from './tree';

/** Follows a JSON path (names and array indices) through the tree, keeping the definitions. */
function locatePath(defs: R4Definitions, doc: FhirDocument, segs: (string | number)[]): Located | undefined {
  const root = doc.root;
  const scope = resourceScope(defs, root);
  if (!scope) return undefined;
  let current: Located = { node: root, path: root.resourceType!, scope, type: root.resourceType };
  for (let i = 0; i < segs.length; i++) {
    const name = segs[i];
    if (typeof name !== 'string' || !current.scope) return undefined;
    const index = typeof segs[i + 1] === 'number' ? (segs[++i] as number) : 0;
    const child = current.node.children.filter((c) => c.name === name)[index];
    if (!child) return undefined;
    const next = step(defs, current.scope, child, current.path);
    if (!next) return undefined;
    current = next;
  }
  return current;
}

export function completeJson(doc: AnalyzedDocument, offset: number, defs: R4Definitions, parsed: FhirDocument): Completion[] {
  const loc = getLocation(doc.text, offset);
  const prev = loc.previousNode;
  const inQuotes = prev?.type === 'string' && offset > prev.offset && offset < prev.offset + prev.length;
  const replace = inQuotes ? { start: prev!.offset + 1, end: prev!.offset + prev!.length - 1 } : undefined;
  if (loc.isAtPropertyKey) {
    const holder = locatePath(defs, parsed, loc.path.slice(0, -1));
    if (!holder?.scope) return [];
    const present = new Set(holder.node.children.map((c) => c.name));
    return propertyCompletions(holder.scope, present).map((c) => ({ ...c, replace, insertText: inQuotes ? c.label : `"${c.label}": ` }));
  }
  const at = locatePath(defs, parsed, loc.path);
  if (!at) return [];
  let codes = bindingCodes(defs, at.def);
  // A Coding's code inside a bound CodeableConcept or Coding: the binding sits two levels up.
  if (!codes.length && loc.path[loc.path.length - 1] === 'code') {
    let up = loc.path.slice(0, -1);
    if (typeof up[up.length - 1] === 'number') up = up.slice(0, -1);
    if (up[up.length - 1] === 'coding') up = up.slice(0, -1);
    codes = bindingCodes(defs, locatePath(defs, parsed, up)?.def);
  }
  return codes.map((c) => ({ ...c, replace, insertText: inQuotes ? c.label : JSON.stringify(c.label) }));
}
