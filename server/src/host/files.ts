// Folder listing for the engine's resolvers (schema folders, workspace XSD index): recursive,
// skipping .git and node_modules, bounded so a huge folder cannot stall the server.

import { readdir } from 'node:fs/promises';
import path from 'node:path';

const SKIP = new Set(['.git', 'node_modules', '.hg', '.svn']);
const MAX_FILES = 20000;

export async function listFiles(dir: string, extensions: string[]): Promise<string[]> {
  const out: string[] = [];
  const stack = [path.resolve(dir)];
  while (stack.length && out.length < MAX_FILES) {
    const current = stack.pop()!;
    let entries;
    try {
      entries = await readdir(current, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      const full = path.join(current, e.name);
      if (e.isDirectory()) {
        if (!SKIP.has(e.name)) stack.push(full);
      } else if ((e.isFile() || e.isSymbolicLink()) && extensions.some((x) => e.name.toLowerCase().endsWith(x))) {
        out.push(full.split(path.sep).join('/'));
      }
    }
  }
  return out.sort();
}
