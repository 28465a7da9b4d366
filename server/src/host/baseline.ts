// Baselines for legacy code (the CLI's --baseline and the editor's baselined findings): today's findings recorded once, later runs report only new ones.
// A finding is known by its rule, the text it flags (identity numbers masked first) and which
// occurrence of that pair it is in its file: unrelated edits and moved lines keep the fingerprint,
// and no fingerprint or entry holds a full identity number (a hash of one could be reversed by trying
// every valid number, so the number is masked before hashing).

import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { readTextFile } from '../../../shared/read-file';
import path from 'node:path';
import { classifyNin, maskNin, type Finding } from '../engine';

export type BaselineState = 'new' | 'unchanged';

export interface BaselineEntry {
  /** `/`-separated, relative to the baseline file's folder. */
  file: string;
  rule: string;
  fingerprint: string;
  /** Where it was when recorded (1-based): for people reading the report, not for matching. */
  line: number;
}

export interface BaselineFile {
  version: 1;
  tool: 'nhn-lint';
  entries: BaselineEntry[];
}

export class BaselineError extends Error {}

/** Every valid identity number in `text`, masked as birth date + `*****` (11 digits, or 6 + space + 5). */
export function maskNumbers(text: string): string {
  return text.replace(/(?<!\d)(\d{6}) ?(\d{5})(?!\d)/g, (all, a: string, b: string) => (classifyNin(a + b).valid ? maskNin(a + b) : all));
}

function offsetOf(lineStarts: number[], p: Finding['range']['start']): number {
  return (lineStarts[p.line] ?? lineStarts[lineStarts.length - 1]) + p.character;
}

/** A fingerprint per finding, in the order given. */
export function fingerprintsOf(text: string, findings: readonly Finding[]): string[] {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const seen = new Map<string, number>();
  return findings.map((f) => {
    let flagged = text.slice(offsetOf(lineStarts, f.range.start), offsetOf(lineStarts, f.range.end));
    if (!flagged.trim()) {
      // A zero-width finding (a missing element) is known by its line's text.
      const line = f.range.start.line;
      flagged = text.slice(lineStarts[line] ?? 0, (lineStarts[line + 1] ?? text.length + 1) - 1);
    }
    const normal = maskNumbers(flagged.replace(/\s+/g, ' ').trim()).slice(0, 500);
    const key = `${f.ruleId}\u0000${normal}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return createHash('sha256').update(`${key}\u0000${n}`).digest('hex').slice(0, 32);
  });
}

export function baselinePath(baselineFile: string, file: string): string {
  return path
    .relative(path.dirname(path.resolve(baselineFile)), path.resolve(file))
    .split(path.sep)
    .join('/');
}

export async function writeBaseline(baselineFile: string, entries: BaselineEntry[]): Promise<void> {
  const sorted = [...entries].sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
  const body: BaselineFile = { version: 1, tool: 'nhn-lint', entries: sorted };
  await writeFile(baselineFile, JSON.stringify(body, null, 1) + '\n');
}

export async function readBaseline(baselineFile: string): Promise<BaselineEntry[]> {
  let text: string;
  try {
    text = await readTextFile(baselineFile); // a regular file only, bounded
  } catch (err) {
    throw new BaselineError(
      `--baseline ${baselineFile}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file (write one with --baseline-write)' : (err as Error).message.slice(baselineFile.length + 2)}`,
    );
  }
  let data: Partial<BaselineFile>;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new BaselineError(`--baseline ${baselineFile}: not JSON (${(err as Error).message})`);
  }
  const ok = (e: unknown): e is BaselineEntry =>
    !!e &&
    typeof (e as BaselineEntry).file === 'string' &&
    typeof (e as BaselineEntry).rule === 'string' &&
    typeof (e as BaselineEntry).fingerprint === 'string';
  if (data.version !== 1 || !Array.isArray(data.entries) || !data.entries.every(ok)) {
    throw new BaselineError(`--baseline ${baselineFile}: not an nhn-lint baseline (version 1 with entries of file, rule, fingerprint)`);
  }
  return data.entries;
}

/** Matches current findings against a baseline; what is left of the baseline is gone (fixed or deleted). */
export class BaselineMatcher {
  private readonly remaining = new Map<string, BaselineEntry[]>();

  constructor(entries: BaselineEntry[]) {
    for (const e of entries) {
      const key = `${e.file}\u0000${e.fingerprint}`;
      const list = this.remaining.get(key);
      if (list) list.push(e);
      else this.remaining.set(key, [e]);
    }
  }

  /** `unchanged` consumes the entry, so one entry matches one finding. */
  state(file: string, fingerprint: string): BaselineState {
    const key = `${file}\u0000${fingerprint}`;
    const list = this.remaining.get(key);
    if (!list?.length) return 'new';
    list.pop();
    if (!list.length) this.remaining.delete(key);
    return 'unchanged';
  }

  /** Entries of files never looked at (not walked this run) are not gone: only those of `checked` files. */
  gone(checked: (file: string) => boolean): BaselineEntry[] {
    return [...this.remaining.values()].flat().filter((e) => checked(e.file));
  }
}
