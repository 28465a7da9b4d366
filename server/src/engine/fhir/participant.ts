// Hover and completion for FHIR resources: the element's definition and cardinality from the
// StructureDefinition, property names where a property goes, and the codes of required bindings.

import type { AnalysisContext, AnalyzedDocument, Completion, Participant } from '../core/types';
import { isFhirCandidate, parseFhir, resourceTypesIn } from './check';
import type { R4Definitions } from './definitions/store';
import type { ElementDef } from './definitions/model';
import { completeJson } from './complete-json';
import { completeXml } from './complete-xml';
import { locate, step, type Located } from './locate';
import { extensionHover } from './extensions/hover';
import { questionnaireHover } from './questionnaire/hover';

const MAX_CODES_IN_HOVER = 12;

export async function loadFor(doc: AnalyzedDocument, ctx: AnalysisContext) {
  const defs = ctx.caches.fhir.r4();
  const parsed = parseFhir(doc);
  if (!defs || !parsed || !(await defs.load())) return undefined;
  await defs.loadValueSets();
  await Promise.all([...(parsed.resourceTypes ?? resourceTypesIn(parsed.root))].map((t) => defs.ensure(t)));
  return { defs, parsed };
}

export function cardinality(def: ElementDef): string {
  return `${def.min}..${def.max}`;
}

export function bindingLine(defs: R4Definitions, def: ElementDef): string | undefined {
  if (!def.binding) return undefined;
  const name = def.binding.valueSet.split('/').pop();
  const vs = defs.valueSets?.[def.binding.valueSet];
  const codes = vs ? vs.codes.map((c) => c[1]) : [];
  const list = codes.length ? ` — ${codes.slice(0, MAX_CODES_IN_HOVER).join(' | ')}${codes.length > MAX_CODES_IN_HOVER ? ` | … (${codes.length})` : ''}` : '';
  return `Binding (${def.binding.strength}): [${name}](${def.binding.valueSet})${list}`;
}

function hoverText(defs: R4Definitions, at: Located): string | undefined {
  if (!at.def) {
    const root = at.scope?.model.root;
    return root ? `**${at.path}** (FHIR R4 resource)\n\n${root.definition ?? root.short ?? ''}` : undefined;
  }
  const lines = [`**${at.path}** · \`${at.type ?? at.def.types?.map((t) => t.code).join(' | ') ?? ''}\` · ${cardinality(at.def)}`];
  if (at.def.short) lines.push('', at.def.short);
  if (at.def.definition && at.def.definition !== at.def.short) lines.push('', at.def.definition);
  const binding = bindingLine(defs, at.def);
  if (binding) lines.push('', binding);
  if (at.def.constraints?.length) lines.push('', ...at.def.constraints.map((c) => `- \`${c.key}\`: ${c.human}`));
  return lines.join('\n');
}

export const fhirParticipant: Participant = {
  name: 'fhir-r4',
  appliesTo: isFhirCandidate,

  async hover(doc, offset, ctx) {
    const loaded = await loadFor(doc, ctx);
    if (!loaded) return undefined;
    const extension = await extensionHover(loaded.parsed.root, offset, loaded.defs, ctx);
    if (extension) return extension;
    const item = await questionnaireHover(loaded.parsed.root, offset, ctx);
    if (item) return item;
    const at = locate(loaded.defs, loaded.parsed.root, offset);
    if (!at) return undefined;
    // JSON: on the key of an array property (`"name": [`), the element is the array's.
    const arrayKey = [...(loaded.parsed.arrays.get(at.node) ?? [])].find(([, span]) => offset >= span.start - 1 && offset <= span.end + 1); // with its quotes
    const first = arrayKey && at.scope ? at.node.children.find((c) => c.name === arrayKey[0]) : undefined;
    if (first && at.scope) {
      const next = step(loaded.defs, at.scope, first, at.path);
      if (next) return hoverText(loaded.defs, { ...next, path: `${at.path}.${first.name}` });
    }
    const onName = offset >= at.node.nameStart && offset <= at.node.nameEnd;
    const onValue = offset >= at.node.valueStart && offset <= at.node.valueEnd;
    if (!onName && !onValue) return undefined;
    return hoverText(loaded.defs, at);
  },

  async complete(doc, offset, ctx): Promise<Completion[]> {
    const loaded = await loadFor(doc, ctx);
    if (!loaded) return [];
    return loaded.parsed.format === 'json' ? completeJson(doc, offset, loaded.defs, loaded.parsed) : completeXml(doc, offset, loaded.defs, loaded.parsed);
  },
};
