// R4's vital-signs profiles, applied to an Observation by its code as the reference validator does
// (its ObservationValidator, R4 and later): an Observation coded as a body temperature is checked against
// `bodytemp` whether or not it names it, so a body temperature without the "magic" LOINC code 8310-5 is an
// error there. The first profile whose codes the Observation carries wins, LOINC before SNOMED CT, in the
// order below (the panel first, then the single vital signs).

import type { FhirNode } from '../tree';

const CORE = 'http://hl7.org/fhir/StructureDefinition/';
const LOINC = 'http://loinc.org';
const SNOMED = 'http://snomed.info/sct';

/** Profile id → the codes that select it (space-separated), per code system. */
const BY_LOINC: [string, string][] = [
  ['vitalspanel', '85353-1'],
  ['resprate', '9279-1 76170-0 76172-6 76171-8 19840-8 33438-3 76270-8 11291-2'],
  ['heartrate', '60978-4 73795-7 73799-9 76476-1 76477-9 8867-4 8889-8 8890-6 8891-4 8892-2 8893-0 40443-4 55425-3 68999-2 11328-2 69000-8 8886-4'],
  ['oxygensat', '2708-6 19224-5 20564-1 2709-4 2710-2 2711-0 2713-6 51733-4 59408-5 59417-6 89276-0 97549-0'],
  [
    'bodytemp',
    '8310-5 60834-9 60835-6 60836-4 60838-0 60955-2 61009-7 75539-7 75987-8 76010-8 76011-6 76278-1 8309-7 8328-7 8329-5 8330-3 8331-1 8332-9 8333-7 8334-5 91371-5 98657-0 98663-8',
  ],
  ['bodyheight', '8302-2 3137-7 3138-5 8306-3 8308-9'],
  ['headcircum', '9843-4 8287-5'],
  ['bodyweight', '29463-7 3141-9 3142-7 75292-3 79348-9 8350-1 8351-9'],
  ['bmi', '39156-5 59574-4 89270-3'],
  ['bp', '85354-9 35094-2 8459-0 76534-7 55284-4 8480-6'],
];

const BY_SNOMED: [string, string][] = [
  ['vitalspanel', '46680005'],
  // Respiratory rate: the reference validator's branch for these names no profile, so none is applied.
  ['', '86290005 271625008 271306003'],
  ['heartrate', '249043002 444981005 399017001 251670001 429525003 429614003'],
  ['oxygensat', '103228002 442349007 442476006 442440005 431314004 442734002 713194001'],
  ['bodytemp', '386725007 276885007 300076005 1222808002 364246006 307047009 708499008 431598003 698831002 698832009 415882003 415974002 415929009 415945006'],
  ['bodyheight', '1153637007 1162419008 50373000 1162418000 1230278008 1162392001 1162417005'],
  ['headcircum', '363812007 169876006 1269262007 363811000'],
  ['bodyweight', '60621009 735395000 425024002 424927000 784399000 1162416001 1162415002'],
  ['bp', '75367002 251076008 163033001 163035008 386534000 386536003 271649006 271650006 407556006 407554009 716579001 399304008'],
];

/** Code → the position of the first row listing it (the table's order decides between codes): made once. */
function rowsByCode(table: readonly [string, string][]): ReadonlyMap<string, number> {
  const out = new Map<string, number>();
  table.forEach(([, list], row) => {
    for (const code of list.split(' ')) if (!out.has(code)) out.set(code, row);
  });
  return out;
}

const TABLES = [
  [LOINC, BY_LOINC, rowsByCode(BY_LOINC)],
  [SNOMED, BY_SNOMED, rowsByCode(BY_SNOMED)],
] as const;

const child = (n: FhirNode | undefined, name: string) => n?.children.find((c) => c.name === name);

/** The `code.coding` codes of an Observation in `system`. */
function codes(observation: FhirNode, system: string): Set<string> {
  const out = new Set<string>();
  for (const coding of child(observation, 'code')?.children.filter((c) => c.name === 'coding') ?? []) {
    const code = child(coding, 'code')?.value;
    if (child(coding, 'system')?.value === system && typeof code === 'string') out.add(code);
  }
  return out;
}

/** The vital-signs profile the reference validator applies to this Observation, with the node that selected it. */
export function vitalSignsProfile(observation: FhirNode): { url: string; at: FhirNode } | undefined {
  if (observation.resourceType !== 'Observation') return undefined;
  const at = child(observation, 'code');
  if (!at) return undefined;
  for (const [system, table, rows] of TABLES) {
    const found = codes(observation, system);
    if (!found.size) continue;
    // The first row with any of the codes (a code list per row was split per Observation before).
    let first = -1;
    for (const c of found) {
      const row = rows.get(c);
      if (row !== undefined && (first < 0 || row < first)) first = row;
    }
    if (first >= 0) return table[first][0] ? { url: CORE + table[first][0], at } : undefined;
  }
  return undefined;
}
