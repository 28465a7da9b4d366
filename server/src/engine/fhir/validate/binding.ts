// Required bindings to value sets that can be enumerated offline (code, Coding, CodeableConcept).
// A code that differs from an allowed one only in case gets a certain fix.

import type { Binding, ExpandedValueSet } from '../definitions/model';
import { valueSpanOf, type FhirDocument, type FhirNode } from '../tree';
import type { Report } from './issue';

const MAX_LISTED = 8;

function valueSetLabel(url: string, vs: ExpandedValueSet): [string, string] {
  const name = url.split('/').pop() ?? url;
  const codes = vs.codes.map((c) => c[1]);
  return [name, codes.length <= MAX_LISTED ? codes.join(' | ') : `${codes.length} codes`];
}

function child(node: FhirNode, name: string): FhirNode | undefined {
  return node.children.find((c) => c.name === name);
}

/** The codes of a value set, as a set (built on first use, kept by the value set). */
function codesOf(vs: ExpandedValueSet): Set<string> {
  return (vs.codeSet ??= new Set(vs.codes.map((c) => c[1])));
}

export function checkBinding(
  node: FhirNode,
  type: string,
  binding: Binding,
  vs: ExpandedValueSet | undefined,
  doc: FhirDocument,
  path: string,
  report: Report,
): void {
  if (!vs || binding.strength !== 'required') return;
  if (type === 'code' || type === 'string' || type === 'uri') {
    if (typeof node.value !== 'string') return;
    const code = node.value;
    if (codesOf(vs).has(code)) return;
    const [name, listed] = valueSetLabel(binding.valueSet, vs);
    const sameButCase = [...new Set(vs.codes.filter((c) => c[1].toLowerCase() === code.toLowerCase()).map((c) => c[1]))];
    const span = doc.format === 'json' ? { start: node.valueStart + 1, end: node.valueEnd - 1 } : valueSpanOf(node);
    report({
      rule: 'fhir/binding',
      severity: 'error',
      span,
      message: 'not-in-value-set',
      args: [path, code, name, listed],
      fix: sameButCase.length === 1 ? { span, text: sameButCase[0], title: 'use-code', args: [sameButCase[0]] } : undefined,
    });
    return;
  }
  const codings = type === 'Coding' ? [node] : type === 'CodeableConcept' ? node.children.filter((c) => c.name === 'coding') : [];
  const pairs = codings.map((c) => ({ node: c, system: child(c, 'system')?.value, code: child(c, 'code')?.value }));
  const coded = pairs.filter((p) => typeof p.code === 'string');
  if (!coded.length) return;
  if (!coded.some((p) => codesOf(vs).has(String(p.code)))) {
    // no code matches at all: fall through to the report
  } else if (coded.some((p) => vs.codes.some(([s, c]) => c === p.code && (p.system === undefined || s === p.system)))) return;
  const [name, listed] = valueSetLabel(binding.valueSet, vs);
  const first = coded[0];
  const codeNode = child(first.node, 'code')!;
  const span = doc.format === 'json' ? { start: codeNode.valueStart + 1, end: codeNode.valueEnd - 1 } : valueSpanOf(codeNode);
  const found = coded.map((p) => (p.system ? `${p.system}|${p.code}` : String(p.code))).join(', ');
  const sameButCase = [
    ...new Set(
      vs.codes.filter(([s, c]) => c.toLowerCase() === String(first.code).toLowerCase() && (first.system === undefined || s === first.system)).map((c) => c[1]),
    ),
  ];
  report({
    rule: 'fhir/binding',
    severity: 'error',
    span,
    message: type === 'Coding' ? 'not-in-value-set' : 'coding-not-in-value-set',
    args: type === 'Coding' ? [path, String(first.code), name, listed] : [path, `${name} (${listed})`, found],
    fix: coded.length === 1 && sameButCase.length === 1 ? { span, text: sameButCase[0], title: 'use-code', args: [sameButCase[0]] } : undefined,
  });
}
