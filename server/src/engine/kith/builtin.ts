// The product's own KITH data, compiled and validated from YAML by the build (esbuild.mjs) and by vitest.
// Immutable: user-supplied lists live in a CodeListStore, never here.

import codeListFile from '../../../data/kith/codelists.yaml';
import elementFile from '../../../data/kith/elements.yaml';
import type { CodeList, CodeListEntry, KithElementData } from './model';

const ENTRIES = codeListFile as unknown as CodeListEntry[];
export const KITH_ELEMENTS = elementFile as unknown as KithElementData;

export const BUILTIN_CODE_LISTS: ReadonlyMap<string, CodeList> = new Map(
  ENTRIES.map((e) => [
    e.oid,
    {
      oid: e.oid,
      name: e.name,
      complete: e.complete,
      codes: e.codes.map(({ code, nb, en }) => (en ? { code, nb, en } : { code, nb })),
      origin: { kind: 'builtin' as const, file: 'server/data/kith/codelists.yaml' },
    },
  ]),
);
