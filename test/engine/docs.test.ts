import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES } from '../../server/src/engine';
import { rulePages, withIndexTable } from '../../server/src/tools/rule-docs';
import type { ChecksFile } from '../../server/src/build/compile-checks';
import { compileDataFile } from '../../server/src/build/data-files';
import checksData from '../../server/rules/checks.yaml';
import { CASES } from '../helpers/rule-cases';

const checks = checksData as unknown as ChecksFile;
const documented = new Set([...BUILTIN_RULES.map((r) => r.id), ...checks.checks.map((c) => c.id)]);
/** `<family>/check-failed` is one page; every other id has its own. */
const isDocumented = (id: string) => documented.has(id) || /^[a-z-]+\/check-failed$/.test(id);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('documentation', () => {
  it('docs/rules/README.md lists every rule and check exactly as the data says (run `npm run docs`)', () => {
    const index = readFileSync('docs/rules/README.md', 'utf8');
    expect(index).toBe(withIndexTable(index, BUILTIN_RULES, checks));
    for (const id of documented) expect(index).toContain(`\`${id === 'check-failed' ? '<family>/check-failed' : id}\``);
  });

  it('every rule id has its generated page, identical to the data (run `npm run docs`)', () => {
    const pages = rulePages(BUILTIN_RULES, checks, CASES);
    expect(pages.size).toBe(documented.size);
    for (const [rel, text] of pages) expect(readFileSync(path.join('docs/rules', rel), 'utf8'), rel).toBe(text);
    const host = pages.get('host/nilar.md')!;
    expect(host).toContain('test.pps.nhn.no');
    expect(host).toContain('nhn-ignore-next-line host/nilar');
  });

  it('every diagnostic id written in the engine is declared in server/rules/*.yaml (add new ones to checks.yaml)', () => {
    const literal = /['`"]((?:xml|xsd|fhir|nin|host|api|message-type|namespace|suppression|kith|config)\/[a-z0-9-]+)['`"]/g;
    const ids = new Set<string>();
    for (const file of sourceFiles('server/src')) for (const m of readFileSync(file, 'utf8').matchAll(literal)) ids.add(m[1]);
    // Ids made from a code: every XML well-formedness code and every XSD problem kind.
    for (const m of readFileSync('server/src/engine/xml/messages.ts', 'utf8').matchAll(/^ {2}'([a-z-]+)':/gm)) ids.add(`xml/${m[1]}`);
    for (const m of readFileSync('server/src/engine/xsd/classify.ts', 'utf8').matchAll(/kind: '([a-z-]+)'/g)) ids.add(`xsd/${m[1]}`);
    for (const m of readFileSync('server/src/engine/xsd/schema-set.ts', 'utf8').matchAll(/'(unresolved-import|remote-not-fetched|download-failed)'/g))
      ids.add(`xsd/${m[1]}`);
    expect(ids.size).toBeGreaterThan(60);
    const missing = [...ids].filter(
      (id) =>
        !isDocumented(id) &&
        !/^(xml|xsd)\/(element|attribute|text|comment|cdata|pi|array|object|string|value|property|null|resource|import|network|refused|next-line)$/.test(id),
    );
    expect(missing).toEqual([]);
  });

  // Every id the CLI reports on examples/ is documented: test/cli/schemas-and-examples.test.ts.

  it('a broken checks.yaml fails with its line', () => {
    expect(() => compileDataFile('checks:\n  - id: xml/x\n    title: { en: a }\n', 'server/rules/checks.yaml')).toThrow(/checks\.yaml:\d+:/);
  });

  it('the README stays a short front page that links to the topic pages', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(Buffer.byteLength(readme)).toBeLessThanOrEqual(10 * 1024);
    for (const link of readme.matchAll(/\]\(((?:docs\/|[A-Z]+\.md)[^)#]*)/g)) expect(statSync(link[1]).isFile(), link[1]).toBe(true);
  });
});
