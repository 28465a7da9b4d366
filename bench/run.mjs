// `npm run bench [-- --quick] [-- --only NAME[,NAME]]`: bundles the harness, every bench/scenarios/*.ts
// and the anchor servers with esbuild (the project's one bundler), then runs the harness.
// dist/ must be built first (the npm script does that).

import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const out = path.join(here, 'out');
const require = createRequire(import.meta.url);

// Same rule-file handling as esbuild.mjs, through the compiler bundle it leaves in dist/.build.
const compiler = require(path.join(root, 'dist/.build/compile-rules.cjs'));
const compileDataFile = compiler.compileDataFile ?? compiler.compileRuleFile;
const rulesYamlPlugin = {
  name: 'nhn-rules-yaml',
  setup(build) {
    build.onLoad({ filter: /\.yaml$/ }, (args) => ({
      contents: `module.exports = ${JSON.stringify(compileDataFile(readFileSync(args.path, 'utf8'), path.relative(root, args.path)))};`,
      loader: 'js',
    }));
  },
};

const scenarios = readdirSync(path.join(here, 'scenarios'))
  .filter((f) => f.endsWith('.ts'))
  .sort();
const entry = [
  `import { main } from './main';`,
  ...scenarios.map((f, i) => `import s${i} from './scenarios/${f.slice(0, -3)}';`),
  `main([${scenarios.map((_, i) => `s${i}`).join(', ')}]);`,
].join('\n');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  logLevel: 'warning',
  plugins: [rulesYamlPlugin],
  external: ['vscode'],
};
const anchors = readdirSync(path.join(here, 'anchors')).filter((f) => f.endsWith('.ts'));
await Promise.all([
  esbuild.build({ ...common, stdin: { contents: entry, resolveDir: here, sourcefile: 'bench-entry.ts', loader: 'ts' }, outfile: path.join(out, 'bench.cjs') }),
  ...anchors.map((f) =>
    esbuild.build({ ...common, entryPoints: [path.join(here, 'anchors', f)], outfile: path.join(out, 'anchors', f.replace(/\.ts$/, '.cjs')) }),
  ),
]);

const r = spawnSync(process.execPath, ['--enable-source-maps', path.join(out, 'bench.cjs'), ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
process.exitCode = r.status ?? 1;
