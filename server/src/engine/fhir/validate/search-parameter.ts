// A SearchParameter's expression against its base: each union part that starts with a resource type
// (`Organization.name | Organization.alias`) must start with one of the base types, unless the base is
// Resource or DomainResource; the reference validator finds no such name on the possible types.

import { textSpan, type FhirDocument, type FhirNode } from '../tree';
import type { Report } from './issue';

const LEADING = /^\(*\s*([A-Z][A-Za-z]+)(?=\s*(\.|\)|$))/;

/** The expression split at `|` outside brackets and quotes. */
export function unionParts(expression: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < expression.length; i++) {
    const c = expression[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === "'" || c === '`') quote = c;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === '|' && depth === 0) {
      parts.push(expression.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(expression.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}

export function checkSearchParameter(sp: FhirNode, isResource: (t: string) => boolean, doc: FhirDocument, report: Report): void {
  const expression = sp.children.find((c) => c.name === 'expression');
  const bases = sp.children.filter((c) => c.name === 'base').map((c) => String(c.value));
  if (typeof expression?.value !== 'string' || !bases.length || bases.some((b) => b === 'Resource' || b === 'DomainResource')) return;
  const wrong = [
    ...new Set(
      unionParts(expression.value)
        .map((p) => LEADING.exec(p)?.[1])
        .filter((t): t is string => !!t && isResource(t) && !bases.includes(t)),
    ),
  ];
  if (wrong.length) {
    report({
      rule: 'fhir/search-parameter',
      severity: 'error',
      span: textSpan(expression, doc.format),
      message: 'sp-expression-base',
      args: ['SearchParameter.expression', wrong.join(', '), bases.join(', ')],
    });
  }
}
