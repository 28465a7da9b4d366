// The results table: plain text for the terminal, Markdown for RESULTS.md. One row per BenchRow.

import { spreadPercent } from './stats';
import type { BenchRow, Stats } from './types';

function num(v: number): string {
  if (!Number.isFinite(v)) return '—';
  return v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2);
}

function value(s: Stats): string {
  return `${num(s.median)} ${s.unit}`;
}

function p95(s: Stats): string {
  return s.n > 1 ? `${num(s.p95)} ${s.unit}` : '';
}

function spread(s: Stats): string {
  return s.n > 1 ? `±${spreadPercent(s).toFixed(0)}%` : '';
}

export const COLUMNS = ['scenario', 'case', 'ours', 'p95', 'spread', 'n', 'anchor', 'anchor value', 'ratio', 'goal', 'peak RSS', 'note'];

export function cells(r: BenchRow): string[] {
  const verdict = r.goal === undefined || r.ratio === undefined ? '' : r.ratio <= r.goal ? `≤${r.goal}× ok` : `≤${r.goal}× MISSED`;
  return [
    r.scenario,
    r.case,
    value(r.ours),
    p95(r.ours),
    spread(r.ours),
    String(r.ours.n),
    r.anchor?.name ?? '',
    r.anchor ? `${value(r.anchor.stats)}${r.anchor.stats.n > 1 ? ` (p95 ${num(r.anchor.stats.p95)})` : ''}` : '',
    r.ratio === undefined ? '' : `${num(r.ratio)}×`,
    verdict,
    r.rssMB === undefined ? '' : `${r.rssMB.toFixed(0)} MB`,
    r.note ?? '',
  ];
}

export function textTable(rows: BenchRow[]): string {
  const body = [COLUMNS, ...rows.map(cells)];
  const widths = COLUMNS.map((_, i) => Math.max(...body.map((r) => r[i].length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(body[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...body.slice(1).map(line)].join('\n');
}

export function markdownTable(rows: BenchRow[]): string {
  const esc = (c: string) => c.replace(/\|/g, '\\|');
  return [`| ${COLUMNS.join(' | ')} |`, `|${COLUMNS.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${cells(r).map(esc).join(' | ')} |`)].join('\n');
}
