// Completion items shared by the JSON and XML forms.

import type { Completion } from '../core/types';
import type { ElementDef } from './definitions/model';
import type { R4Definitions } from './definitions/store';
import type { Scope } from './locate';

export function propertyCompletions(scope: Scope, present: Set<string>): (Completion & { primitive: boolean; def: ElementDef })[] {
  const out: (Completion & { primitive: boolean; def: ElementDef })[] = [];
  for (const [name, hit] of scope.model.childrenOf(scope.defPath)) {
    const def = hit.def;
    if (present.has(name) && def.max === '1') continue;
    const type = hit.type ?? def.types?.map((t) => t.code).join(' | ') ?? 'BackboneElement';
    out.push({
      label: name,
      kind: 'property',
      detail: `${type} ${def.min}..${def.max}`,
      documentation: def.short,
      primitive: /^[a-z]/.test(hit.type ?? def.types?.[0]?.code ?? 'X'),
      def,
    });
  }
  // Required elements first, then definition order.
  return out.sort((a, b) => Number(b.def.min > 0) - Number(a.def.min > 0));
}

export function bindingCodes(defs: R4Definitions, def: ElementDef | undefined): Completion[] {
  if (!def?.binding || def.binding.strength !== 'required') return [];
  const vs = defs.valueSets?.[def.binding.valueSet];
  const seen = new Set<string>();
  return (vs?.codes ?? [])
    .filter(([, code]) => !seen.has(code) && seen.add(code))
    .map(([system, code, display]) => ({ label: code, kind: 'value' as const, detail: display, documentation: system }));
}
