// A profile's minValue[x] / maxValue[x], maxLength and minLength extension on the values it constrains:
// numbers compare as numbers, dates and times as ISO text at the precision written, Quantities by value
// when the units agree (a limit in other units is not converted here: not compared). A Duration limit
// on a date is relative to today (R5's rule, which the reference validator applies): a minimum is
// today minus the duration, a maximum today plus it, compared at the value's precision.

import { nameSpanOf, textSpan, type FhirDocument, type FhirNode } from '../tree';
import type { ElementDef } from '../definitions/model';
import type { Report } from './issue';

const NUMERIC = new Set(['Integer', 'Decimal', 'PositiveInt', 'UnsignedInt', 'Integer64']);
const child = (n: FhirNode, name: string) => n.children.find((c) => c.name === name);
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?/;
/** UCUM calendar units → [months, days] per unit. */
const CALENDAR: Record<string, [number, number]> = { a: [12, 0], mo: [1, 0], wk: [0, 7], d: [0, 1] };

/** `today` (YYYY-MM-DD) moved by a Duration (`sign` -1: back), or undefined when its unit is not a calendar unit. */
export function dateFromToday(today: string, duration: unknown, sign: 1 | -1): string | undefined {
  const d = (duration ?? {}) as Record<string, unknown>;
  const per = CALENDAR[String(d.code ?? d.unit ?? '')];
  const n = sign * Number(d.value);
  const [y, m, day] = today.split('-').map(Number);
  if (!per || !Number.isFinite(n) || !y) return undefined;
  const at = new Date(Date.UTC(y, (m || 1) - 1 + Math.trunc(n * per[0]), (day || 1) + Math.trunc(n * per[1])));
  return at.toISOString().slice(0, 10);
}

function compareToToday(node: FhirNode, limit: { type: string; value: unknown }, today: string | undefined, sign: 1 | -1) {
  const value = typeof node.value === 'string' ? DATE.exec(node.value)?.[0] : undefined;
  const date = value && today ? dateFromToday(today, limit.value, sign) : undefined;
  if (!value || !date) return undefined;
  const at = date.slice(0, value.length);
  const d = (limit.value ?? {}) as Record<string, unknown>;
  return {
    r: value === at ? 0 : value < at ? -1 : 1,
    shown: String(node.value),
    limit: `${at} (${today} ${sign < 0 ? '−' : '+'} ${d.value} ${d.code ?? d.unit})`,
  };
}

function compare(node: FhirNode, limit: { type: string; value: unknown }): { r: number; shown: string; limit: string } | undefined {
  if (limit.type === 'Quantity') {
    const q = (limit.value ?? {}) as Record<string, unknown>;
    const value = Number(child(node, 'value')?.value);
    const code = child(node, 'code')?.value ?? child(node, 'unit')?.value;
    const limitCode = q.code ?? q.unit;
    if (!Number.isFinite(value) || !Number.isFinite(Number(q.value)) || (limitCode !== undefined && code !== undefined && String(code) !== String(limitCode)))
      return undefined;
    return {
      r: Math.sign(value - Number(q.value)),
      shown: `${value}${code !== undefined ? ` ${code}` : ''}`,
      limit: `${q.value}${limitCode !== undefined ? ` ${limitCode}` : ''}`,
    };
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

export function checkLimits(node: FhirNode, def: Partial<ElementDef>, doc: FhirDocument, path: string, report: Report, today?: string): void {
  const span = node.kind === 'object' ? nameSpanOf(node) : textSpan(node, doc.format);
  const say = (message: Parameters<Report>[0]['message'], args: (string | number)[]) =>
    report({ rule: 'fhir/value-limits', severity: 'error', span, message, args: [path, ...args] });
  const against = (limit: { type: string; value: unknown }, sign: 1 | -1) =>
    limit.type === 'Duration' ? compareToToday(node, limit, today, sign) : compare(node, limit);
  if (def.minValue) {
    const c = against(def.minValue, -1);
    if (c && c.r < 0) say('value-below-min', [c.shown, c.limit]);
  }
  if (def.maxValue) {
    const c = against(def.maxValue, 1);
    if (c && c.r > 0) say('value-above-max', [c.shown, c.limit]);
  }
  if (typeof node.value === 'string') {
    const length = [...node.value].length;
    if (def.minLength !== undefined && length < def.minLength) say('value-too-short', [node.value, def.minLength]);
    if (def.maxLength !== undefined && length > def.maxLength) say('value-too-long', [node.value, def.maxLength]);
  }
}
