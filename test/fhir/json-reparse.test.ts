// The parse of a Bundle's next version that takes over the previous tree's unchanged entries
// (fhir/json-plain.ts `parsePlainFhirJson`) gives the tree a parse from scratch gives, node for node and span
// for span, after edits anywhere (between entries, inside them, across several, ones that break the
// JSON), and leaves the previous tree as it was.

import { describe, expect, it } from 'vitest';
import { parseFhirJson } from '../../server/src/engine/fhir/json';
import type { FhirDocument, FhirNode } from '../../server/src/engine/fhir/tree';
import { fhirBundle } from '../../bench/lib/inputs';

/** Everything the validator reads of the tree (`JSON.stringify` keeps the order the builder gives the fields). */
const shape = (doc: FhirDocument | undefined) =>
  doc &&
  JSON.stringify({
    root: doc.root,
    errors: doc.syntaxErrors,
    types: [...(doc.resourceTypes ?? [])].sort(),
    resources: (doc.resourceNodes ?? []).map((n) => `${n.resourceType}@${n.resourceTypeSpan?.start}`),
  });

function random(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return (s >>> 16) % n;
  };
}

/** Nodes of `next` that are the very objects of `previous` (taken over unmoved). */
function shared(previous: FhirNode, next: FhirNode): number {
  const seen = new Set<FhirNode>();
  const collect = (n: FhirNode) => {
    seen.add(n);
    n.children.forEach(collect);
  };
  collect(previous);
  let count = 0;
  const visit = (n: FhirNode) => {
    if (seen.has(n)) count++;
    n.children.forEach(visit);
  };
  visit(next);
  return count;
}

const EDITS: ((text: string, rnd: (n: number) => number) => string)[] = [
  // A character typed or deleted anywhere.
  (t, rnd) => {
    const at = rnd(t.length);
    return `${t.slice(0, at)}${' x"{,}0\n'[rnd(8)]}${t.slice(at)}`;
  },
  (t, rnd) => {
    const at = rnd(t.length);
    return t.slice(0, at) + t.slice(at + 1);
  },
  // A value changed in place (same length), a line indented, a line removed.
  (t) => t.replace('"final"', '"fjnal"'),
  (t, rnd) => {
    const lines = t.split('\n');
    const k = rnd(lines.length);
    lines[k] = ` ${lines[k]}`;
    return lines.join('\n');
  },
  (t, rnd) => {
    const lines = t.split('\n');
    lines.splice(rnd(lines.length), 1);
    return lines.join('\n');
  },
  // Whole entries removed, duplicated, swapped (the JSON stays valid).
  (t, rnd) => {
    const b = JSON.parse(t);
    const k = rnd(b.entry.length);
    if (rnd(2)) b.entry.splice(k, 1);
    else b.entry.splice(k, 0, b.entry[k]);
    return `${JSON.stringify(b, null, 2)}\n`;
  },
  (t, rnd) => {
    const b = JSON.parse(t);
    const k = rnd(b.entry.length - 1);
    [b.entry[k], b.entry[k + 1]] = [b.entry[k + 1], b.entry[k]];
    return `${JSON.stringify(b, null, 2)}\n`;
  },
  // A root `_entry` (merged into the entries by the parse) added at the end, or removed again: the previous
  // tree is not used while either version has one.
  (t) => (t.includes('"_entry"') ? t.replace(/\s*,\s*"_entry"[^\]]*\]/, '') : t.replace(/\n}\n$/, '\n,\n"_entry": [{"id": "x"}]}\n')),
];

describe('the parse of a Bundle from its previous version', () => {
  it('gives the tree a parse from scratch gives, after 200 edits, and leaves the previous tree unchanged', async () => {
    const rnd = random(5);
    let text = fhirBundle(60, 4);
    let tree = parseFhirJson(text)!;
    let reused = 0;
    for (let v = 0; v < 200; v++) {
      const next = EDITS[rnd(EDITS.length)](text, rnd);
      const before = shape(tree);
      const fresh = parseFhirJson(next);
      const incremental = parseFhirJson(next, undefined, tree);
      expect(shape(incremental)).toBe(shape(fresh));
      expect(shape(tree)).toBe(before);
      reused += incremental ? shared(tree.root, incremental.root) : 0;
      // The next edit starts from valid text (broken text keeps no tree in the check).
      if (incremental && fresh && !fresh.syntaxErrors.length) {
        text = next;
        tree = incremental;
      }
    }
    // Most edits leave most entries where they were.
    expect(reused).toBeGreaterThan(100 * 60);
  });

  it('renumbers the entries after one split into two of the same length', () => {
    const entry = (id: string) => `{"resource": {"resourceType": "Basic", "id": "${id}"}}`;
    const bundle = (entries: string[]) => `{"resourceType": "Bundle", "type": "collection", "entry": [${entries.join(', ')}]}`;
    const text = bundle([entry('a'), entry('b'.repeat(200)), entry('c')]);
    // `b` and `d…` with the ", " between them: as long as the one entry they replace.
    const next = bundle([entry('a'), entry('b'), entry('d'.repeat(200 - entry('').length - 3)), entry('c')]);
    expect(next.length).toBe(text.length);
    const tree = parseFhirJson(text)!;
    const incremental = parseFhirJson(next, undefined, tree)!;
    expect(shape(incremental)).toBe(shape(parseFhirJson(next)));
    expect(incremental.root.children.at(-1)!.index).toBe(3);
  });

  it('takes over the entries before an edit and moves the ones after it', () => {
    const text = fhirBundle(100, 4);
    const tree = parseFhirJson(text)!;
    const at = text.indexOf('"e50"');
    const next = `${text.slice(0, at)}"e50x"${text.slice(at + 5)}`;
    const incremental = parseFhirJson(next, undefined, tree)!;
    expect(shape(incremental)).toBe(shape(parseFhirJson(next)));
    const entries = (d: FhirDocument) => d.root.children.filter((c) => c.name === 'entry');
    const [old, now] = [entries(tree), entries(incremental)];
    expect(now.slice(0, 50).every((e, k) => e === old[k])).toBe(true);
    expect(now[50]).not.toBe(old[50]);
    expect(now.slice(51).every((e, k) => e !== old[51 + k] && e.start === old[51 + k].start + 1)).toBe(true);
  });
});
