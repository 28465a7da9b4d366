// Line numbers for data files: where a JSON pointer (as ajv reports it) starts in the YAML (or JSON)
// source, so a mistake in a rule file or a team file is reported at its line.

import { yaml } from './lazy-deps';
import type { LineCounter, Node } from 'yaml';

/** Walks a JSON pointer (`/rules/3/match`) through the YAML tree; the deepest node found gives the line. */
export function lineOfPointer(root: Node | null | undefined, pointer: string, lines: LineCounter): number {
  let node: unknown = root;
  let line = 1;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    let next: unknown;
    if (yaml().isMap(node)) next = node.items.find((p) => (p.key as { value?: unknown })?.value === key)?.value;
    else if (yaml().isSeq(node)) next = node.items[Number(key)];
    if (!next) break;
    node = next;
    const r = (next as Node).range;
    if (r) line = lines.linePos(r[0]).line;
  }
  return line;
}
