// One entry for the build and vitest to turn a YAML data file into validated JSON: the namespace
// catalog (schemas/namespaces.yaml), the check ids (server/rules/checks.yaml), the KITH data
// (server/data/kith/*.yaml), the Helsenorge API version table (server/rules/helsenorge-api-versions.yaml)
// or a rule file (server/rules/*.yaml).

import path from 'node:path';
import { compileRuleFile } from './compile-rules';
import { compileNamespaceCatalog } from './compile-namespaces';
import { compileChecksFile } from './compile-checks';
import { compileCodeLists, compileElementData } from './compile-kith';
import { compileApiVersionTable } from './compile-api-versions';

export { compileRuleFile, RuleFileError } from './compile-rules';

export function compileDataFile(text: string, file: string): unknown {
  const normalized = file.split(path.sep).join('/');
  if (/(^|\/)schemas\/namespaces\.yaml$/.test(normalized)) return compileNamespaceCatalog(text, file);
  if (/(^|\/)server\/rules\/checks\.yaml$/.test(normalized)) return compileChecksFile(text, file);
  if (/(^|\/)data\/kith\/codelists\.yaml$/.test(normalized)) return compileCodeLists(text, file);
  if (/(^|\/)data\/kith\/elements\.yaml$/.test(normalized)) return compileElementData(text, file);
  if (/(^|\/)server\/rules\/helsenorge-api-versions\.yaml$/.test(normalized)) return compileApiVersionTable(text, file);
  return compileRuleFile(text, file);
}
