// Which schema files each document was last checked against, so a host can re-validate exactly the
// documents an edited schema affects. Bounded: the least recently checked documents are forgotten.

const MAX_DOCUMENTS = 256;
const used = new Map<string, Set<string>>();

/** `uri` was just validated (or compiled, for a schema file) against these schema files. */
export function recordSchemaUse(uri: string, paths: Iterable<string>): void {
  used.delete(uri);
  used.set(uri, new Set(paths));
  if (used.size > MAX_DOCUMENTS) used.delete(used.keys().next().value!);
}

/** The documents whose last check used schema file `path`. */
export function documentsUsingSchema(path: string): string[] {
  return [...used].filter(([, paths]) => paths.has(path)).map(([uri]) => uri);
}

export function forgetSchemaUse(uri: string): void {
  used.delete(uri);
}
