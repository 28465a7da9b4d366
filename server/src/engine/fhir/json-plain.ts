// A strict scanner for plain JSON (RFC 8259: no comments, no trailing commas), reporting through the
// callbacks of jsonc-parser's `visit` with the same offsets and lengths, without its per-token closures,
// path copies and line tracking: about a third of jsonc-parser's time on a 2 000-entry Bundle. It gives
// up (throws NOT_PLAIN_JSON) at the first thing that is not plain JSON; the caller then runs jsonc-parser,
// so broken text keeps one behaviour: jsonc-parser's recovery and messages. No recursion (any depth).

/** The callbacks the FHIR tree builder uses (a subset of jsonc-parser's JSONVisitor). */
export interface PlainJsonEvents {
  onObjectBegin?(offset: number): void;
  onObjectProperty?(property: string, offset: number, length: number): void;
  onObjectEnd?(offset: number, length: number): void;
  onArrayBegin?(offset: number): void;
  onArrayEnd?(offset: number, length: number): void;
  onLiteralValue?(value: unknown, offset: number, length: number): void;
}

/** Thrown when the text is not plain JSON: parse it again with jsonc-parser. */
export const NOT_PLAIN_JSON = new Error('not plain JSON');

const OBJECT = 0;
const ARRAY = 1;

export function visitPlainJson(text: string, events: PlainJsonEvents): void {
  // Made per call, not at module level: sticky expressions carry lastIndex.
  const plainRun = /[^"\\\u0000-\u001f]*/y;
  const escapedString = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
  const number = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
  const n = text.length;
  const open: number[] = [];
  let i = 0;
  let str = '';

  const skipWs = () => {
    for (let c = text.charCodeAt(i); c === 32 || c === 10 || c === 13 || c === 9; c = text.charCodeAt(++i));
  };
  /** The string token at `i` (a quote): its decoded value in `str`, `i` after it. */
  const readString = () => {
    plainRun.lastIndex = i + 1;
    plainRun.test(text);
    const end = plainRun.lastIndex;
    const c = text.charCodeAt(end);
    if (c === 34 /* " */) {
      str = text.slice(i + 1, end);
      i = end + 1;
      return;
    }
    if (c !== 92 /* \ */) throw NOT_PLAIN_JSON;
    escapedString.lastIndex = i;
    if (!escapedString.test(text)) throw NOT_PLAIN_JSON;
    str = JSON.parse(text.slice(i, escapedString.lastIndex)) as string;
    i = escapedString.lastIndex;
  };
  /** A property name and its colon; `i` then at the value. */
  const readKey = () => {
    skipWs();
    if (text.charCodeAt(i) !== 34) throw NOT_PLAIN_JSON;
    const start = i;
    readString();
    events.onObjectProperty?.(str, start, i - start);
    skipWs();
    if (text.charCodeAt(i) !== 58 /* : */) throw NOT_PLAIN_JSON;
    i++;
  };
  const literal = (word: string, value: boolean | null) => {
    if (!text.startsWith(word, i)) throw NOT_PLAIN_JSON;
    events.onLiteralValue?.(value, i, word.length);
    i += word.length;
  };

  skipWs();
  if (text.charCodeAt(i) !== 123 /* { */) throw NOT_PLAIN_JSON;
  for (;;) {
    // At a value.
    skipWs();
    const c = text.charCodeAt(i);
    let opened = false;
    if (c === 123 /* { */) {
      events.onObjectBegin?.(i);
      i++;
      skipWs();
      if (text.charCodeAt(i) === 125 /* } */) {
        events.onObjectEnd?.(i, 1);
        i++;
      } else {
        open.push(OBJECT);
        readKey();
        opened = true;
      }
    } else if (c === 91 /* [ */) {
      events.onArrayBegin?.(i);
      i++;
      skipWs();
      if (text.charCodeAt(i) === 93 /* ] */) {
        events.onArrayEnd?.(i, 1);
        i++;
      } else {
        open.push(ARRAY);
        opened = true;
      }
    } else if (c === 34 /* " */) {
      const start = i;
      readString();
      events.onLiteralValue?.(str, start, i - start);
    } else if (c === 116 /* t */) literal('true', true);
    else if (c === 102 /* f */) literal('false', false);
    else if (c === 110 /* n */) literal('null', null);
    else {
      number.lastIndex = i;
      if (!number.test(text)) throw NOT_PLAIN_JSON;
      const end = number.lastIndex;
      events.onLiteralValue?.(Number(text.slice(i, end)), i, end - i);
      i = end;
    }
    if (opened) continue;
    // After a value: a comma, or the end of one or more containers.
    for (;;) {
      skipWs();
      if (!open.length) {
        if (i !== n) throw NOT_PLAIN_JSON;
        return;
      }
      const top = open[open.length - 1];
      const d = text.charCodeAt(i);
      if (d === 44 /* , */) {
        i++;
        if (top === OBJECT) readKey();
        break;
      }
      if (d === (top === OBJECT ? 125 : 93)) {
        if (top === OBJECT) events.onObjectEnd?.(i, 1);
        else events.onArrayEnd?.(i, 1);
        i++;
        open.pop();
        continue;
      }
      throw NOT_PLAIN_JSON;
    }
  }
}
