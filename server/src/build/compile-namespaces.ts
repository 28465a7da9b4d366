// Validates the namespace catalog (schemas/namespaces.yaml) against its JSON schema and its own
// invariants, failing with the file and line of the mistake. Used by the build and by vitest.

import { type Ajv, newAjv, yaml } from '../../../shared/lazy-deps';
import catalogSchema from '../../../schemas/namespaces.schema.json';
import { RuleFileError } from './compile-rules';
import type { NamespaceEntry } from '../engine/namespaces/model';

let validator: ReturnType<Ajv['compile']> | undefined;

export function compileNamespaceCatalog(text: string, file: string): NamespaceEntry[] {
  const lines = new (yaml().LineCounter)();
  const doc = yaml().parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) throw new RuleFileError(file, lines.linePos(doc.errors[0].pos[0]).line, `YAML: ${doc.errors[0].message.split('\n')[0]}`);
  const data = doc.toJS() as { namespaces: NamespaceEntry[] };
  validator ??= newAjv({ allErrors: true, strict: true }).compile(catalogSchema);
  if (!validator(data)) {
    const e = validator.errors![0];
    throw new RuleFileError(file, 1, `${e.instancePath || '/'} ${e.message}`);
  }
  const lineOf = (uri: string) => lines.linePos(Math.max(0, text.indexOf(`uri: ${uri}`))).line;
  const byUri = new Map<string, NamespaceEntry>();
  for (const entry of data.namespaces) {
    if (byUri.has(entry.uri)) throw new RuleFileError(file, lineOf(entry.uri), `duplicate namespace ${entry.uri}`);
    byUri.set(entry.uri, entry);
  }
  for (const entry of data.namespaces) {
    if (entry.status === 'current' && entry.successor) throw new RuleFileError(file, lineOf(entry.uri), `${entry.uri} is current but names a successor`);
    if (entry.successor && byUri.get(entry.successor)?.status !== 'current') {
      throw new RuleFileError(file, lineOf(entry.uri), `successor of ${entry.uri} must be a current namespace in the catalog: ${entry.successor}`);
    }
  }
  return data.namespaces;
}
