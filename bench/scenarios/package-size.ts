// The .vsix a user downloads: packaged with vsce from the production bundles the bench runs on.

import { statSync } from 'node:fs';
import path from 'node:path';
import { runProcess } from '../lib/proc';
import { single } from '../lib/stats';
import type { Scenario } from '../lib/types';

const scenario: Scenario = {
  name: 'package-size',
  description: 'Size of the .vsix (vsce package of the production bundles) and of the server bundle.',
  async run({ root, outDir }) {
    const vsix = path.join(outDir, 'nhn-integrator.vsix');
    const vsce = path.join(root, 'node_modules/.bin/vsce');
    const r = await runProcess(vsce, ['package', '--no-dependencies', '--no-rewrite-relative-links', '--skip-license', '-o', vsix], {
      cwd: root,
      timeoutMs: 120000,
    });
    if (r.status !== 0) throw new Error(`vsce package failed: ${r.stderr.slice(0, 1000)}${r.stdout.slice(-1000)}`);
    const files = /\((\d+) files/.exec(r.stdout)?.[1];
    return [
      { scenario: 'package-size', case: '.vsix', ours: single(statSync(vsix).size / 1024, 'KB'), note: `${files ?? '?'} files` },
      {
        scenario: 'package-size',
        case: 'dist/server.js',
        ours: single(statSync(path.join(root, 'dist/server.js')).size / 1024, 'KB'),
        note: 'production bundle, minified',
      },
    ];
  },
};
export default scenario;
