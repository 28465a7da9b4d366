// Which schema files each document was last checked against, so a host can re-validate exactly the
// documents an edited schema affects. Bounded: the least recently checked documents are forgotten.

const MAX_DOCUMENTS = 256;

export class SchemaUsage {
  private readonly used = new Map<string, Set<string>>();

  /** `uri` was just validated (or compiled, for a schema file) against these schema files. */
  record(uri: string, paths: Iterable<string>): void {
    this.used.delete(uri);
    this.used.set(uri, new Set(paths));
    if (this.used.size > MAX_DOCUMENTS) this.used.delete(this.used.keys().next().value!);
  }

  /** The documents whose last check used schema file `path`. */
  documentsUsing(path: string): string[] {
    return [...this.used].filter(([, paths]) => paths.has(path)).map(([uri]) => uri);
  }

  forget(uri: string): void {
    this.used.delete(uri);
  }

  clear(): void {
    this.used.clear();
  }
}
