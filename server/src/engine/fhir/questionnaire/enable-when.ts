// enableWhen / enableBehavior (R4): is an item enabled, given the answers in the response? The answers
// to the question an enableWhen names are looked for nearest first: in the subtree of the item's
// closest enclosing response item, then further out, so a repeating group's condition reads its own
// repetition's answers. `!=` is true when some answer differs (the reference validator's reading).

import type { FhirNode } from '../tree';
import { numberOf, type EnableWhen, type QuestionnaireItem } from './model';

const child = (n: FhirNode | undefined, name: string) => n?.children.find((c) => c.name === name);
const kids = (n: FhirNode | undefined, name: string) => (n ? n.children.filter((c) => c.name === name) : []);

/** A response item (or the response itself) and the way up: the response nodes enclosing it. */
export type Ancestry = FhirNode[];

function itemsWithLinkId(node: FhirNode, linkId: string, out: FhirNode[]): FhirNode[] {
  for (const item of kids(node, 'item')) {
    if (child(item, 'linkId')?.value === linkId) out.push(item);
    itemsWithLinkId(item, linkId, out);
    for (const a of kids(item, 'answer')) itemsWithLinkId(a, linkId, out);
  }
  return out;
}

/** The answer values (the `value[x]` nodes) of the question `linkId`, nearest scope first. */
function answersTo(linkId: string, ancestry: Ancestry): FhirNode[] {
  for (let i = ancestry.length - 1; i >= 0; i--) {
    const found = itemsWithLinkId(ancestry[i], linkId, []);
    if (found.length)
      return found.flatMap((item) =>
        kids(item, 'answer')
          .map((a) => a.children.find((c) => /^value[A-Z]/.test(c.name)))
          .filter((v): v is FhirNode => !!v),
      );
  }
  return [];
}

const field = (n: FhirNode, name: string) => child(n, name)?.value;

/** -1/0/1 when the two are comparable, else undefined. */
function compare(actual: FhirNode, expected: { type: string; value: unknown }): number | undefined {
  const type = actual.name.slice(5);
  const e = expected.value;
  switch (expected.type) {
    case 'Integer':
    case 'Decimal': {
      const a = numberOf(actual.value);
      const b = numberOf(e);
      return a === undefined || b === undefined || (type !== 'Integer' && type !== 'Decimal') ? undefined : Math.sign(a - b);
    }
    case 'Boolean':
      return type === 'Boolean' ? (String(actual.value) === String(e) ? 0 : undefined) : undefined;
    case 'Date':
    case 'DateTime':
    case 'Time':
    case 'String':
      if (type !== expected.type && !(expected.type.startsWith('Date') && type.startsWith('Date'))) return undefined;
      return String(actual.value) === String(e) ? 0 : String(actual.value) < String(e) ? -1 : 1;
    case 'Coding': {
      if (type !== 'Coding' || !e || typeof e !== 'object') return undefined;
      const c = e as Record<string, unknown>;
      const sameSystem = c.system === undefined || field(actual, 'system') === undefined || String(field(actual, 'system')) === String(c.system);
      return sameSystem && String(field(actual, 'code')) === String(c.code) ? 0 : undefined;
    }
    case 'Quantity': {
      if (type !== 'Quantity' || !e || typeof e !== 'object') return undefined;
      const q = e as Record<string, unknown>;
      const a = numberOf(field(actual, 'value'));
      const b = numberOf(q.value);
      const sameUnit = String(field(actual, 'code') ?? field(actual, 'unit') ?? '') === String(q.code ?? q.unit ?? '');
      return a === undefined || b === undefined || !sameUnit ? undefined : Math.sign(a - b);
    }
    case 'Reference': {
      if (type !== 'Reference' || !e || typeof e !== 'object') return undefined;
      return String(field(actual, 'reference')) === String((e as Record<string, unknown>).reference) ? 0 : undefined;
    }
    default:
      return undefined;
  }
}

function holds(w: EnableWhen, ancestry: Ancestry): boolean {
  const answers = answersTo(w.question, ancestry);
  if (w.operator === 'exists') return (w.answer?.value === true || w.answer?.value === 'true') === answers.length > 0;
  if (!w.answer) return false;
  const test = (r: number | undefined): boolean => {
    switch (w.operator) {
      case '=':
        return r === 0;
      case '!=':
        return r !== 0;
      case '>':
        return r !== undefined && r > 0;
      case '<':
        return r !== undefined && r < 0;
      case '>=':
        return r !== undefined && r >= 0;
      case '<=':
        return r !== undefined && r <= 0;
      default:
        return false;
    }
  };
  return answers.some((a) => test(compare(a, w.answer!)));
}

/** true/false, or undefined when it depends on something not evaluated here (an enableWhenExpression). */
export function isEnabled(item: QuestionnaireItem, ancestry: Ancestry): boolean | undefined {
  if (item.enabledByExpression) return undefined;
  if (!item.enableWhen.length) return true;
  const results = item.enableWhen.map((w) => holds(w, ancestry));
  return item.enableBehavior === 'all' ? results.every(Boolean) : results.some(Boolean);
}
