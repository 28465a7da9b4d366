// Primitive values: the JSON type the format requires, the value's lexical form (the regex of the
// primitive's StructureDefinition) and the 32-bit range of integers.

import type { PrimitiveFormat } from '../definitions/model';
import { nameSpanOf, valueSpanOf, type FhirDocument, type FhirNode } from '../tree';
import type { Report } from './issue';

const INTEGER_TYPES = new Set(['integer', 'positiveInt', 'unsignedInt']);

function regexFor(source: string, patterns: Map<string, RegExp>): RegExp {
  let re = patterns.get(source);
  if (!re) patterns.set(source, (re = new RegExp(`^(?:${source})$`)));
  return re;
}

/** Checks the value of a primitive node; in XML, also turns `true`/`12` into the JSON value FHIRPath expects. */
/** `patterns`: compiled primitive patterns by source, kept by the definitions they come from. */
export function checkPrimitive(
  node: FhirNode,
  type: string,
  format: PrimitiveFormat,
  doc: FhirDocument,
  path: string,
  report: Report,
  patterns: Map<string, RegExp>,
): void {
  if (type === 'xhtml' && node.xhtml) return;
  const isJson = doc.format === 'json';
  if (node.kind === 'object' || node.kind === 'array' || node.kind === 'null') {
    // XML primitives may carry only an id or extensions; JSON nulls only stand in arrays beside `_name`.
    const extensionOnly = node.children.length > 0 && (node.kind === 'null' || !isJson);
    if (extensionOnly) {
      node.kind = 'null'; // so its JSON form is `_name`, as in FHIR JSON
      // ele-1: an id is not content; a primitive with neither value nor extension is empty.
      if (!node.children.some((c) => c.name !== 'id'))
        report({ rule: 'fhir/empty-element', severity: 'error', span: nameSpanOf(node), message: 'empty-element', args: [path] });
      return;
    }
    if (!isJson && node.kind === 'object') {
      report({ rule: 'fhir/empty-element', severity: 'error', span: nameSpanOf(node), message: 'empty-element', args: [path] });
      return;
    }
    report({ rule: 'fhir/type', severity: 'error', span: valueSpanOf(node), message: 'wrong-json-type', args: [path, type, format.json, node.kind] });
    return;
  }
  if (isJson && node.kind !== format.json) {
    report({ rule: 'fhir/type', severity: 'error', span: valueSpanOf(node), message: 'wrong-json-type', args: [path, type, format.json, node.kind] });
    return;
  }
  const text = String(node.value);
  let valid = format.regex ? regexFor(format.regex, patterns).test(text) : text.length > 0 || type === 'xhtml';
  if (valid && INTEGER_TYPES.has(type)) valid = Math.abs(Number(text)) <= 2147483647;
  if (valid && type === 'xhtml') valid = /^\s*<div[\s>]/.test(text);
  if (!valid) {
    const valueSpan =
      isJson && node.kind === 'string' ? { start: node.valueStart + 1, end: Math.max(node.valueStart + 1, node.valueEnd - 1) } : valueSpanOf(node);
    report({
      rule: 'fhir/format',
      severity: 'error',
      span: valueSpan,
      message: 'bad-format',
      args: [path, text.length > 80 ? text.slice(0, 77) + '…' : text, type],
    });
    return;
  }
  if (!isJson && format.json !== 'string') node.value = format.json === 'boolean' ? text === 'true' : Number(text);
}
