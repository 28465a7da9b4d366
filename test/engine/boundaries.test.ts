// The import boundaries (scripts/check-boundaries.mjs) hold on the real tree, and the checker refuses
// each kind of forbidden import when one is written.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without type declarations
import { violations } from '../../scripts/check-boundaries.mjs';

type Violation = { file: string; line: number; spec: string; rule: string; reason: string };
const check = violations as (root: string) => Violation[];

describe('import boundaries', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'nhn-boundaries-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(tmp, file)), { recursive: true });
    writeFileSync(path.join(tmp, file), text);
  };

  it('hold in this repository', () => {
    expect(check(path.resolve(__dirname, '../..'))).toEqual([]);
  });

  it('refuse the client reaching into the server, an adapter reaching engine internals, and the engine reaching an adapter or the editor', () => {
    write('server/src/engine/index.ts', 'export {};\n');
    write('server/src/engine/core/types.ts', 'export {};\n');
    write('server/src/lsp/ok.ts', "import { x } from '../engine';\n");
    write('server/src/lsp/bad.ts', "import type { Y } from '../engine/core/types';\n");
    write('server/src/engine/bad.ts', "import { connection } from '../lsp/ok';\nimport * as vscode from 'vscode';\nimport { readFileSync } from 'node:fs';\n");
    write('client/src/bad.ts', "import { t } from '../../server/src/engine/core/types';\nimport { Commands } from '../../shared/protocol';\n");
    write('shared/protocol.ts', 'export const Commands = {};\n');
    write('shared/bad.ts', "import * as vscode from 'vscode';\n");
    const found = check(tmp).map((v) => `${v.file}:${v.line} ${v.spec}`);
    expect(found.sort()).toEqual(
      [
        'client/src/bad.ts:1 ../../server/src/engine/core/types',
        'server/src/engine/bad.ts:1 ../lsp/ok',
        'server/src/engine/bad.ts:2 vscode',
        'server/src/engine/bad.ts:3 node:fs',
        'server/src/lsp/bad.ts:1 ../engine/core/types',
        'shared/bad.ts:1 vscode',
      ].sort(),
    );
  });
});
