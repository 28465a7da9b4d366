// XML completion: child element names after `<` (with a `value` attribute for primitives), and the
// codes of a required binding inside `value="…"`.

import type { AnalyzedDocument, Completion } from '../core/types';
import type { R4Definitions } from './definitions/store';
import { bindingCodes, propertyCompletions } from './complete-common';
import { locate } from './locate';
import type { FhirDocument } from './tree';

export function completeXml(doc: AnalyzedDocument, offset: number, defs: R4Definitions, parsed: FhirDocument): Completion[] {
  const before = doc.text.slice(Math.max(0, offset - 200), offset);
  const tag = /<([A-Za-z]*)$/.exec(before);
  if (tag) {
    const start = offset - tag[0].length;
    // Where the new element goes: the element around the `<` (ignoring the half-typed one).
    const holder = locate(defs, parsed.root, start - 1);
    if (!holder?.scope) return [];
    const present = new Set(holder.node.children.map((c) => c.name));
    return propertyCompletions(holder.scope, present).map((c) => ({
      ...c,
      kind: 'element' as const,
      replace: { start, end: offset },
      insertText: c.primitive ? `<${c.label} value="$1"/>` : `<${c.label}>$1</${c.label}>`,
      snippet: true,
    }));
  }
  const value = /\bvalue\s*=\s*(["'])([^"'<>]*)$/.exec(before);
  if (value) {
    const at = locate(defs, parsed.root, offset);
    if (!at || offset < at.node.valueStart || offset > at.node.valueEnd) return [];
    return bindingCodes(defs, at.def).map((c) => ({ ...c, replace: { start: at.node.valueStart, end: at.node.valueEnd } }));
  }
  return [];
}
