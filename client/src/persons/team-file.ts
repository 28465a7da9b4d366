// The team's own test persons: `.nhn/testpersons.json` or `.yaml` in the workspace (the persons a team
// reserved in SyntPop). Checked against schemas/testpersons.schema.json and against the numbers
// themselves (valid, synthetic, birth date and sex as the number says), each problem with its line.
// A bad entry is reported and skipped; the good ones still load.

import { type Ajv, newAjv, yaml } from '../../../shared/lazy-deps';
import type { ErrorObject } from 'ajv';
import type { Document } from 'yaml';
import { lineOfPointer as lineOf } from '../../../shared/yaml-lines';
import schema from '../../../schemas/testpersons.schema.json';
import { classifyNin, maskNin } from '../../../shared/nin-classify';
import { outgoingText } from '../../../shared/outgoing';
import type { TestPerson } from './model';
import { personText, type Language } from './messages';

/** Where the picker looks, in order; the first that exists wins. */
export const TEAM_FILES = ['.nhn/testpersons.json', '.nhn/testpersons.yaml', '.nhn/testpersons.yml'];

export interface TeamFileResult {
  persons: TestPerson[];
  /** One sentence per problem, with file and line; empty when the file is fine. */
  problems: string[];
}

let validate: ReturnType<Ajv['compile']> | undefined;

function schemaProblem(e: ErrorObject, file: string, line: number, language: Language): string {
  const extra = 'additionalProperty' in e.params ? ` '${String(e.params.additionalProperty)}'` : '';
  const allowed = 'allowedValues' in e.params ? ` (${(e.params.allowedValues as unknown[]).join(', ')})` : '';
  // Never echo a pattern mismatch's value: it may be a full identity number.
  return personText(language, 'team-schema', file, line, e.instancePath || '/', `${e.message ?? ''}${extra}${allowed}`);
}

/**
 * The persons of a team file and its problems. The problems are outgoing text (the output channel, a
 * notice): a key, an alias or a value that holds an identity number is masked, whatever the parser quoted.
 */
export function parseTeamFile(text: string, file: string, language: Language = 'en'): TeamFileResult {
  const result = readTeamFile(text, file, language);
  return { persons: result.persons, problems: result.problems.map(outgoingText) };
}

/** The offset of the first alias whose anchor is missing (0 when there is none). */
function unresolvedAliasAt(doc: Document): number {
  let at = 0;
  yaml().visit(doc, {
    Alias(_, node) {
      if (node.resolve(doc) !== undefined) return undefined;
      at = node.range?.[0] ?? 0;
      return yaml().visit.BREAK;
    },
  });
  return at;
}

function readTeamFile(text: string, file: string, language: Language): TeamFileResult {
  const lines = new (yaml().LineCounter)();
  const doc = yaml().parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
  const code = file.endsWith('.json') ? 'team-json' : 'team-yaml';
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    return { persons: [], problems: [personText(language, code, file, lines.linePos(e.pos[0]).line, e.message.split('\n')[0])] };
  }
  let data: { persons?: unknown[] } | null;
  try {
    data = doc.toJS() as typeof data;
  } catch (err) {
    // An alias without its anchor throws here (not a parse error): a problem of the file, at the alias.
    return {
      persons: [],
      problems: [personText(language, code, file, lines.linePos(unresolvedAliasAt(doc)).line, err instanceof Error ? err.message : String(err))],
    };
  }
  validate ??= newAjv({ allErrors: true, strict: false }).compile(schema);
  const problems: string[] = [];
  const bad = new Set<number>();
  if (!validate(data)) {
    for (const e of validate.errors ?? []) {
      const index = /^\/persons\/(\d+)/.exec(e.instancePath)?.[1];
      if (index === undefined) {
        // The file as a whole is wrong (no `persons` list, unknown top-level key): nothing loads.
        return { persons: [], problems: [schemaProblem(e, file, lineOf(doc.contents, e.instancePath, lines), language)] };
      }
      bad.add(Number(index));
      problems.push(schemaProblem(e, file, lineOf(doc.contents, e.instancePath, lines), language));
    }
  }
  const persons: TestPerson[] = [];
  const seen = new Map<string, number>();
  (data?.persons ?? []).forEach((raw, index) => {
    if (bad.has(index)) return;
    const entry = raw as Omit<TestPerson, 'source'> & { source?: string };
    const line = lineOf(doc.contents, `/persons/${index}`, lines);
    const at = [file, line, index, maskNin(entry.nin)] as const;
    const info = classifyNin(entry.nin);
    if (!info.valid) return void problems.push(personText(language, 'team-not-nin', ...at, personText(language, `problem-${info.problem ?? 'format'}`)));
    if (!info.synthetic) return void problems.push(personText(language, 'team-not-synthetic', ...at));
    if (entry.birthDate && info.birthDate && entry.birthDate !== info.birthDate) {
      return void problems.push(personText(language, 'team-mismatch', ...at, 'birthDate', entry.birthDate, info.birthDate));
    }
    if (entry.sex && info.sex && entry.sex !== info.sex) {
      return void problems.push(personText(language, 'team-mismatch', ...at, 'sex', entry.sex, info.sex));
    }
    if (seen.has(entry.nin)) return void problems.push(personText(language, 'team-duplicate', ...at, seen.get(entry.nin)!));
    seen.set(entry.nin, index);
    persons.push({
      nin: entry.nin,
      name: entry.name,
      sex: entry.sex ?? info.sex,
      birthDate: entry.birthDate ?? info.birthDate,
      children: entry.children,
      registers: entry.registers,
      note: entry.note,
      source: 'team',
    });
  });
  return { persons, problems };
}
