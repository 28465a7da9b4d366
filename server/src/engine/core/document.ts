// Offset ↔ position for a document's text, and each parsed form of it, computed once per analyzed document.

import type { AnalyzedDocument, DocumentForm, EngineDocument, Position, Range } from './types';

/**
 * The offset of each line's start. Counted first, then filled in a typed array: no array grown by push
 * (a 100 000-line text allocated and copied it over and over). Text without '\r' is searched with indexOf.
 */
export function lineStarts(text: string): Uint32Array {
  if (text.indexOf('\r') < 0) {
    let n = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
    const starts = new Uint32Array(n);
    let k = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts[k++] = i + 1;
    return starts;
  }
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return Uint32Array.from(starts);
}

/** `earlier`: what the analyses of the document's previous version kept (see `AnalyzedDocument.recall`). */
export function analyzed(doc: EngineDocument, earlier?: ReadonlyMap<string, unknown>): AnalyzedDocument {
  let starts: Uint32Array | undefined;
  const lines = () => (starts ??= lineStarts(doc.text));
  const positionAt = (offset: number): Position => {
    const s = lines();
    offset = Math.max(0, Math.min(offset, doc.text.length));
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - s[lo] };
  };
  const offsetAt = (p: Position): number => {
    const s = lines();
    if (p.line >= s.length) return doc.text.length;
    return Math.min(s[Math.max(0, p.line)] + p.character, p.line + 1 < s.length ? s[p.line + 1] : doc.text.length);
  };
  const rangeOf = (start: number, end: number): Range => ({ start: positionAt(start), end: positionAt(end) });
  // The parses of this text by form (XML, FHIR JSON): owned by this object, gone with it.
  const forms = new Map<DocumentForm<unknown>, unknown>();
  const parsed = <T>(form: DocumentForm<T>): T => {
    if (!forms.has(form)) forms.set(form, form.parse(self));
    return forms.get(form) as T;
  };
  // A copy: what this version keeps replaces the previous version's value (a Bundle's previous tree is let go).
  const carried = new Map<string, unknown>(earlier);
  const recall = (key: string): unknown => carried.get(key);
  const keep = (key: string, value: unknown): void => {
    carried.set(key, value);
  };
  const kept = (): ReadonlyMap<string, unknown> => carried;
  const self: AnalyzedDocument = { ...doc, positionAt, offsetAt, rangeOf, parsed, recall, keep, kept };
  return self;
}
