// Validates the KITH data files (server/data/kith/codelists.yaml, elements.yaml) against their JSON
// schemas and their own invariants, failing with the file and line of the mistake. Used by the build
// (esbuild.mjs) and by vitest through data-files.ts, like the rule files.

import { type Ajv, newAjv, yaml } from '../../../shared/lazy-deps';
import { lineOfPointer } from '../../../shared/yaml-lines';
import { RuleFileError } from './compile-rules';
import listSchema from '../../../schemas/kith-codelists.schema.json';
import elementSchema from '../../../schemas/kith-elements.schema.json';
import type { CodeListEntry, ElementExpectation, KithElementData, MessageKind } from '../engine/kith/model';

type Validator = ReturnType<Ajv['compile']>;
const validators = new Map<object, Validator>();

function load(text: string, file: string, schema: object): { data: unknown; where: (pointer: string) => number } {
  const lines = new (yaml().LineCounter)();
  const doc = yaml().parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) throw new RuleFileError(file, lines.linePos(doc.errors[0].pos[0]).line, `YAML: ${doc.errors[0].message.split('\n')[0]}`);
  const data = doc.toJS();
  let validate = validators.get(schema);
  if (!validate) validators.set(schema, (validate = newAjv({ allErrors: true, strict: true }).compile(schema)));
  const where = (pointer: string) => lineOfPointer(doc.contents, pointer, lines);
  if (!validate(data)) {
    const e = validate.errors![0];
    const extra = e.params && 'additionalProperty' in e.params ? ` '${String(e.params.additionalProperty)}'` : '';
    throw new RuleFileError(file, where(e.instancePath || '/'), `${e.instancePath || '/'} ${e.message}${extra}`);
  }
  return { data, where };
}

export function compileCodeLists(text: string, file: string): CodeListEntry[] {
  const { data, where } = load(text, file, listSchema);
  const lists = (data as { lists: CodeListEntry[] }).lists;
  const seen = new Set<string>();
  lists.forEach((list, i) => {
    if (seen.has(list.oid)) throw new RuleFileError(file, where(`/lists/${i}`), `duplicate list ${list.oid}`);
    seen.add(list.oid);
    const codes = new Set<string>();
    list.codes.forEach((c, j) => {
      if (codes.has(c.code)) throw new RuleFileError(file, where(`/lists/${i}/codes/${j}`), `duplicate code '${c.code}' in ${list.oid}`);
      codes.add(c.code);
    });
  });
  return lists;
}

interface ElementFile {
  namespaces: Record<string, string>;
  elements: (Omit<ElementExpectation, 'namespaces' | 'path'> & { in: string[]; path: string; note?: string })[];
  messages: (Omit<MessageKind, 'namespace'> & { in: string })[];
}

export function compileElementData(text: string, file: string): KithElementData {
  const { data, where } = load(text, file, elementSchema);
  const f = data as ElementFile;
  const uri = (name: string, pointer: string) => {
    const u = f.namespaces[name];
    if (!u) throw new RuleFileError(file, where(pointer), `unknown namespace name '${name}' (declare it under namespaces)`);
    return u;
  };
  const elements = f.elements.map((e, i) => ({
    namespaces: e.in.map((n) => uri(n, `/elements/${i}/in`)),
    path: e.path.split('/'),
    type: e.type,
    lists: e.lists,
    display: e.display,
  }));
  const messages = f.messages.map((m, i) => {
    if (m.types !== undefined) {
      try {
        new RegExp(m.types);
      } catch (err) {
        throw new RuleFileError(file, where(`/messages/${i}/types`), `not a valid regular expression: ${(err as Error).message}`);
      }
    }
    const { in: name, ...rest } = m;
    return { namespace: uri(name, `/messages/${i}/in`), ...rest };
  });
  return { elements, messages };
}
