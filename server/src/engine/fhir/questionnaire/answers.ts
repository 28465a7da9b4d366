// One answer of a QuestionnaireResponse item against its Questionnaire item: the value type the item
// type allows, answerOption / answerValueSet, minValue / maxValue, minLength / maxLength, attachment
// size and type, Quantity units (unitOption, unitValueSet, UCUM-aware minQuantity / maxQuantity) and
// the resource types a reference may point at.

import type { ExpandedValueSet } from '../definitions/model';
import { nameSpanOf, textSpan, type FhirDocument, type FhirNode, type Span } from '../tree';
import { base64Length } from '../validate/attachment';
import type { Report } from '../validate/issue';
import { itemExtension, numberOf, type QuestionnaireItem } from './model';
import type { UcumConvert } from './ucum';

const RULE = 'fhir/questionnaire-answer';
const UCUM = 'http://unitsofmeasure.org';
const PRIMITIVE = new Set(['Boolean', 'Decimal', 'Integer', 'Date', 'DateTime', 'Time', 'String', 'Uri']);
const CHOICE = ['Coding', 'Date', 'Time', 'Integer', 'String'];

/** R4 item type → the answer value[x] types it allows. */
const ANSWER_TYPES: Record<string, string[]> = {
  boolean: ['Boolean'],
  decimal: ['Decimal'],
  integer: ['Integer'],
  date: ['Date'],
  dateTime: ['DateTime'],
  time: ['Time'],
  string: ['String'],
  text: ['String'],
  url: ['Uri'],
  choice: CHOICE,
  'open-choice': CHOICE,
  attachment: ['Attachment'],
  reference: ['Reference'],
  quantity: ['Quantity'],
};

export const typeName = (suffix: string) => (PRIMITIVE.has(suffix) ? suffix.charAt(0).toLowerCase() + suffix.slice(1) : suffix);

export interface AnswerRun {
  doc: FhirDocument;
  report: Report;
  /** Resource types of R4 (for references). */
  isResource(type: string): boolean;
  /** The expansion of a value set the questionnaire names; null when it cannot be enumerated or found. */
  valueSet(url: string): ExpandedValueSet | null;
  ucum?: UcumConvert;
}

const child = (n: FhirNode, name: string) => n.children.find((c) => c.name === name);
const str = (n: FhirNode, name: string) => {
  const v = child(n, name)?.value;
  return v === undefined || v === null ? undefined : String(v);
};

function spanOf(node: FhirNode, doc: FhirDocument): Span {
  return node.kind === 'object' ? nameSpanOf(node) : textSpan(node, doc.format);
}

const codingLabel = (system: string | undefined, code: string | undefined) => `${system ?? ''}#${code ?? ''}`;
const show = (v: unknown) => (v && typeof v === 'object' ? JSON.stringify(v) : String(v));

export function checkAnswer(answer: FhirNode, item: QuestionnaireItem, path: string, run: AnswerRun): void {
  const value = answer.children.find((c) => /^value[A-Z]/.test(c.name));
  if (!value) return;
  const type = value.name.slice(5);
  const where = `${path}.${value.name}`;
  const allowed = ANSWER_TYPES[item.type];
  if (!allowed) return; // group and display are the item check's; unknown types are the base validation's
  const say = (message: Parameters<Report>[0]['message'], args: (string | number)[], at: FhirNode = value) =>
    run.report({ rule: RULE, severity: 'error', span: spanOf(at, run.doc), message, args: [where, ...args] });
  if (!allowed.includes(type)) {
    // On the property name: the name is what is wrong (`valueString` where a boolean belongs).
    run.report({
      rule: RULE,
      severity: 'error',
      span: nameSpanOf(value),
      message: 'qr-answer-type',
      args: [where, item.linkId, item.type, allowed.map(typeName).join(', '), typeName(type)],
    });
    return;
  }
  checkOptions(value, type, item, run, say);
  if (type === 'Coding' && item.answerValueSet && !item.answerOptions.length) checkInValueSet(value, item.answerValueSet, item, run, say);
  if (type === 'Integer' || type === 'Decimal' || type === 'Date' || type === 'DateTime' || type === 'Time') checkRange(value, type, item, say);
  if (type === 'String' || type === 'Uri') checkLength(value, item, say);
  if (type === 'Attachment') checkAttachment(value, item, say);
  if (type === 'Quantity') checkQuantity(value, item, run, say);
  if (type === 'Reference') checkReference(value, item, run, say);
}

type Say = (message: Parameters<Report>[0]['message'], args: (string | number)[], at?: FhirNode) => void;

function checkOptions(value: FhirNode, type: string, item: QuestionnaireItem, _run: AnswerRun, say: Say): void {
  if (!item.answerOptions.length) return;
  // open-choice: free text is allowed besides the options.
  if (item.type === 'open-choice' && type === 'String') return;
  const options = item.answerOptions.filter((o) => o.type === type);
  const matches = options.some((o) => {
    if (type !== 'Coding') return String(o.value) === String(value.value);
    const c = (o.value ?? {}) as Record<string, unknown>;
    return String(c.code) === str(value, 'code') && (c.system === undefined ? str(value, 'system') === undefined : String(c.system) === str(value, 'system'));
  });
  if (matches) return;
  const shown = type === 'Coding' ? codingLabel(str(value, 'system'), str(value, 'code')) : String(value.value);
  const listed = options.map((o) =>
    type === 'Coding' ? codingLabel((o.value as Record<string, string>)?.system, (o.value as Record<string, string>)?.code) : String(o.value),
  );
  say('qr-not-in-options', [shown, item.linkId, listed.join(', ') || '-']);
}

function checkInValueSet(value: FhirNode, url: string, item: QuestionnaireItem, run: AnswerRun, say: Say): void {
  const vs = run.valueSet(url);
  if (!vs) return;
  const system = str(value, 'system');
  const code = str(value, 'code');
  if (code === undefined) return;
  const hit = vs.codes.find(([s, c]) => c === code && (system === undefined || s === system));
  const name = vs.title ?? url.split('/').pop() ?? url;
  if (!hit) {
    say('qr-not-in-value-set', [codingLabel(system, code), name, item.linkId]);
    return;
  }
  const display = str(value, 'display');
  if (display !== undefined && hit[2] !== undefined && display.trim().toLowerCase() !== hit[2].trim().toLowerCase()) {
    say('qr-wrong-display', [display, codingLabel(hit[0], code), hit[2]], child(value, 'display') ?? value);
  }
}

function compareValues(a: unknown, b: unknown, numeric: boolean): number | undefined {
  if (numeric) {
    const x = numberOf(a);
    const y = numberOf(b);
    return x === undefined || y === undefined ? undefined : Math.sign(x - y);
  }
  // ISO dates, dateTimes and times compare as text at the precision written (2022-06-30 > 2022-06).
  const x = String(a);
  const y = String(b);
  return x === y ? 0 : x < y ? -1 : 1;
}

function checkRange(value: FhirNode, type: string, item: QuestionnaireItem, say: Say): void {
  const numeric = type === 'Integer' || type === 'Decimal';
  for (const [name, sign, message] of [
    ['minValue', -1, 'qr-below-min'],
    ['maxValue', 1, 'qr-above-max'],
  ] as const) {
    for (const limit of itemExtension(item, name)) {
      const r = compareValues(value.value, limit.value, numeric);
      if (r === sign) say(message, [String(value.value), show(limit.value), item.linkId]);
    }
  }
}

function checkLength(value: FhirNode, item: QuestionnaireItem, say: Say): void {
  const text = String(value.value ?? '');
  const length = [...text].length;
  const min = numberOf(itemExtension(item, 'minLength')[0]?.value);
  if (min !== undefined && length < min) say('qr-too-short', [text, min, item.linkId]);
  if (item.maxLength !== undefined && length > item.maxLength) say('qr-too-long', [text, item.maxLength, item.linkId]);
}

function checkAttachment(value: FhirNode, item: QuestionnaireItem, say: Say): void {
  const data = str(value, 'data');
  const size = data !== undefined ? base64Length(data) : numberOf(str(value, 'size'));
  const max = numberOf(itemExtension(item, 'maxSize')[0]?.value);
  if (max !== undefined && size !== undefined && size > max) say('qr-attachment-too-large', [size, max, item.linkId]);
  const types = itemExtension(item, 'mimeType').map((t) => String(t.value));
  const contentType = str(value, 'contentType');
  if (types.length && contentType !== undefined && !types.some((t) => t.split(';')[0].trim() === contentType.split(';')[0].trim())) {
    say('qr-mime-type', [contentType, item.linkId, types.join(', ')], child(value, 'contentType'));
  }
}

function quantityLabel(q: { value?: unknown; unit?: unknown; system?: unknown; code?: unknown }): string {
  return `${q.value ?? ''} ${q.unit ?? q.code ?? ''}`.trim() + (q.code !== undefined ? ` (${q.system === UCUM ? 'UCUM' : (q.system ?? '')}#${q.code})` : '');
}

function checkQuantity(value: FhirNode, item: QuestionnaireItem, run: AnswerRun, say: Say): void {
  const q = { value: str(value, 'value'), unit: str(value, 'unit'), system: str(value, 'system'), code: str(value, 'code') };
  const options = itemExtension(item, 'unitOption').map((o) => (o.value ?? {}) as Record<string, string>);
  if (options.length && !options.some((o) => o.code === q.code && (o.system === undefined || o.system === q.system))) {
    say('qr-unit-not-allowed', [
      quantityLabel(q),
      item.linkId,
      options.map((o) => `${o.display ?? o.code} (${o.system === UCUM ? 'UCUM' : o.system}#${o.code})`).join(', '),
    ]);
  }
  const unitValueSet = itemExtension(item, 'unitValueSet')[0]?.value;
  if (typeof unitValueSet === 'string') {
    const vs = run.valueSet(unitValueSet);
    if (vs && !vs.codes.some(([s, c]) => c === q.code && s === q.system)) say('qr-unit-not-in-value-set', [quantityLabel(q), unitValueSet, item.linkId]);
  }
  for (const [name, sign, message] of [
    ['minQuantity', -1, 'qr-below-min'],
    ['maxQuantity', 1, 'qr-above-max'],
  ] as const) {
    for (const limitExt of itemExtension(item, name)) {
      const limit = (limitExt.value ?? {}) as Record<string, unknown>;
      const lv = numberOf(limit.value);
      const av = numberOf(q.value);
      if (lv === undefined || av === undefined) continue;
      const formal = q.system === UCUM && q.code !== undefined && limit.system === UCUM && limit.code !== undefined;
      if (!formal) {
        say('qr-quantity-no-units', [quantityLabel(q), name === 'minQuantity' ? 'minimum' : 'maximum', quantityLabel(limit)]);
        continue;
      }
      const converted = q.code === limit.code ? av : run.ucum?.(av, q.code!, String(limit.code));
      if (converted === undefined) {
        say('qr-quantity-incomparable', [quantityLabel(q), name === 'minQuantity' ? 'minimum' : 'maximum', quantityLabel(limit)]);
        continue;
      }
      if (Math.sign(converted - lv) === sign) say(message, [quantityLabel(q), quantityLabel(limit), item.linkId]);
    }
  }
}

/** `Patient/1`, `http://x/fhir/Patient/1/_history/2` → `Patient`. */
function referencedType(reference: string): string | undefined {
  if (reference.startsWith('#') || /^urn:/.test(reference)) return undefined;
  const m = /(?:^|\/)([A-Za-z]+)\/[A-Za-z0-9\-.]{1,64}(?:\/_history\/[A-Za-z0-9\-.]{1,64})?$/.exec(reference);
  return m?.[1];
}

function checkReference(value: FhirNode, item: QuestionnaireItem, run: AnswerRun, say: Say): void {
  const reference = str(value, 'reference');
  const type = reference !== undefined ? referencedType(reference) : undefined;
  if (!type) return;
  const at = child(value, 'reference');
  if (!run.isResource(type)) {
    say('qr-reference-not-resource', [type, reference!], at);
    return;
  }
  const allowed = itemExtension(item, 'referenceResource').map((r) => String(r.value));
  if (allowed.length && !allowed.includes(type)) say('qr-reference-not-allowed', [type, item.linkId, allowed.join(', ')], at);
}
