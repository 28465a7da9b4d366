// Replacing a flagged number with a picked person: the quick fix sends the range and the masked number
// only; here the number is read back from the document, checked against the mask, and found again in
// this file or others when the user chose a wider scope. Plain and spaced (DDMMYY IIIKK) forms both.

import type { InsertTestPersonArgs, ReplaceScope } from '../../../shared/protocol';

export type { ReplaceScope };

export interface Position {
  line: number;
  character: number;
}

/** What the server's `nhn.insertTestPerson` fix passes (shared/protocol.ts). */
export type ReplaceRequest = InsertTestPersonArgs;

export function isReplaceRequest(value: unknown): value is ReplaceRequest {
  const v = value as ReplaceRequest | undefined;
  return typeof v?.uri === 'string' && typeof v.masked === 'string' && typeof v.range?.start?.line === 'number';
}

export function offsetAt(text: string, p: Position): number {
  let line = 0;
  let i = 0;
  while (line < p.line) {
    const nl = text.indexOf('\n', i);
    if (nl < 0) return text.length;
    i = nl + 1;
    line++;
  }
  return Math.min(i + p.character, text.length);
}

export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** The 11 digits at `range`, if they are still there and match the mask; otherwise undefined. */
export function numberAt(text: string, range: ReplaceRequest['range'], masked: string): string | undefined {
  const found = text.slice(offsetAt(text, range.start), offsetAt(text, range.end));
  const digits = found.replace(/^(\d{6}) (\d{5})$/, '$1$2');
  if (!/^\d{11}$/.test(digits)) return undefined;
  return masked.startsWith(digits.slice(0, 6)) && masked.endsWith('*****') ? digits : undefined;
}

export interface Occurrence {
  start: number;
  end: number;
  spaced: boolean;
}

/** Every standalone occurrence of `digits` (not inside a longer digit run), plain or spaced. */
export function occurrencesOf(text: string, digits: string): Occurrence[] {
  const out: Occurrence[] = [];
  const re = new RegExp(`(?<!\\d)(?:${digits}|${digits.slice(0, 6)} ${digits.slice(6)})(?!\\d)`, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length, spaced: m[0].length === 12 });
  return out;
}

/** The new number in the old one's form. */
export function replacementFor(occurrence: Occurrence, nin: string): string {
  return occurrence.spaced ? `${nin.slice(0, 6)} ${nin.slice(6)}` : nin;
}

export interface TextReplacement {
  range: { start: Position; end: Position };
  newText: string;
}

/** Edits for one text: the occurrence at `at` only, or every occurrence of the same number. */
export function replacementsIn(text: string, digits: string, nin: string, at?: { start: number; end: number }): TextReplacement[] {
  return occurrencesOf(text, digits)
    .filter((o) => !at || (o.start === at.start && o.end === at.end))
    .map((o) => ({ range: { start: positionAt(text, o.start), end: positionAt(text, o.end) }, newText: replacementFor(o, nin) }));
}
