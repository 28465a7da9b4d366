#!/usr/bin/env node
// The import boundaries of the code base, checked mechanically (run by `npm test` and CI):
// - client/ imports shared/ (the protocol and pure helpers), its own code, data and packages; never server/.
// - shared/ (the protocol and pure helpers) imports only shared/ and plain packages: no editor, no server.
// - server/src/lsp/, server/src/cli/ and server/src/server.ts reach the engine only through its public
//   entry, server/src/engine/index.ts.
// - server/src/engine/ never imports an adapter (lsp/, cli/, server.ts), the host (host/), build-time
//   tools (build/, tools/), the client, the editor or LSP packages, or Node's file, network and process APIs.
// `node scripts/check-boundaries.mjs` prints each violation as file:line and exits 1 when there is one.

import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SOURCE = /\.(ts|mts|tsx)$/;
const IMPORT =
  /(?:^|[^\w$.])(?:import|export)\s+(?:type\s+)?(?:[^'"`;]*?\s+from\s+)?['"]([^'"]+)['"]|(?:^|[^\w$.])import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;
const EDITOR_PACKAGES = /^(vscode|vscode-languageserver|vscode-languageclient|vscode-languageserver-protocol|vscode-languageserver-textdocument)(\/|$)/;
const NODE_SIDE_EFFECTS = /^(node:)?(fs|fs\/promises|net|http|https|http2|child_process|worker_threads|dgram|tls|os)$/;

/** The one bounded reader of regular files (no FIFO, device or endless /proc file), used by the server's host,
 * the CLI and the extension alike: it is the only shared/ file that touches node:fs. */
const SHARED_FILE_READERS = new Set(['shared/read-file.ts']);

/** Each rule: which importing files it covers, and why an import is refused (undefined when allowed). */
const RULES = [
  {
    name: 'the client imports the protocol and pure helpers (shared/), never the server',
    covers: (file) => file.startsWith('client/'),
    refuse: (target) => (target.local && target.path.startsWith('server/') ? `reaches ${target.path}` : undefined),
  },
  {
    name: 'shared/ is the protocol and pure helpers',
    covers: (file) => file.startsWith('shared/'),
    refuse: (target, file) =>
      target.local
        ? target.path.startsWith('shared/')
          ? undefined
          : `reaches ${target.path}`
        : EDITOR_PACKAGES.test(target.spec) ||
            (NODE_SIDE_EFFECTS.test(target.spec) && !(SHARED_FILE_READERS.has(file) && /^(node:)?fs(\/promises)?$/.test(target.spec)))
          ? `imports ${target.spec}`
          : undefined,
  },
  {
    name: 'adapters use the engine through its public entry only',
    covers: (file) => file.startsWith('server/src/lsp/') || file.startsWith('server/src/cli/') || file === 'server/src/server.ts',
    refuse: (target) =>
      target.local && target.path.startsWith('server/src/engine/') && target.path !== 'server/src/engine/index.ts'
        ? `reaches engine internals ${target.path}`
        : undefined,
  },
  {
    name: 'the engine is editor-free and host-free',
    covers: (file) => file.startsWith('server/src/engine/'),
    refuse: (target) => {
      if (!target.local) return EDITOR_PACKAGES.test(target.spec) || NODE_SIDE_EFFECTS.test(target.spec) ? `imports ${target.spec}` : undefined;
      const p = target.path;
      const outside = ['server/src/lsp/', 'server/src/cli/', 'server/src/host/', 'server/src/build/', 'server/src/tools/', 'client/'].find((d) =>
        p.startsWith(d),
      );
      return outside || p === 'server/src/server.ts' ? `reaches ${p}` : undefined;
    },
  },
];

function walk(dir, root, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, root, out);
    else if (SOURCE.test(name)) out.push(path.relative(root, full).split(path.sep).join('/'));
  }
  return out;
}

function resolveLocal(root, fromFile, spec) {
  const base = path.join(path.dirname(fromFile), spec);
  const candidates = [base, `${base}.ts`, `${base}.mts`, `${base}.tsx`, path.join(base, 'index.ts')];
  const hit = candidates.find((c) => {
    try {
      return statSync(path.join(root, c)).isFile();
    } catch {
      return false;
    }
  });
  return (hit ?? base).split(path.sep).join('/');
}

/** Every refused import under `root` (the repository), as { file, line, spec, rule, reason }. */
export function violations(root, dirs = ['client', 'shared', 'server/src']) {
  const out = [];
  const files = dirs.flatMap((d) => {
    try {
      return walk(path.join(root, d), root);
    } catch {
      return [];
    }
  });
  for (const file of files) {
    const rules = RULES.filter((r) => r.covers(file));
    if (!rules.length) continue;
    const text = readFileSync(path.join(root, file), 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2] ?? m[3];
      const local = spec.startsWith('.');
      const target = { spec, local, path: local ? resolveLocal(root, file, spec) : spec };
      for (const rule of rules) {
        const reason = rule.refuse(target, file);
        if (reason) out.push({ file, line: text.slice(0, m.index + m[0].indexOf(spec)).split('\n').length, spec, rule: rule.name, reason });
      }
    }
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const found = violations(root);
  for (const v of found) process.stderr.write(`${v.file}:${v.line}: '${v.spec}' ${v.reason} (${v.rule})\n`);
  if (found.length) {
    process.stderr.write(`check-boundaries: ${found.length} forbidden import(s)\n`);
    process.exit(1);
  }
  process.stdout.write('check-boundaries: ok\n');
}
