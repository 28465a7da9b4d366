// The picker's VS Code wiring, checked without VS Code: the command is contributed and localized, every
// UI string of the picker has a bokmål translation, and the extension registers the picker.

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const read = (p: string) => readFileSync(path.join(ROOT, p), 'utf8');

describe('test-person picker wiring', () => {
  it('contributes nhn.insertTestPerson with an English and a Norwegian title', () => {
    const pkg = JSON.parse(read('package.json'));
    const command = pkg.contributes.commands.find((c: { command: string }) => c.command === 'nhn.insertTestPerson');
    expect(command).toEqual({ command: 'nhn.insertTestPerson', title: '%command.insertTestPerson%', category: 'NHN' });
    expect(JSON.parse(read('package.nls.json'))['command.insertTestPerson']).toBe('Insert SyntPop test person');
    expect(JSON.parse(read('package.nls.nb.json'))['command.insertTestPerson']).toBe('Sett inn SyntPop-testperson');
  });

  it('lets VS Code validate the team file with the same schema, and ships it', () => {
    const pkg = JSON.parse(read('package.json'));
    expect(pkg.contributes.jsonValidation).toContainEqual({ fileMatch: ['**/.nhn/testpersons.json'], url: './schemas/testpersons.schema.json' });
    expect(pkg.contributes.yamlValidation[0].url).toBe('./schemas/testpersons.schema.json');
    expect(read('.vscodeignore')).toContain('!schemas/testpersons.schema.json');
  });

  it('has a bokmål translation for every vscode.l10n.t string of the picker', () => {
    const source = read('client/src/persons/picker.ts');
    const strings = [...source.matchAll(/vscode\.l10n\.t\('((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]);
    expect(strings.length).toBeGreaterThan(15);
    const nb = JSON.parse(read('l10n/bundle.l10n.nb.json'));
    expect(strings.filter((s) => !(s in nb))).toEqual([]);
  });

  it('is registered by the extension, and the engine stays free of it', () => {
    expect(read('client/src/extension.ts')).toMatch(/registerTestPersonPicker\(context/);
    for (const file of ['query', 'format', 'sources', 'team-file', 'catalog', 'replace', 'recent', 'messages']) {
      expect(read(`client/src/persons/${file}.ts`)).not.toMatch(/from 'vscode'/);
    }
  });
});
