// server/rules/checks.yaml: the diagnostic ids the engine's own checks emit (XML well-formedness, XSD,
// FHIR, …), each with what it means and how to fix it. Compiled and validated by the build like the rule
// files, so every id the product can emit has a documentation page.

import { newAjv, yaml } from '../../../shared/lazy-deps';
import { lineOfPointer } from '../../../shared/yaml-lines';
import { RuleFileError } from './compile-rules';
import checksSchema from '../../../schemas/checks.schema.json';
import type { LocalText } from '../engine/rules/model';
import type { Severity } from '../engine/core/types';

export interface CheckFamily {
  summary: LocalText;
  source: string;
}

export interface CheckEntry {
  id: string;
  title: LocalText;
  summary?: LocalText;
  fix: LocalText;
  severity: Severity;
  source?: string;
}

export interface ChecksFile {
  families?: Record<string, CheckFamily>;
  checks: CheckEntry[];
}

export function compileChecksFile(text: string, file: string): ChecksFile {
  const lines = new (yaml().LineCounter)();
  const doc = yaml().parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) throw new RuleFileError(file, lines.linePos(doc.errors[0].pos[0]).line, `YAML: ${doc.errors[0].message.split('\n')[0]}`);
  const data = doc.toJS() as ChecksFile;
  const validate = newAjv({ allErrors: true, strict: false }).compile(checksSchema);
  if (!validate(data)) {
    const e = validate.errors![0];
    throw new RuleFileError(file, lineOfPointer(doc.contents, e.instancePath || '/', lines), `${e.instancePath || '/'} ${e.message}`);
  }
  const seen = new Set<string>();
  data.checks.forEach((c, i) => {
    if (seen.has(c.id)) throw new RuleFileError(file, lineOfPointer(doc.contents, `/checks/${i}`, lines), `duplicate id '${c.id}'`);
    seen.add(c.id);
    const family = c.id.includes('/') ? c.id.split('/')[0] : undefined;
    if (!c.summary && !(family && data.families?.[family]))
      throw new RuleFileError(file, lineOfPointer(doc.contents, `/checks/${i}`, lines), `'${c.id}' needs a summary (its family has none)`);
  });
  return data;
}

/** The summary and source of a check, falling back to its family's. */
export function checkStory(file: ChecksFile, entry: CheckEntry): { summary: LocalText; source: string } {
  const family = file.families?.[entry.id.split('/')[0]];
  return { summary: entry.summary ?? family!.summary, source: entry.source ?? family?.source ?? 'https://www.nhn.no/' };
}
