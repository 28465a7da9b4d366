// The bench harness: runs every scenario module in one process, one after the other, prints one table,
// and on a full run (no --quick, no --only) writes bench/RESULTS.md with the machine and the date.

import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { markdownTable, textTable } from './lib/table';
import { versionOf } from './lib/proc';
import type { BenchRow, Scenario } from './lib/types';

const ROOT = path.resolve(__dirname, '../..');

function machine(): string[] {
  const cpus = os.cpus();
  const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  return [
    `- Date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}, commit ${git || 'unknown'}`,
    `- Machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores visible (shared with other work), ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, ${os.type()} ${os.release()}`,
    `- Node ${process.version}; ${versionOf('rg') ?? 'ripgrep not installed'}; ${versionOf('xmllint', ['--version'])?.replace(/^xmllint: /, '') ?? 'xmllint not installed'}`,
  ];
}

export async function main(scenarios: Scenario[]): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const onlyAt = args.indexOf('--only');
  const only = onlyAt >= 0 ? new Set((args[onlyAt + 1] ?? '').split(',')) : undefined;
  const outDir = path.join(ROOT, 'bench', 'out');
  mkdirSync(outDir, { recursive: true });
  const selected = scenarios.filter((s) => !only || only.has(s.name));
  if (only && selected.length !== only.size) {
    process.stderr.write(`bench: unknown scenario in --only; known: ${scenarios.map((s) => s.name).join(', ')}\n`);
    process.exitCode = 2;
    return;
  }

  const started = performance.now();
  const rows: BenchRow[] = [];
  const failures: string[] = [];
  for (const s of selected) {
    const t0 = performance.now();
    process.stderr.write(`bench: ${s.name}${quick ? ' (quick)' : ''}…\n`);
    try {
      const got = await s.run({ quick, root: ROOT, outDir, log: (m) => process.stderr.write(`  ${s.name}: ${m}\n`) });
      for (const r of got) {
        r.scenario ||= s.name;
        if (r.ratio === undefined && r.anchor && r.anchor.stats.median > 0) r.ratio = r.ours.median / r.anchor.stats.median;
        rows.push(r);
      }
    } catch (err) {
      failures.push(`${s.name}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    }
    process.stderr.write(`bench: ${s.name} took ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  }

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(`\n${textTable(rows)}\n\n${rows.length} rows from ${selected.length} scenarios in ${seconds} s${quick ? ' (quick)' : ''}.\n`);
  for (const f of failures) process.stderr.write(`bench: FAILED ${f}\n`);

  if (!quick && !only) {
    const md = [
      '# Benchmark results',
      '',
      'Written by `npm run bench` (full run); every row measured in the same run on the same machine. `ours` is the median',
      'of the measured runs after warm-up; `ratio` is ours ÷ anchor (above 1: ours is slower or bigger). See bench/README.md.',
      '',
      ...machine(),
      `- Whole bench: ${seconds} s`,
      '',
      markdownTable(rows),
      '',
      ...(failures.length ? ['## Failed scenarios', '', ...failures.map((f) => `- ${f.split('\n')[0]}`), ''] : []),
    ].join('\n');
    writeFileSync(path.join(ROOT, 'bench', 'RESULTS.md'), md);
    process.stdout.write('Wrote bench/RESULTS.md\n');
  }
  if (failures.length) process.exitCode = 1;
}
