// The product's message catalogue (shared/messages.ts): every table any code defines with
// `defineMessages(namespace, {...})` — engine, server, CLI and extension — is found by walking the source,
// loaded, and held to one standard: kebab-case namespace and keys, unique namespaces, English and bokmål
// both present, the same `{0}` placeholders in both (no other placeholder style), a bokmål text that is a
// translation rather than a copy, and no key that no code names. The rule data's texts (server/rules/*.yaml,
// checks.yaml) are data, not code: their placeholders are the rule's named hit variables (`{code}`), but
// they meet the same standard of both languages, the same placeholders and a translation.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { MessageTable } from '../../shared/messages';
import { BUILTIN_RULES } from '../../server/src/engine';
import type { ChecksFile } from '../../server/src/build/compile-checks';
import checksData from '../../server/rules/checks.yaml';

const ROOT = path.resolve(__dirname, '../..');
const SOURCE_DIRS = ['server/src', 'client/src', 'shared'];

/** Sentences that read the same in both languages: names, codes and bare placeholders, each with its reason. */
const SAME_IN_BOTH: Record<string, string> = {
  'core.nin-kind-fnr': 'fødselsnummer is the Norwegian term in both languages',
  'kith.judge': 'only placeholders',
  'kith.hover-code': 'only placeholders and code formatting',
  'kith.sender': 'the KITH element name Sender',
  'kith.receiver': 'the KITH element name Receiver',
  'fhir.invariant': 'only placeholders',
  'xsd.hover-type': 'Type is the same word in bokmål',
  'xsd.source-document': 'the attribute name xsi:schemaLocation',
  'xsd.source-user': 'the setting name nhn.xml.schemaPaths',
  'persons.team-schema': 'only placeholders',
  'persons.source-failed': 'only placeholders',
  'persons.label-live': 'the service name Persontjenesten',
};

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\d+)\}/g)].map((m) => m[1]))].sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.ts$/.test(name) ? [full] : [];
  });
}

const files = SOURCE_DIRS.flatMap((d) => sourceFiles(path.join(ROOT, d)));
const parsed = files.map((file) => ({ file, source: ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true) }));

/** Files that call defineMessages, with the number of calls in each (shared/messages.ts itself declares it). */
const defining = parsed
  .map(({ file, source }) => {
    let calls = 0;
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'defineMessages') calls++;
      ts.forEachChild(node, visit);
    };
    visit(source);
    return { file: path.relative(ROOT, file), calls };
  })
  .filter((f) => f.calls > 0);

/** Every string literal any code writes outside a property name, and the fixed heads of template literals. */
function namesInCode(): { literals: Set<string>; heads: string[] } {
  const literals = new Set<string>();
  const heads: string[] = [];
  for (const { source } of parsed) {
    const visit = (node: ts.Node) => {
      if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && !(ts.isPropertyAssignment(node.parent) && node.parent.name === node))
        literals.add(node.text);
      else if (ts.isTemplateExpression(node) && node.head.text) heads.push(node.head.text);
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { literals, heads };
}

const isTable = (v: unknown): v is MessageTable<string> =>
  !!v && typeof v === 'object' && typeof (v as MessageTable<string>).namespace === 'string' && typeof (v as MessageTable<string>).text === 'function';

async function loadTables(): Promise<{ file: string; table: MessageTable<string> }[]> {
  const out: { file: string; table: MessageTable<string> }[] = [];
  for (const { file } of defining) {
    if (file === 'shared/messages.ts') continue;
    const mod = (await import(path.join(ROOT, file))) as Record<string, unknown>;
    for (const value of new Set(Object.values(mod).filter(isTable))) out.push({ file, table: value });
  }
  return out;
}

describe('the message catalogue', async () => {
  const tables = await loadTables();
  const entries = tables.flatMap(({ file, table }) =>
    Object.entries(table.sentences).map(([key, s]) => ({ id: `${table.namespace}.${key}`, key, file, en: s.en, nb: s.nb })),
  );

  it('every defineMessages call is an exported table the catalogue sees', () => {
    expect(tables.length).toBeGreaterThanOrEqual(10);
    for (const f of defining.filter((d) => d.file !== 'shared/messages.ts')) {
      expect(tables.filter((t) => t.file === f.file).length, `${f.file} exports each table it defines`).toBe(f.calls);
    }
  });

  it('one key style: kebab-case namespaces, unique, and kebab-case keys', () => {
    const namespaces = tables.map((t) => t.table.namespace);
    expect(namespaces.filter((n) => !KEBAB.test(n))).toEqual([]);
    expect(namespaces.filter((n, i) => namespaces.indexOf(n) !== i)).toEqual([]);
    expect(entries.filter((e) => !KEBAB.test(e.key)).map((e) => e.id)).toEqual([]);
    expect(entries.length).toBeGreaterThan(250);
  });

  it('every sentence has English and bokmål, with the same {0} placeholders and no other placeholder style', () => {
    for (const e of entries) {
      expect(e.en.trim(), `${e.id} (en)`).not.toBe('');
      expect(e.nb.trim(), `${e.id} (nb)`).not.toBe('');
      expect(placeholders(e.nb), e.id).toEqual(placeholders(e.en));
      expect(`${e.en} ${e.nb}`, e.id).not.toMatch(/\{[A-Za-z_]\w*\}/);
    }
  });

  it('the bokmål text is a translation, not a copy, except for the listed names and codes', () => {
    const copies = entries.filter((e) => e.en === e.nb).map((e) => e.id);
    expect(copies.filter((id) => !(id in SAME_IN_BOTH))).toEqual([]);
    expect(
      Object.keys(SAME_IN_BOTH).filter((id) => !copies.includes(id)),
      'stale entries of SAME_IN_BOTH',
    ).toEqual([]);
  });

  it('no key is unused: each is named in code, literally or as the fixed head of a template', () => {
    const { literals, heads } = namesInCode();
    const unused = entries.filter((e) => !literals.has(e.key) && !heads.some((h) => h.endsWith('-') && e.key.startsWith(h))).map((e) => e.id);
    expect(unused).toEqual([]);
  });

  it('a lookup fills the placeholders in order and cuts what is too long to quote', () => {
    const core = tables.find((t) => t.table.namespace === 'core')!.table;
    expect(core.text('en', 'ignore-on-line', 'nin')).toBe('Ignore nin on this line');
    expect(core.text('nb', 'ignore-on-line', 'nin')).toBe('Ignorer nin på denne linjen');
    expect(core.text('en', 'check-failed', 'x', 'y'.repeat(5000)).length).toBeLessThan(400);
  });
});

describe("the rule data's texts", () => {
  const named = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
  const texts: { id: string; en: string; nb: string }[] = [];
  const add = (id: string, t?: { en: string; nb: string }) => void (t && texts.push({ id, ...t }));
  for (const r of BUILTIN_RULES) {
    add(`${r.id} title`, r.title);
    add(`${r.id} message`, r.message);
    add(`${r.id} replacement`, r.replacement?.text);
  }
  const checks = checksData as unknown as ChecksFile;
  for (const [family, f] of Object.entries(checks.families ?? {})) add(`${family} summary`, f.summary);
  for (const c of checks.checks) {
    add(`${c.id} title`, c.title);
    add(`${c.id} summary`, c.summary);
    add(`${c.id} fix`, c.fix);
  }

  it('every rule and check text has English and bokmål with the same placeholders', () => {
    expect(texts.length).toBeGreaterThan(400);
    for (const t of texts) {
      expect(t.en.trim(), `${t.id} (en)`).not.toBe('');
      expect(t.nb.trim(), `${t.id} (nb)`).not.toBe('');
      expect(named(t.nb), t.id).toEqual(named(t.en));
    }
  });

  it('the bokmål is a translation, not a copy, except for the titles of api/ rules, which are API names', () => {
    const copies = texts.filter((t) => t.en === t.nb && !(t.id.startsWith('api/') && t.id.endsWith(' title')));
    expect(copies.map((t) => `${t.id}: ${t.en}`)).toEqual([]);
  });
});
