// The built-in rule base. Each YAML file is validated and compiled to JSON by the build
// (esbuild.mjs) and by vitest (vitest.config.ts), so a broken rule fails the build with its line.

import type { Rule } from './model';
import hosts from '../../../rules/hosts.yaml';
import nin from '../../../rules/nin.yaml';
import fhir from '../../../rules/fhir.yaml';
import api from '../../../rules/api.yaml';
import messageTypes from '../../../rules/message-types.yaml';
import namespaces from '../../../rules/namespaces.yaml';
import kith from '../../../rules/kith.yaml';
import helsenorgeApiVersions from '../../../rules/helsenorge-api-versions.yaml';

export const BUILTIN_RULES: readonly Rule[] = [...hosts, ...api, ...helsenorgeApiVersions, ...messageTypes, ...namespaces, ...nin, ...fhir, ...kith];

export function findRule(id: string, rules: readonly Rule[] = BUILTIN_RULES): Rule | undefined {
  return rules.find((r) => r.id === id);
}
