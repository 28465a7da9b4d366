// Text-document sync under hostile edits, through the real server (dist/server.js over stdio).
//
// 10 000 random incremental changes — ranges inside the text, past its end (by one or by 2^40), and
// invalid ones (negative, fractional, null, strings, missing fields, no text) — in notifications of
// one to three changes. A reference model written here applies each valid change with LSP's clamping
// (a character past the line end means the line end, a line past the last one the document end) and
// skips the invalid ones; the server's text (as `nhn/documentDigest`, a SHA-256) must equal the
// model's at every checkpoint, and afterwards the server answers a hover within 1 s.
//
// Before the fix, the two changes of the first test (a range far past the end, then a negative
// character) left the server without an answer for over 60 s while its RSS grew 180 MB → 1 GB.

import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HoverRequest } from 'vscode-languageserver-protocol';
import { startServer, type LspSession } from '../helpers/lsp';
import { random, type Random } from '../helpers/random';

const SEED = Number(process.env.NHN_FUZZ_SEED ?? 20261206);
const EDITS = 10_000;
const CHECK_EVERY = 500;
const HOVER_BOUND_MS = 1_000;

type Json = unknown;
interface Change {
  range?: { start: Json; end: Json };
  text?: Json;
}

/** LSP `uinteger` as the server reads it: a non-negative integer (any size; past the end is clamped). */
const isCount = (n: Json) => typeof n === 'number' && Number.isInteger(n) && n >= 0;
const isPosition = (p: Json): p is { line: number; character: number } =>
  typeof p === 'object' && p !== null && isCount((p as { line: Json }).line) && isCount((p as { character: Json }).character);

/** The text a client holds, edited the way LSP defines it; written apart from the library the server uses. */
class Model {
  constructor(public text: string) {}

  private lineStarts(): Array<{ start: number; end: number }> {
    const lines: Array<{ start: number; end: number }> = [];
    const eol = /\r\n|\r|\n/g;
    let start = 0;
    for (let m = eol.exec(this.text); m; m = eol.exec(this.text)) {
      lines.push({ start, end: m.index });
      start = m.index + m[0].length;
    }
    lines.push({ start, end: this.text.length });
    return lines;
  }

  offsetAt(p: { line: number; character: number }): number {
    const lines = this.lineStarts();
    if (p.line >= lines.length) return this.text.length;
    const { start, end } = lines[p.line];
    return Math.min(start + p.character, end);
  }

  lineCount(): number {
    return this.lineStarts().length;
  }

  lineLength(line: number): number {
    const l = this.lineStarts()[line];
    return l ? l.end - l.start : 0;
  }

  /** Applies a change when it is valid; returns whether it was. */
  apply(c: Change): boolean {
    if (typeof c.text !== 'string') return false;
    if (c.range === undefined) {
      this.text = c.text;
      return true;
    }
    if (!c.range || !isPosition(c.range.start) || !isPosition(c.range.end)) return false;
    const a = this.offsetAt(c.range.start);
    const b = this.offsetAt(c.range.end);
    this.text = this.text.slice(0, Math.min(a, b)) + c.text + this.text.slice(Math.max(a, b));
    return true;
  }
}

const SNIPPETS = [
  '',
  'a',
  'x\n',
  '\n',
  '\r\n',
  '\r',
  '\n\n\n',
  'æøå',
  '😀',
  '\uD83D',
  'https://test.nilar.nhn.no/api ',
  '<a b="c">',
  '</a>',
  '&amp;',
  '\t',
  'ÆØÅ\r\n',
];
const HUGE = [2 ** 31 - 1, 2 ** 40, Number.MAX_SAFE_INTEGER];
const INVALID_NUMBERS: Json[] = [-1, -5, -(2 ** 31), 0.5, 1.25, null, '3', true, {}];

function pick(r: Random, m: Model): { line: number; character: number } {
  const roll = r.next();
  const lines = m.lineCount();
  if (roll < 0.05) return { line: r.pick(HUGE), character: r.int(5) };
  if (roll < 0.1) return { line: r.int(lines), character: r.pick(HUGE) };
  if (roll < 0.2) return { line: lines + r.int(3), character: r.int(10) }; // just past the end
  const line = r.int(lines);
  return { line, character: r.int(m.lineLength(line) + 3) }; // sometimes a little past the line end
}

function invalidPosition(r: Random, m: Model): Json {
  const p: Record<string, Json> = pick(r, m);
  const roll = r.int(4);
  if (roll === 0) p.line = r.pick(INVALID_NUMBERS);
  else if (roll === 1) p.character = r.pick(INVALID_NUMBERS);
  else if (roll === 2) delete p[r.pick(['line', 'character'])];
  else return r.pick([null, 'start', 7, []]);
  return p;
}

function randomChange(r: Random, m: Model): Change {
  const roll = r.next();
  const long = m.text.length > 20_000;
  const text = long && r.next() < 0.7 ? '' : r.next() < 0.02 ? 'y'.repeat(r.int(5_000)) : r.pick(SNIPPETS);
  if (roll < 0.01) return { text: r.pick(SNIPPETS) + 'fresh\n' }; // full text
  if (roll < 0.08) return { range: { start: invalidPosition(r, m), end: pick(r, m) }, text };
  if (roll < 0.15) return { range: { start: pick(r, m), end: invalidPosition(r, m) }, text };
  if (roll < 0.17) return { range: r.pick<Json>([null, 'whole', 0]) as Change['range'], text };
  if (roll < 0.19) return { range: { start: pick(r, m), end: pick(r, m) }, text: r.pick([null, 42, undefined, { a: 1 }]) };
  return { range: { start: pick(r, m), end: pick(r, m) }, text };
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

async function digest(lsp: LspSession, uri: string): Promise<{ sha256: string; length: number; version: number } | null> {
  return lsp.connection.sendRequest('nhn/documentDigest', { uri });
}

async function hoverWithin(lsp: LspSession, uri: string, ms: number): Promise<string> {
  const started = Date.now();
  return Promise.race([
    lsp.connection
      .sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } })
      .then(() => `answered in ${Date.now() - started} ms`),
    new Promise<string>((resolve) => setTimeout(() => resolve('NO ANSWER'), ms)),
  ]);
}

describe('text-document sync under hostile edits', () => {
  let lsp: LspSession;
  const logged: string[] = [];
  beforeAll(async () => {
    lsp = await startServer();
    lsp.connection.onNotification('window/logMessage', (m: { type: number; message: string }) => void logged.push(`${m.type} ${m.message}`));
  });
  afterAll(async () => lsp?.close());

  it('a change far past the end, then one with a negative character: the server stays responsive and in sync', async () => {
    const uri = 'file:///sync/repro.properties';
    const model = new Model('a=1\nb=2\n');
    lsp.open(uri, 'properties', model.text);
    const changes: Change[] = [
      { range: { start: { line: 100_000_000, character: 5 }, end: { line: 100_000_001, character: 0 } }, text: '\n' },
      { range: { start: { line: 0, character: -5 }, end: { line: 0, character: 0 } }, text: 'xx' },
    ];
    changes.forEach((c, i) => {
      model.apply(c);
      lsp.change(uri, i + 2, [c as never]);
    });
    expect(await hoverWithin(lsp, uri, HOVER_BOUND_MS)).toMatch(/^answered/);
    expect(await digest(lsp, uri)).toMatchObject({ sha256: sha256(model.text), version: 3 });
    expect(model.text).toBe('a=1\nb=2\n\n'); // the first clamped to the end, the second dropped
    expect(logged.some((l) => l.includes('ignored 1 change(s)'))).toBe(true);
  });

  it(`${EDITS} random changes, valid and not, keep the server's text equal to the model's (seed ${SEED})`, async () => {
    const r = random(SEED);
    const uri = 'file:///sync/fuzz.xml';
    const model = new Model('<?xml version="1.0"?>\n<r xmlns="urn:x">\r\n  <a href="https://test.nilar.nhn.no/">text</a>\n</r>\n');
    lsp.open(uri, 'xml', model.text);
    let version = 1;
    let valid = 0;
    for (let sent = 0; sent < EDITS; ) {
      const batch: Change[] = [];
      for (let n = 1 + r.int(3); n > 0 && sent < EDITS; n--, sent++) {
        const c = randomChange(r, model);
        if (model.apply(c)) valid++;
        batch.push(c);
      }
      lsp.change(uri, ++version, batch as never);
      if (sent % CHECK_EVERY < batch.length || sent === EDITS) {
        const d = await digest(lsp, uri);
        expect(d, `after ${sent} changes (version ${version})`).toMatchObject({ sha256: sha256(model.text), length: model.text.length, version });
      }
    }
    expect(valid, 'most changes were valid, some not').toBeGreaterThan(EDITS * 0.7);
    expect(valid).toBeLessThan(EDITS * 0.95);
    expect(await hoverWithin(lsp, uri, HOVER_BOUND_MS)).toMatch(/^answered/);
    expect(lsp.process.exitCode).toBeNull();
    expect(
      logged.filter((l) => l.startsWith('1 ')),
      'no errors logged',
    ).toEqual([]);
  });

  it('hover, completion and code actions at invalid or far-away positions get an answer, not a crash', async () => {
    const uri = 'file:///sync/requests.properties';
    lsp.open(uri, 'properties', 'lab=https://test.nilar.nhn.no/api\n');
    await lsp.diagnostics(uri);
    const places: Json[] = [
      { line: -1, character: 0 },
      { line: 0, character: -3 },
      { line: 0.5, character: 1 },
      { line: 2 ** 40, character: 2 ** 40 },
      null,
      { line: 0 },
    ];
    for (const p of places) {
      const hover = await lsp.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: p as never });
      if (!isPosition(p)) expect(hover, JSON.stringify(p)).toBeNull();
      await lsp.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: p });
      const actions = await lsp.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: p, end: p },
        context: { diagnostics: [] },
      });
      if (!isPosition(p)) expect(actions, JSON.stringify(p)).toEqual([]);
    }
    expect(await hoverWithin(lsp, uri, HOVER_BOUND_MS)).toMatch(/^answered/);
    expect(lsp.process.exitCode).toBeNull();
  });
});
