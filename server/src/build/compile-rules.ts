// Turns a YAML rule file into validated rules, or fails loudly with the file and line of the mistake.
// Used by the build (esbuild.mjs embeds the built-in rules as JSON), by the tests, and at run time
// for rule files a user adds.

import { type Ajv, newAjv, yaml } from '../../../shared/lazy-deps';
import { lineOfPointer } from '../../../shared/yaml-lines';
import { superLinearRisks } from './regex-safety';
import ruleSchema from '../../../schemas/rules.schema.json';
import type { Rule, RuleFile } from '../engine/rules/model';

export class RuleFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly detail: string,
  ) {
    super(`${file}:${line}: ${detail}`);
    this.name = 'RuleFileError';
  }
}

let validator: ReturnType<Ajv['compile']> | undefined;
function validate(data: unknown) {
  validator ??= newAjv({ allErrors: true, strict: true }).compile(ruleSchema);
  return { ok: validator(data) as boolean, errors: validator.errors ?? [] };
}

export function compileRuleFile(text: string, file: string): Rule[] {
  const lines = new (yaml().LineCounter)();
  const doc = yaml().parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    throw new RuleFileError(file, lines.linePos(e.pos[0]).line, `YAML: ${e.message.split('\n')[0]}`);
  }
  const data = doc.toJS() as RuleFile;
  const { ok, errors } = validate(data);
  if (!ok) {
    const e = errors[0];
    const where = e.instancePath || '/';
    const extra = e.params && 'additionalProperty' in e.params ? ` '${String(e.params.additionalProperty)}'` : '';
    const allowed = e.params && 'allowedValues' in e.params ? ` (${(e.params.allowedValues as unknown[]).join(', ')})` : '';
    throw new RuleFileError(file, lineOfPointer(doc.contents, where, lines), `${where} ${e.message}${extra}${allowed}`);
  }
  const seen = new Map<string, number>();
  data.rules.forEach((rule, i) => {
    const line = lineOfPointer(doc.contents, `/rules/${i}`, lines);
    if (seen.has(rule.id)) throw new RuleFileError(file, line, `duplicate rule id '${rule.id}' (first at line ${seen.get(rule.id)})`);
    seen.set(rule.id, line);
    if (!rule.match.regex && !rule.match.xml && !rule.match.catalog && !rule.match.check)
      throw new RuleFileError(file, line, `rule '${rule.id}' needs match.regex, match.xml, match.catalog or match.check`);
    const xmls = rule.match.xml === undefined ? [] : Array.isArray(rule.match.xml) ? rule.match.xml : [rule.match.xml];
    const patterns: [string, string | undefined, string][] = [
      ['match.regex', rule.match.regex, rule.match.flags ?? ''],
      ['match.fileContains', rule.match.fileContains, 'i'],
      ['match.fileLacks', rule.match.fileLacks, 'i'],
      ['match.notFiles', rule.match.notFiles, 'i'],
      ...xmls.flatMap((x) => [
        ['match.xml.value', x.value, ''] as [string, string | undefined, string],
        ['match.xml.namespace', x.namespace, ''] as [string, string | undefined, string],
      ]),
    ];
    for (const [what, src, flags] of patterns) {
      if (src === undefined) continue;
      try {
        new RegExp(src, flags + 'gd');
      } catch (err) {
        throw new RuleFileError(file, line, `rule '${rule.id}': ${what} is not a valid regular expression: ${(err as Error).message}`);
      }
      // Rules run on the server's main thread over whole files: a pattern that can backtrack super-linearly is refused.
      const risks = superLinearRisks(src, flags);
      if (risks.length)
        throw new RuleFileError(
          file,
          line,
          `rule '${rule.id}': ${what} can take super-linear time (${risks.join('; ')}); rewrite it so no two unbounded runs can take the same characters`,
        );
    }
    if (rule.announced && rule.deadline && rule.announced > rule.deadline) {
      throw new RuleFileError(file, line, `rule '${rule.id}': announced ${rule.announced} is after deadline ${rule.deadline}`);
    }
  });
  return data.rules;
}
