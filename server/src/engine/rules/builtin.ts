// The built-in rule base. Each YAML file is validated and compiled to JSON by the build
// (esbuild.mjs) and by vitest (vitest.config.ts), so a broken rule fails the build with its line.

import type { Rule } from './model';
import hosts from '../../../rules/hosts.yaml';
import nin from '../../../rules/nin.yaml';
import fhir from '../../../rules/fhir.yaml';

export const BUILTIN_RULES: readonly Rule[] = [...hosts, ...nin, ...fhir];

export function findRule(id: string, rules: readonly Rule[] = BUILTIN_RULES): Rule | undefined {
  return rules.find((r) => r.id === id);
}
