// A Questionnaire's items as the response check reads them, from the Questionnaire's FHIR JSON (a
// package or workspace file, a Bundle entry, a contained resource). FHIR XML gives strings and single
// objects where JSON has booleans, numbers and arrays: both read the same here.

export type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

/** A repeating field as a list of objects, whether written as an array or (XML) a single object. */
export function objects(v: unknown): Json[] {
  if (Array.isArray(v)) return v.filter(isObject);
  return isObject(v) ? [v] : [];
}

/** A repeating primitive field as a list. */
export function values(v: unknown): unknown[] {
  return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
}

export const truthy = (v: unknown) => v === true || v === 'true';

export function numberOf(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

/** The `value[x]` of an object: its type suffix (`String`, `Coding`) and value. */
export function choiceValue(o: Json, prefix = 'value'): { type: string; value: unknown } | undefined {
  for (const [k, v] of Object.entries(o)) {
    if (k.length > prefix.length && k.startsWith(prefix) && /^[A-Z]/.test(k.charAt(prefix.length))) return { type: k.slice(prefix.length), value: v };
  }
  return undefined;
}

export const SDC = 'http://hl7.org/fhir/uv/sdc/StructureDefinition/';
export const CORE_EXT = 'http://hl7.org/fhir/StructureDefinition/';

export interface EnableWhen {
  question: string;
  operator: string;
  /** The answer[x] type suffix (`Boolean`, `Coding`) and value. */
  answer?: { type: string; value: unknown };
}

export interface QuestionnaireItem {
  linkId: string;
  text?: string;
  /** R4 item type (`group`, `display`, `string`, `choice`, …); empty when not stated. */
  type: string;
  required: boolean;
  repeats: boolean;
  maxLength?: number;
  answerOptions: { type: string; value: unknown }[];
  answerValueSet?: string;
  enableWhen: EnableWhen[];
  enableBehavior?: string;
  /** Enabled by an expression the validator does not evaluate (sdc enableWhenExpression). */
  enabledByExpression: boolean;
  /** Extensions by url (minValue, maxValue, minLength, maxSize, mimeType, unitOption, …). */
  extensions: Map<string, { type: string; value: unknown }[]>;
  items: QuestionnaireItem[];
  parent?: QuestionnaireItem;
}

export interface QuestionnaireModel {
  url?: string;
  json: Json;
  items: QuestionnaireItem[];
  /** Every item by linkId, at any depth. */
  byLinkId: Map<string, QuestionnaireItem>;
}

function readItem(o: Json, byLinkId: Map<string, QuestionnaireItem>, parent?: QuestionnaireItem): QuestionnaireItem {
  const extensions = new Map<string, { type: string; value: unknown }[]>();
  for (const e of objects(o.extension)) {
    const url = typeof e.url === 'string' ? e.url : undefined;
    const v = choiceValue(e);
    if (!url || !v) continue;
    extensions.set(url, [...(extensions.get(url) ?? []), v]);
  }
  const item: QuestionnaireItem = {
    linkId: String(o.linkId ?? ''),
    text: typeof o.text === 'string' ? o.text : undefined,
    type: typeof o.type === 'string' ? o.type : '',
    required: truthy(o.required),
    repeats: truthy(o.repeats),
    maxLength: numberOf(o.maxLength),
    answerOptions: objects(o.answerOption)
      .map((a) => choiceValue(a))
      .filter((a): a is { type: string; value: unknown } => !!a),
    answerValueSet: typeof o.answerValueSet === 'string' ? o.answerValueSet : undefined,
    enableWhen: objects(o.enableWhen).map((w) => ({
      question: String(w.question ?? ''),
      operator: String(w.operator ?? ''),
      answer: choiceValue(w, 'answer'),
    })),
    enableBehavior: typeof o.enableBehavior === 'string' ? o.enableBehavior : undefined,
    enabledByExpression: extensions.has(`${SDC}sdc-questionnaire-enableWhenExpression`),
    extensions,
    items: [],
    parent,
  };
  if (item.linkId && !byLinkId.has(item.linkId)) byLinkId.set(item.linkId, item);
  item.items = objects(o.item).map((c) => readItem(c, byLinkId, item));
  return item;
}

export function questionnaireModel(json: Json): QuestionnaireModel {
  const byLinkId = new Map<string, QuestionnaireItem>();
  const items = objects(json.item).map((i) => readItem(i, byLinkId));
  return { url: typeof json.url === 'string' ? json.url : undefined, json, items, byLinkId };
}

/** An extension value of an item, by the extension's url (core first, then SDC). */
export function itemExtension(item: QuestionnaireItem, name: string): { type: string; value: unknown }[] {
  return (
    item.extensions.get(`${CORE_EXT}${name}`) ??
    item.extensions.get(`${SDC}sdc-questionnaire-${name}`) ??
    item.extensions.get(`${CORE_EXT}questionnaire-${name}`) ??
    []
  );
}
