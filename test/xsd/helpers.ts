// Shared setup for the XSD tests: the real engine with real libxml2 (in-process) over the fixture schemas.

import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { analyze, createChecks, type Finding } from '../../server/src/engine';
import { analyzed } from '../../server/src/engine/core/document';
import { documentSchemaSet } from '../../server/src/engine/xsd/check';
import { LibxmlXsdService } from '../../server/src/engine/xsd/libxml';
import { createHost } from '../../server/src/host/resolvers';
import { context } from '../helpers/engine';

export const FIXTURES = path.resolve(__dirname, '../../../shared/fixtures/nhn-schemas');
export const INSTANCES = path.resolve(__dirname, 'instances');
/** The schema folders the instance tests use (kith-core before felleskomponenter: the envelope's own copies). */
export const SCHEMA_PATHS = ['kith-core', 'eresept', 'felleskomponenter'].map((d) => path.join(FIXTURES, d));

const service = new LibxmlXsdService();
const resolvers = { ...createHost(), xsd: service };

export function instance(name: string): { file: string; text: string } {
  const file = path.join(INSTANCES, name);
  return { file, text: readFileSync(file, 'utf8') };
}

export async function xsdFindings(
  text: string,
  file: string,
  schemaPaths = SCHEMA_PATHS,
  language: 'en' | 'nb' = 'en',
  catalogs: string[] = [],
): Promise<Finding[]> {
  const result = await analyze(
    { uri: file, languageId: 'xml', text },
    context({ host: resolvers, language, settings: { schemaPaths, catalogs } }),
    createChecks(),
  );
  return result.findings.filter((f) => f.ruleId.startsWith('xsd/'));
}

/** The range of the element or attribute name that follows `before` (e.g. `<Error` → `Error`). */
export function nameAfter(text: string, before: string, occurrence = 0) {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(before, at + 1);
    if (at < 0) throw new Error(`'${before}' not found`);
  }
  const start = at + before.length - before.replace(/^[<\s]+/, '').length;
  const end = at + before.length;
  return span(text, start, end);
}

export function span(text: string, start: number, end: number) {
  const pos = (o: number) => {
    const lines = text.slice(0, o).split('\n');
    return { line: lines.length - 1, character: lines[lines.length - 1].length };
  };
  return { start: pos(start), end: pos(end) };
}

/** The range of `value` inside the n-th `needle` (e.g. the text of `<GenDate>i dag<`). */
export function inside(text: string, needle: string, value: string, occurrence = 0) {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`'${needle}' not found`);
  }
  const start = at + needle.indexOf(value);
  return span(text, start, start + value.length);
}

export function summary(findings: Finding[]) {
  return findings
    .map((f) => ({ rule: f.ruleId, range: f.range }))
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.rule.localeCompare(b.rule));
}

/**
 * Native libxml2's verdict (`xmllint --noout --nonet --schema`) on `text`, against the very schema set our
 * resolver builds for it, both written under `dir`. Undefined when xmllint is not installed.
 */
export async function xmllintValid(text: string, file: string, dir: string, schemaPaths = SCHEMA_PATHS): Promise<boolean | undefined> {
  if (spawnSync('xmllint', ['--version']).status !== 0) return undefined;
  const ctx = context({ host: resolvers, settings: { schemaPaths } });
  const set = (await documentSchemaSet(analyzed({ uri: file, languageId: 'xml', text }), ctx))!;
  for (const [virtual, content] of Object.entries(set.schema.files)) {
    const target = path.join(dir, virtual);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content.split('/__nhn__/').join(`${dir}/__nhn__/`));
  }
  const doc = path.join(dir, path.basename(file));
  writeFileSync(doc, text);
  return spawnSync('xmllint', ['--noout', '--nonet', '--schema', path.join(dir, set.schema.entry), doc], { encoding: 'utf8' }).status === 0;
}
