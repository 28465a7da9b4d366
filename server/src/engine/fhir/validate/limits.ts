// A profile's minValue[x] / maxValue[x], maxLength and minLength extension on the values it constrains:
// numbers compare as numbers, dates and times as ISO text at the precision written, Quantities by value
// when the units agree (a limit in other units is not converted here: not compared).

import { textSpan, type FhirDocument, type FhirNode } from '../tree';
import type { ElementDef } from '../definitions/model';
import type { Report } from './issue';

const NUMERIC = new Set(['Integer', 'Decimal', 'PositiveInt', 'UnsignedInt', 'Integer64']);
const child = (n: FhirNode, name: string) => n.children.find((c) => c.name === name);

function compare(node: FhirNode, limit: { type: string; value: unknown }): { r: number; shown: string; limit: string } | undefined {
  if (limit.type === 'Quantity') {
    const q = (limit.value ?? {}) as Record<string, unknown>;
    const value = Number(child(node, 'value')?.value);
    const code = child(node, 'code')?.value ?? child(node, 'unit')?.value;
    const limitCode = q.code ?? q.unit;
    if (!Number.isFinite(value) || !Number.isFinite(Number(q.value)) || (limitCode !== undefined && code !== undefined && String(code) !== String(limitCode))) return undefined;
    return { r: Math.sign(value - Number(q.value)), shown: `${value}${code !== undefined ? ` ${code}` : ''}`, limit: `${q.value}${limitCode !== undefined ? ` ${limitCode}` : ''}` };
  }
  if (node.value === undefined || node.value === null) return undefined;
  if (NUMERIC.has(limit.type)) {
    const a = Number(node.value);
    const b = Number(limit.value);
    return Number.isFinite(a) && Number.isFinite(b) ? { r: Math.sign(a - b), shown: String(node.value), limit: String(limit.value) } : undefined;
  }
  const a = String(node.value);
  const b = String(limit.value);
  return { r: a === b ? 0 : a < b ? -1 : 1, shown: a, limit: b };
}

export function checkLimits(node: FhirNode, def: Partial<ElementDef>, doc: FhirDocument, path: string, report: Report): void {
  const span = node.kind === 'object' ? node.nameSpan : textSpan(node, doc.format);
  const say = (message: Parameters<Report>[0]['message'], args: (string | number)[]) => report({ rule: 'fhir/value-limits', severity: 'error', span, message, args: [path, ...args] });
  if (def.minValue && def.minValue.type !== 'Duration') {
    const c = compare(node, def.minValue);
    if (c && c.r < 0) say('value-below-min', [c.shown, c.limit]);
  }
  if (def.maxValue && def.maxValue.type !== 'Duration') {
    const c = compare(node, def.maxValue);
    if (c && c.r > 0) say('value-above-max', [c.shown, c.limit]);
  }
  if (typeof node.value === 'string') {
    const length = [...node.value].length;
    if (def.minLength !== undefined && length < def.minLength) say('value-too-short', [node.value, def.minLength]);
    if (def.maxLength !== undefined && length > def.maxLength) say('value-too-long', [node.value, def.maxLength]);
  }
}
