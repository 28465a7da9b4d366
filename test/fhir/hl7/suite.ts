// HL7's validator test cases (../shared/fixtures/fhir-test-cases, R4 subset): each case's input run
// in-process through the engine with its packages and profile, judged invalid when it reports at least
// one error of a fhir/* or xml/* rule (the fixture README's counting rule), and compared with the
// reference validator's expected error count.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../../../server/src/engine';
import { createHost } from '../../../server/src/host/resolvers';
import { engineFor, options } from '../../helpers/engine';

export const SUITE_DIR = path.resolve(__dirname, '../../../../shared/fixtures/fhir-test-cases');

export interface SuiteCase {
  id: string;
  module: string;
  expectedErrors: number;
  expectedMessages: string[];
  input: string;
  packages?: string[];
  profile?: string;
}

export interface CaseResult {
  case: SuiteCase;
  /** Error-severity findings of fhir/* and xml/* rules. */
  errors: Finding[];
  invalidExpected: boolean;
  invalidFound: boolean;
}

export interface GroupScore {
  invalid: number;
  caught: number;
  valid: number;
  falseErrors: number;
}

export function loadSuite(): SuiteCase[] {
  const manifest = path.join(SUITE_DIR, 'manifest.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { cases: SuiteCase[] }).cases;
}

const host = createHost();

export async function runCase(c: SuiteCase): Promise<CaseResult> {
  const file = path.join(SUITE_DIR, c.input);
  const text = readFileSync(file, 'utf8');
  const languageId = file.endsWith('.json') ? 'json' : 'xml';
  const settings = {
    fhirPackagePaths: (c.packages ?? []).map((p) => path.join(SUITE_DIR, p)),
    fhirProfiles: c.profile ? { [`**/${path.basename(file)}`]: [c.profile] } : undefined,
  };
  const { findings } = await engineFor(host).analyze({ uri: `file://${file}`, languageId, text }, options({ settings }));
  const errors = findings.filter((f) => f.severity === 'error' && /^(fhir|xml)\//.test(f.ruleId));
  return { case: c, errors, invalidExpected: c.expectedErrors > 0, invalidFound: errors.length > 0 };
}

export function score(results: CaseResult[]): { overall: GroupScore; groups: Record<string, GroupScore> } {
  const empty = (): GroupScore => ({ invalid: 0, caught: 0, valid: 0, falseErrors: 0 });
  const overall = empty();
  const groups: Record<string, GroupScore> = {};
  for (const r of results) {
    const g = (groups[r.case.module] ??= empty());
    for (const s of [g, overall]) {
      if (r.invalidExpected) {
        s.invalid++;
        if (r.invalidFound) s.caught++;
      } else {
        s.valid++;
        if (r.invalidFound) s.falseErrors++;
      }
    }
  }
  return { overall, groups };
}

export const recall = (s: GroupScore) => (s.invalid ? s.caught / s.invalid : 1);
export const falseErrorRate = (s: GroupScore) => (s.valid ? s.falseErrors / s.valid : 0);
