// Helsenorge's 12-month rule as data (server/rules/helsenorge-api-versions.yaml): "a new API version must
// be adopted within 12 months; the previous one is supported at most 12 months". Each row names an API
// version, how it is written in code and the date its successor was published; this turns it into an
// ordinary rule whose deadline is that date plus the support period, so the severity follows the date
// (warning before, error after, information while the row is UNVERIFIED) like every other dated rule.

import { type Ajv, newAjv, yaml } from '../../../shared/lazy-deps';
import tableSchema from '../../../schemas/api-versions.schema.json';
import { compileRuleFile, RuleFileError } from './compile-rules';
import type { Rule } from '../engine/rules/model';

export interface ApiVersionRow {
  id: string;
  api: string;
  version: string;
  regex: string;
  flags?: string;
  successor: string;
  successorPublished: string;
  source: string;
  confidence: 'verified' | 'unverified';
  note?: string;
}

export interface ApiVersionTable {
  source: string;
  supportMonths: number;
  versions: ApiVersionRow[];
}

let validator: ReturnType<Ajv['compile']> | undefined;

/** `date` plus whole months, clamped to the month's last day (2024-01-31 + 1 → 2024-02-29). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

function toRule(row: ApiVersionRow, table: ApiVersionTable): Rule {
  const months = table.supportMonths;
  return {
    id: row.id,
    title: { en: `Helsenorge ${row.api} ${row.version}`, nb: `Helsenorge ${row.api} ${row.version}` },
    match: { regex: row.regex, ...(row.flags ? { flags: row.flags } : {}) },
    message: {
      en: `${row.api} ${row.version} has a successor, ${row.successor}, published on ${row.successorPublished}: Helsenorge supports the previous version for at most ${months} months after a new one is published, and new integrations must use the latest.`,
      nb: `${row.api} ${row.version} har en etterfølger, ${row.successor}, publisert ${row.successorPublished.split('-').reverse().join('.')}: Helsenorge støtter forrige versjon i inntil ${months} måneder etter at en ny er publisert, og nye integrasjoner skal bruke den siste.`,
    },
    replacement: { text: { en: `Move to ${row.successor}.`, nb: `Gå over til ${row.successor}.` } },
    announced: row.successorPublished,
    deadline: addMonths(row.successorPublished, months),
    source: row.source,
    confidence: row.confidence,
    note: `${months}-month rule: ${table.source}${row.note ? `. ${row.note}` : ''}`,
  };
}

/** Validates the table, expands each row into a rule and checks the rules as any rule file is checked. */
export function compileApiVersionTable(text: string, file: string): Rule[] {
  const lines = new (yaml().LineCounter)();
  const doc = yaml().parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) throw new RuleFileError(file, lines.linePos(doc.errors[0].pos[0]).line, `YAML: ${doc.errors[0].message.split('\n')[0]}`);
  const table = doc.toJS() as ApiVersionTable;
  validator ??= newAjv({ allErrors: true, strict: true }).compile(tableSchema);
  if (!validator(table)) {
    const e = validator.errors![0];
    throw new RuleFileError(file, 1, `${e.instancePath || '/'} ${e.message}`);
  }
  const rules = table.versions.map((row) => toRule(row, table));
  // The generated rules pass the same schema and checks as a hand-written rule file.
  return compileRuleFile(JSON.stringify({ rules }), file);
}
