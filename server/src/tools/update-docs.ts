// `npm run docs`: rewrites the generated documentation from the data — the table in docs/rules/README.md
// and one page per rule id under docs/rules/ — and removes pages of ids that no longer exist.

import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BUILTIN_RULES } from '../engine';
import { CASES } from '../../../test/helpers/rule-cases';
import checksData from '../../rules/checks.yaml';
import type { ChecksFile } from '../build/compile-checks';
import { rulePages, withIndexTable } from './rule-docs';

const ROOT = 'docs/rules';
const checks = checksData as unknown as ChecksFile;
let changed = 0;

const indexFile = path.join(ROOT, 'README.md');
const index = readFileSync(indexFile, 'utf8');
const nextIndex = withIndexTable(index, BUILTIN_RULES, checks);
if (nextIndex !== index) writeFileSync(indexFile, nextIndex), changed++;

const pages = rulePages(BUILTIN_RULES, checks, CASES);
for (const [rel, text] of pages) {
  const file = path.join(ROOT, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  let old: string | undefined;
  try {
    old = readFileSync(file, 'utf8');
  } catch {
    old = undefined;
  }
  if (old !== text) writeFileSync(file, text), changed++;
}
for (const dir of readdirSync(ROOT, { withFileTypes: true })) {
  const inner = dir.isDirectory() ? readdirSync(path.join(ROOT, dir.name)).map((f) => `${dir.name}/${f}`) : [dir.name];
  for (const rel of inner) {
    if (rel === 'README.md' || pages.has(rel)) continue;
    rmSync(path.join(ROOT, rel));
    changed++;
  }
}
console.log(changed ? `docs/rules: ${changed} file(s) updated (${pages.size} pages)` : 'docs/rules is up to date');
