// `npm run docs`: rewrites the generated parts of README.md from the data.

import { readFileSync, writeFileSync } from 'node:fs';
import { BUILTIN_RULES } from '../engine';
import { withRulesTable } from '../engine/rules/table';

const readme = readFileSync('README.md', 'utf8');
const next = withRulesTable(readme, BUILTIN_RULES);
if (next !== readme) writeFileSync('README.md', next);
console.log(next === readme ? 'README.md is up to date' : `README.md: rules table updated (${BUILTIN_RULES.length} rules)`);
