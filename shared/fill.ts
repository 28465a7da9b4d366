// Fills the placeholders of a localized template: `{0}` from a list, `{name}` from a record.
// A missing value becomes ''. Shared by every message table (engine and extension). A value longer
// than a sentence (a base64 body, a whole text node) is cut to its head … tail: a message quotes it,
// it does not reprint it.

import { boundValue } from './outgoing';

const POSITIONAL = /\{(\d+)\}/g;
const NAMED = /\{(\w+)\}/g;

export function fill(template: string, values: readonly unknown[] | Readonly<Record<string, unknown>>): string {
  const read = values as Readonly<Record<string, unknown>>;
  return template.replace(Array.isArray(values) ? POSITIONAL : NAMED, (_, key: string) => boundValue(String(read[key] ?? '')));
}
