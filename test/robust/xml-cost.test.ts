// The XML parser is linear. Each crafted worst case is measured against a plain document of the same
// size made of the same constructs in a harmless arrangement (attributes spread over many elements
// instead of one, end tags that match instead of end tags that match nothing, ...), so the ratio shows
// the arrangement's cost and not how many nodes a byte makes; ≤ 3× or the parser is super-linear
// somewhere. Before the fix, 50 000 attributes on one element (0.5 MB) took 10.5 s in the CLI against
// 1.8 s for a plain file: the duplicate-attribute check compared each attribute with all earlier ones,
// and each attribute value searched the rest of the text for a '<'.

import { describe, expect, it } from 'vitest';
import { parseXml } from '../../server/src/engine/xml/parse';
import { bestCostRatio, fill } from '../helpers/cost';

const SIZE = 200_000;
const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** One start tag holding the attributes (cut to size at an attribute boundary). */
const oneElement = (attrs: (i: number) => string) => {
  const body = fill(attrs, SIZE);
  return HEAD + '<r' + body.slice(0, body.lastIndexOf(' ')) + '/>';
};
/** The same attributes, `per` to an element, under one root. */
const spread = (attrs: (i: number) => string, per: number) =>
  HEAD + '<r>' + fill((i) => `<e${Array.from({ length: per }, (_, k) => attrs(i * per + k)).join('')}/>`, SIZE) + '</r>';

function nestedDeclarations(depth: number, deep: boolean): string {
  // Each element declares its own prefix and uses the outermost one; nested, the lookup must not walk the scopes.
  const el = (i: number) => `<p${i}:e xmlns:p${i}="urn:${i}" p0:a="1">`;
  const parts = ['<p0:e xmlns:p0="urn:0">'];
  if (deep) {
    for (let i = 1; i < depth; i++) parts.push(el(i));
    for (let i = depth - 1; i >= 1; i--) parts.push(`</p${i}:e>`);
  } else for (let i = 1; i < depth; i++) parts.push(el(i), `</p${i}:e>`);
  return HEAD + parts.join('') + '</p0:e>';
}

const CASES: Array<{ name: string; worst: () => string; plain: () => string }> = [
  {
    name: 'attributes by the ten thousand on one element',
    worst: () => oneElement((i) => ` a${i}="v"`),
    plain: () => spread((i) => ` a${i % 4}="v"`, 4),
  },
  {
    name: 'one attribute name repeated on one element',
    worst: () => oneElement(() => ` a="v"`),
    plain: () => spread(() => ` a="v"`, 1),
  },
  {
    name: 'namespace declarations by the ten thousand on one element',
    worst: () => oneElement((i) => ` xmlns:p${i}="urn:x:${i}"`),
    plain: () => spread((i) => ` xmlns:p${i}="urn:x:${i}"`, 2),
  },
  {
    name: '4 000 nested elements each declaring a prefix, the outermost one used at each',
    worst: () => nestedDeclarations(4_000, true),
    plain: () => nestedDeclarations(4_000, false),
  },
  {
    name: 'unterminated attribute values, no closing quote anywhere',
    worst: () => HEAD + '<r>' + fill('<a b="x', SIZE),
    plain: () => HEAD + '<r>' + fill('<a b="x"/>', SIZE),
  },
  {
    name: 'end tags that match no open element, under deep nesting',
    worst: () => HEAD + fill('<a>', SIZE / 2) + fill('</b>', SIZE / 2),
    plain: () => HEAD + fill('<a>', SIZE / 2) + fill('</a>', SIZE / 2),
  },
];

describe('XML parser cost: crafted worst case vs a plain document of the same size', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const worst = c.worst();
      const plain = c.plain();
      expect(Math.abs(plain.length - worst.length) / worst.length, 'the two inputs are the same size').toBeLessThan(0.05);
      // Five attempts: on a machine at load 7 a linear case measured 4.2× once (71.6 ms vs 17.2 ms); a
      // super-linear one is over the limit on every attempt (seconds against milliseconds).
      const r = bestCostRatio(
        () => parseXml(worst),
        () => parseXml(plain),
        3,
        7,
        5,
      );
      expect(r.ratio, `${c.name}: ${r.worstMs.toFixed(1)} ms vs ${r.plainMs.toFixed(1)} ms plain (${worst.length} chars)`).toBeLessThanOrEqual(3);
    });
  }

  it('a prefix named like an Object property is unbound unless declared', () => {
    const doc = parseXml('<constructor:r xmlns:a="urn:a" toString:x="1" __proto__:y="2"/>');
    expect(doc.root!.ns).toBeUndefined();
    expect(doc.root!.attributes.map((a) => a.ns)).toEqual([expect.any(String), undefined, undefined]);
    expect(doc.errors.map((e) => e.code)).toEqual(['undeclared-prefix', 'undeclared-prefix', 'undeclared-prefix']);
  });
});
