// libxml2's validity messages, classified. libxml2 does not hand out its error codes through the
// WebAssembly API, so the message shape is the code: each pattern below is one error kind, and each
// kind has one range mapper (map.ts) and one human message (messages.ts), the way LemMinX maps per code.

export type IssueKind =
  | 'unexpected-element'
  | 'missing-element'
  | 'unexpected-attribute'
  | 'missing-attribute'
  | 'invalid-value'
  | 'fixed-value'
  | 'unknown-element'
  | 'text-not-allowed'
  | 'element-content-not-allowed'
  | 'invalid';

export interface ClassifiedIssue {
  kind: IssueKind;
  /** The element the message names, `{ns}local` → local and ns. */
  element?: { local: string; ns?: string };
  attribute?: string;
  value?: string;
  /** enumeration, pattern, length, minLength, maxLength, minInclusive, …; `type` for a bad lexical value. */
  facet?: string;
  /** What the facet or type allows: the pattern, the limit, the type name. */
  constraint?: string;
  /** Expected element names (local names) for unexpected/missing elements; the enumeration set. */
  expected?: string[];
  /** The expected elements with their namespaces (for inserting a missing child). */
  expectedElements?: Array<{ local: string; ns?: string }>;
  /** The original libxml2 text, simplified (namespaces dropped). */
  detail: string;
}

const SUBJECT = /^Element '([^']*)'(?:, attribute '([^']*)')?: /;

export function splitQName(q: string): { local: string; ns?: string } {
  const m = /^\{([^}]*)\}(.*)$/.exec(q);
  return m ? { ns: m[1], local: m[2] } : { local: q };
}

/** `{http://…}MsgInfo` → `MsgInfo` everywhere in a message. */
export function simplify(text: string): string {
  return text.replace(/\{[^}\s]*\}(?=[\w-])/g, '');
}

function list(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .split(',')
    .map((s) => simplify(s.trim()))
    .filter(Boolean);
}

function qnames(text: string | undefined): Array<{ local: string; ns?: string }> {
  return (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s && !s.startsWith('##'))
    .map(splitQName);
}

function quoted(set: string): string[] {
  const out: string[] = [];
  for (const m of set.matchAll(/'((?:[^']|'')*)'/g)) out.push(m[1]);
  return out;
}

export function classify(message: string): ClassifiedIssue {
  const text = message.trim();
  const subject = SUBJECT.exec(text);
  const element = subject ? splitQName(subject[1]) : undefined;
  const attribute = subject?.[2] ? splitQName(subject[2]).local : undefined;
  const rest = subject ? text.slice(subject[0].length) : text;
  const base = { element, attribute, detail: simplify(text) };
  let m: RegExpExecArray | null;

  if ((m = /^This element is not expected\.(?: Expected is (?:one of )?\( (.*) \)\.)?/.exec(rest))) {
    return { ...base, kind: 'unexpected-element', expected: list(m[1]), expectedElements: qnames(m[1]) };
  }
  if ((m = /^Missing child element\(s\)\.(?: Expected is (?:one of )?\( (.*) \)\.)?/.exec(rest))) {
    return { ...base, kind: 'missing-element', expected: list(m[1]), expectedElements: qnames(m[1]) };
  }
  if (/^The attribute '[^']*' is not allowed\./.test(rest)) return { ...base, kind: 'unexpected-attribute' };
  if ((m = /^The attribute '([^']*)' is required but missing\./.exec(rest))) return { ...base, kind: 'missing-attribute', attribute: splitQName(m[1]).local };
  if ((m = /^\[facet '(\w+)'\] The value '((?:[^']|'')*)' is not an element of the set \{(.*)\}\./.exec(rest))) {
    return { ...base, kind: 'invalid-value', facet: m[1], value: m[2], expected: quoted(m[3]) };
  }
  if ((m = /^\[facet '(\w+)'\] The value '((?:[^']|'')*)' is not accepted by the pattern '(.*)'\./.exec(rest))) {
    return { ...base, kind: 'invalid-value', facet: m[1], value: m[2], constraint: m[3] };
  }
  if (
    (m =
      /^\[facet '(\w+)'\] The value has a length of '(\d+)'; this (?:differs from|exceeds|underruns) the allowed (?:minimum |maximum )?length of '(\d+)'\./.exec(
        rest,
      ))
  ) {
    return { ...base, kind: 'invalid-value', facet: m[1], value: undefined, constraint: m[3] };
  }
  if ((m = /^\[facet '(\w+)'\] The value '((?:[^']|'')*)' .*?\('?([^')]*)'?\)\./.exec(rest))) {
    return { ...base, kind: 'invalid-value', facet: m[1], value: m[2], constraint: m[3] };
  }
  if ((m = /^\[facet '(\w+)'\] The value '((?:[^']|'')*)'/.exec(rest))) {
    return { ...base, kind: 'invalid-value', facet: m[1], value: m[2] };
  }
  if ((m = /^'((?:[^']|'')*)' is not a valid value of the (?:local )?(?:atomic|list|union) type(?: '([^']*)')?\./.exec(rest))) {
    return { ...base, kind: 'invalid-value', facet: 'type', value: m[1], constraint: m[2] ? simplify(m[2]) : undefined };
  }
  if ((m = /^The (?:actual )?value '((?:[^']|'')*)' does not match the fixed value constraint '((?:[^']|'')*)'\./.exec(rest))) {
    return { ...base, kind: 'fixed-value', value: m[1], constraint: m[2] };
  }
  if (/^No matching global (?:element )?declaration available/.test(rest)) return { ...base, kind: 'unknown-element' };
  if (
    /^Character content other than whitespace is not allowed/.test(rest) ||
    /^Character content is not allowed, because the element was 'nilled'/.test(rest)
  ) {
    return { ...base, kind: 'text-not-allowed' };
  }
  if (/^Element content is not allowed, because the content type is/.test(rest)) return { ...base, kind: 'element-content-not-allowed' };
  // libxml2-wasm cuts a message at 64 000 bytes: a huge bad value (a broken base64 body) loses the words
  // after it. What is left still says which value is wrong, so the message can say why.
  if ((m = /^'((?:[^']|'')*)(?:'.*)?$/s.exec(rest)) && text.length > 60_000) return { ...base, kind: 'invalid-value', facet: 'type', value: m[1] };
  return { ...base, kind: 'invalid' };
}
