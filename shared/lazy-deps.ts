// yaml and ajv are needed only when a configuration, rule, code-list or team file is read, not at every
// start of the CLI, the server and the extension: they are required on first use (esbuild builds them
// as dist/vendor/*.js, so that their code is not even read before).

import type AjvClass from 'ajv';
import type * as YamlModule from 'yaml';

export type Ajv = AjvClass;

export function yaml(): typeof YamlModule {
  return require('yaml');
}

export function newAjv(options: ConstructorParameters<typeof AjvClass>[0]): AjvClass {
  const mod = require('ajv') as { default?: typeof AjvClass } & typeof AjvClass;
  return new (mod.default ?? mod)(options);
}
