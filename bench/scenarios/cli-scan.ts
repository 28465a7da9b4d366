// Whole-repository scan: nhn-lint over a generated tree of mixed sources against ripgrep searching the same
// patterns (the rules' own regexes, PCRE2) on the same tree, both printing every match. Goal: within 2×.

import path from 'node:path';
import { BUILTIN_RULES, createChecks } from '../../server/src/engine';
import { requiredLiteral } from '../../server/src/engine/text-rules/literal-prefilter';
import { repeat } from '../lib/measure';
import { hasCommand, runProcess, type ProcResult } from '../lib/proc';
import { sourceTree } from '../lib/tree';
import type { BenchRow, Scenario } from '../lib/types';

/** The same patterns for rg: each regex rule's pattern (PCRE2 has the lookbehinds and named groups), plus
 *  identity-number candidates when an identity-number check is part of the engine. */
export function ripgrepPatterns(): string[] {
  // rg joins the -e patterns into one, where two rules' `(?<hit>…)` would clash: each rule's group names get its index.
  const patterns = BUILTIN_RULES.filter((r) => r.match.regex).map(
    (r, i) => `${r.match.flags?.includes('i') ? '(?i)' : ''}${r.match.regex!.replace(/(\(\?<|\\k<)([A-Za-z_]\w*)>/g, `$1$2_${i}>`)}`,
  );
  if (createChecks().some((c) => c.family === 'nin' && c.name !== 'text-rules')) patterns.push('(?<![\\d])\\d{6} ?\\d{5}(?![\\d])');
  return patterns;
}

const scenario: Scenario = {
  name: 'cli-scan',
  description: 'nhn-lint over a generated tree of mixed sources (100 MB; 10 MB with --quick) against rg with the same patterns.',
  async run({ quick, root, outDir, log }) {
    const tree = sourceTree(outDir, quick ? 10 : 100, log);
    const runs = quick ? 3 : 5;
    const mb = tree.bytes / 1048576;
    let oursLast: ProcResult | undefined;
    const rss: number[] = [];
    const ours = await repeat(
      async () => {
        const r = await runProcess(process.execPath, [path.join(root, 'dist/cli.js'), '--format', 'json', '--today', '2026-11-26', tree.dir], {
          cwd: root,
          keepOutput: 1 << 28,
        });
        if (r.status !== 0 && r.status !== 1) throw new Error(`nhn-lint exited ${r.status}: ${r.stderr.slice(0, 1000)}`);
        if (r.rssMB) rss.push(r.rssMB);
        oursLast = r;
        return r.ms;
      },
      { warmup: 1, runs },
    );
    const findings = (JSON.parse(oursLast!.stdout) as { findings: unknown[] }).findings.length;
    const rows: BenchRow[] = [];
    if (!hasCommand('rg')) {
      return [
        {
          scenario: 'cli-scan',
          case: `${mb.toFixed(0)} MB, ${tree.files} files`,
          ours,
          rssMB: Math.max(...rss),
          note: 'rg not installed (apt-get install ripgrep): no anchor',
        },
      ];
    }
    const args = [
      '--no-config',
      '--pcre2',
      '--no-heading',
      '--line-number',
      '--column',
      '--only-matching',
      ...ripgrepPatterns().flatMap((p) => ['-e', p]),
      tree.dir,
    ];
    // The floor: rg searching only the literals our prefilter derives (fixed strings, case-insensitive).
    const literals = [
      ...new Set(BUILTIN_RULES.flatMap((r) => (r.match.regex ? [requiredLiteral(r.match.regex, r.match.flags)] : [])).filter((l): l is string => !!l)),
    ];
    const literalArgs = [
      '--no-config',
      '-F',
      '-i',
      '--no-heading',
      '--line-number',
      '--column',
      '--only-matching',
      ...literals.flatMap((l) => ['-e', l]),
      tree.dir,
    ];
    for (const threads of [undefined, 1, 'literals'] as const) {
      let rgLast: ProcResult | undefined;
      const rg = await repeat(
        async () => {
          const r = await runProcess('rg', threads === 'literals' ? literalArgs : threads ? ['-j', String(threads), ...args] : args, { keepOutput: 1 << 28 });
          if (r.status !== 0 && r.status !== 1) throw new Error(`rg exited ${r.status}: ${r.stderr.slice(0, 1000)}`);
          rgLast = r;
          return r.ms;
        },
        { warmup: 1, runs },
      );
      const matches = rgLast!.stdout.split('\n').filter(Boolean).length;
      rows.push({
        scenario: 'cli-scan',
        case: `${mb.toFixed(0)} MB, ${tree.files} files`,
        ours,
        anchor: {
          name:
            threads === 'literals'
              ? `rg -F -i, the ${literals.length} rule literals only`
              : threads
                ? 'rg -j1 (same patterns)'
                : 'rg (same patterns, all cores)',
          stats: rg,
        },
        goal: threads ? undefined : 2,
        rssMB: Math.max(...rss),
        note: `ours ${(mb / (ours.median / 1000)).toFixed(0)} MB/s, rg ${(mb / (rg.median / 1000)).toFixed(0)} MB/s; ${threads === 'literals' ? `literal hits: rg ${matches} (a floor, not the same answer)` : `findings: ours ${findings}, rg matches ${matches}`}`,
      });
    }
    return rows;
  },
};
export default scenario;
