// One entry for the build and vitest to turn a YAML data file into validated JSON: the namespace
// catalog (schemas/namespaces.yaml) or a rule file (server/rules/*.yaml).

import path from 'node:path';
import { compileRuleFile } from './compile-rules';
import { compileNamespaceCatalog } from './compile-namespaces';

export { compileRuleFile, RuleFileError } from './compile-rules';

export function compileDataFile(text: string, file: string): unknown {
  const normalized = file.split(path.sep).join('/');
  if (/(^|\/)schemas\/namespaces\.yaml$/.test(normalized)) return compileNamespaceCatalog(text, file);
  return compileRuleFile(text, file);
}
