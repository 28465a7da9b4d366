// fixed[x] (exact) and pattern[x] (the instance holds at least the pattern's content) values.

import { nameSpanOf, valueSpanOf, type FhirNode } from '../tree';
import type { Report } from './issue';

/** Primitives compare by their lexical form: profiles read from FHIR XML hold `"true"` where JSON has `true`. */
function samePrimitive(a: unknown, b: unknown): boolean {
  return a === b || (a !== null && b !== null && a !== undefined && b !== undefined && String(a) === String(b));
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return typeof a !== 'object' && typeof b !== 'object' && samePrimitive(a, b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  return ka.length === kb.length && ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Does `value` contain `pattern`: every pattern property present and matching, arrays item-wise by some item? */
export function matchesPattern(value: unknown, pattern: unknown): boolean {
  if (typeof pattern !== 'object' || pattern === null) return typeof value !== 'object' && samePrimitive(value, pattern);
  if (Array.isArray(pattern)) {
    const items = Array.isArray(value) ? value : [value];
    return pattern.every((p) => items.some((v) => matchesPattern(v, p)));
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.entries(pattern).every(([k, p]) => matchesPattern((value as Record<string, unknown>)[k], p));
}

const show = (v: unknown) => {
  const s = JSON.stringify(v);
  return s.length > 120 ? s.slice(0, 117) + '…' : s;
};

export function checkFixedAndPattern(node: FhirNode, json: unknown, fixed: unknown, pattern: unknown, path: string, report: Report): void {
  if (fixed !== undefined && !deepEqual(json, fixed)) {
    report({
      rule: 'fhir/fixed-value',
      severity: 'error',
      span: node.kind === 'object' ? nameSpanOf(node) : valueSpanOf(node),
      message: 'fixed-value',
      args: [path, show(fixed)],
    });
  }
  if (pattern !== undefined && !matchesPattern(json, pattern)) {
    report({
      rule: 'fhir/pattern',
      severity: 'error',
      span: node.kind === 'object' ? nameSpanOf(node) : valueSpanOf(node),
      message: 'pattern-value',
      args: [path, show(pattern)],
    });
  }
}
