// Server cold start: spawn dist/server.js over stdio, initialize, open a small file with one finding, and
// stop the clock when its first diagnostics arrive. Anchor: a do-nothing server on the same framework.

import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startClient } from '../lib/lsp';
import { summarize } from '../lib/stats';
import type { Scenario } from '../lib/types';

const SMALL = 'lab.url=https://test.nilar.nhn.no/api\nrf.url=https://rf.test2-int.reseptformidleren.net\n';

async function coldStart(script: string, expectFindings: boolean): Promise<{ ms: number; rssMB?: number }> {
  const t0 = performance.now();
  const client = await startClient(script);
  const uri = 'file:///bench/small.properties';
  const first = client.published(uri, 1);
  client.open(uri, 'properties', SMALL);
  const { params, at } = await first;
  if (expectFindings && params.diagnostics.length === 0) throw new Error('the server published no findings for a file that has two');
  const rssMB = client.peakRssMB();
  await client.shutdown();
  return { ms: at - t0, rssMB };
}

const scenario: Scenario = {
  name: 'server-startup',
  description: 'Spawn the server (stdio), initialize, open a small file: time to its first diagnostics.',
  async run({ quick, root }) {
    const runs = quick ? 3 : 10;
    const ours: number[] = [];
    const anchor: number[] = [];
    const rss: number[] = [];
    const server = path.join(root, 'dist/server.js');
    const nullServer = path.join(root, 'bench/out/anchors/null-server.cjs');
    await coldStart(server, true); // warm-up: the file cache, not the process
    await coldStart(nullServer, false);
    for (let i = 0; i < runs; i++) {
      const o = await coldStart(server, true);
      ours.push(o.ms);
      if (o.rssMB) rss.push(o.rssMB);
      anchor.push((await coldStart(nullServer, false)).ms);
    }
    return [
      {
        scenario: 'server-startup',
        case: 'spawn → first diagnostics',
        ours: summarize(ours),
        anchor: { name: 'empty LSP server (same framework)', stats: summarize(anchor) },
        rssMB: rss.length ? Math.max(...rss) : undefined,
        note: 'includes Node start-up and loading the bundle',
      },
    ];
  },
};
export default scenario;
