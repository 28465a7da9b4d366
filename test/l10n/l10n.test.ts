// Every UI string of the extension exists in English and Norwegian bokmål: the manifest's %keys%
// (package.nls.json / package.nls.nb.json) and every vscode.l10n.t(...) message in the client code
// (l10n/bundle.l10n.nb.json), with the same {n} placeholders in both languages. The extension's other
// sentences are in the product's message catalogue (catalogue.test.ts); the bundle is held to the same
// standard: a translation rather than a copy, one placeholder style, no entry that no code uses.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const read = (file: string) => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8'));
const manifest = read('package.json');
const nlsEn: Record<string, string> = read('package.nls.json');
const nlsNb: Record<string, string> = read('package.nls.nb.json');
const bundleNb: Record<string, string> = read('l10n/bundle.l10n.nb.json');

/** Every %key% used anywhere in package.json. */
function manifestKeys(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    const m = /^%([^%]+)%$/.exec(value);
    if (m) out.add(m[1]);
  } else if (Array.isArray(value)) {
    for (const v of value) manifestKeys(v, out);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) manifestKeys(v, out);
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : full.endsWith('.ts') ? [full] : [];
  });
}

interface Call {
  file: string;
  line: number;
  message?: string;
}
/** The first argument of every `vscode.l10n.t(...)` / `l10n.t(...)` call in the client code. */
function l10nCalls(): Call[] {
  const calls: Call[] = [];
  for (const file of sourceFiles(path.join(ROOT, 'client/src'))) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && /(^|\.)l10n\.t$/.test(node.expression.getText(source))) {
        const arg = node.arguments[0];
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        const rel = path.relative(ROOT, file);
        if (arg && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg))) calls.push({ file: rel, line, message: arg.text });
        else if (arg && ts.isObjectLiteralExpression(arg)) {
          const message = arg.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText(source) === 'message');
          calls.push({ file: rel, line, message: message && ts.isStringLiteral(message.initializer) ? message.initializer.text : undefined });
        } else calls.push({ file: rel, line });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return calls;
}

/** Bundle entries that read the same in both languages: names of the product, of data formats and a Norwegian term. */
const BUNDLE_SAME_IN_BOTH = ['NHN Integrator', 'FHIR Identifier (JSON)', 'KITH XML Ident', 'Fødselsnummer'];

const placeholders = (s: string) => [...s.matchAll(/\{(\d+)\}/g)].map((m) => m[1]).sort();

describe('Norwegian and English UI strings', () => {
  it('every %key% in package.json is in package.nls.json and package.nls.nb.json', () => {
    const used = [...manifestKeys(manifest)].sort();
    expect(used.length).toBeGreaterThan(30);
    expect(used.filter((k) => !(k in nlsEn))).toEqual([]);
    expect(used.filter((k) => !(k in nlsNb))).toEqual([]);
  });

  it('the two nls files have the same keys, none empty, and no key unused', () => {
    expect(Object.keys(nlsNb).sort()).toEqual(Object.keys(nlsEn).sort());
    const used = manifestKeys(manifest);
    expect(Object.keys(nlsEn).filter((k) => !used.has(k))).toEqual([]);
    for (const [k, v] of Object.entries({ ...nlsEn, ...nlsNb })) expect(v.trim(), k).not.toBe('');
    for (const k of Object.keys(nlsEn)) expect(placeholders(nlsNb[k]), k).toEqual(placeholders(nlsEn[k]));
  });

  it('command titles, setting descriptions and walkthrough steps are translated, not copied', () => {
    const same = Object.keys(nlsEn).filter((k) => /^(command|walkthrough)\./.test(k) && nlsEn[k] === nlsNb[k]);
    expect(same).toEqual([]);
  });

  it('every vscode.l10n.t message in client/src is a literal with a bokmål translation', () => {
    const calls = l10nCalls();
    expect(calls.length).toBeGreaterThan(20);
    expect(calls.filter((c) => c.message === undefined).map((c) => `${c.file}:${c.line}`)).toEqual([]);
    const missing = calls.filter((c) => !(c.message! in bundleNb)).map((c) => `${c.file}:${c.line} ${c.message}`);
    expect(missing).toEqual([]);
    for (const c of calls) expect(placeholders(bundleNb[c.message!]), c.message).toEqual(placeholders(c.message!));
  });

  it('the bundle meets the catalogue standard: used, translated rather than copied, {0} placeholders only', () => {
    const used = new Set(l10nCalls().map((c) => c.message));
    expect(
      Object.keys(bundleNb).filter((k) => !used.has(k)),
      'bundle entries no l10n.t call uses',
    ).toEqual([]);
    const copies = Object.keys(bundleNb).filter((k) => bundleNb[k] === k);
    expect(copies.sort()).toEqual([...BUNDLE_SAME_IN_BOTH].sort());
    for (const [k, v] of Object.entries(bundleNb)) expect(`${k} ${v}`, k).not.toMatch(/\{[A-Za-z_]\w*\}/);
    expect(
      Object.keys(nlsEn).filter((k) => nlsEn[k] === nlsNb[k]),
      'manifest strings copied, not translated',
    ).toEqual([]);
  });

  it('the manifest points at the localisation files it has', () => {
    expect(manifest.l10n).toBe('./l10n');
    for (const w of manifest.contributes.walkthroughs ?? []) {
      for (const step of w.steps) expect(statSync(path.join(ROOT, step.media.markdown)).isFile(), step.id).toBe(true);
    }
  });
});
