// Bundles a robustness driver for a child process with esbuild (the project's bundler), compiling rule
// and data YAML exactly as esbuild.mjs does.

import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compileDataFile } from '../../server/src/build/data-files';

const ROOT = path.resolve(__dirname, '../..');

export async function bundleDriver(entry: string, outfile: string): Promise<string> {
  await esbuild.build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    logLevel: 'warning',
    external: ['vscode'],
    plugins: [
      {
        name: 'nhn-data-yaml',
        setup(build) {
          build.onLoad({ filter: /\.yaml$/ }, (args) => ({
            contents: `module.exports = ${JSON.stringify(compileDataFile(readFileSync(args.path, 'utf8'), path.relative(ROOT, args.path)))};`,
            loader: 'js',
          }));
        },
      },
    ],
  });
  return outfile;
}
