// Raw ElementDefinition (FHIR JSON) → the compact ElementDef the validator uses. Drops mappings,
// comments and the invariants the validator checks natively (ele-1: value or children).

import type { Binding, Constraint, ElementDef, TypeRef } from './model';

export interface RawElement {
  id?: string;
  path: string;
  sliceName?: string;
  base?: { path: string };
  min?: number;
  max?: string;
  short?: string;
  definition?: string;
  contentReference?: string;
  type?: { code: string; profile?: string[]; targetProfile?: string[]; extension?: { url: string; valueUrl?: string; valueString?: string }[] }[];
  binding?: { strength: string; valueSet?: string };
  constraint?: { key: string; severity: string; human: string; expression?: string; extension?: { url: string; valueBoolean?: boolean }[] }[];
  slicing?: { discriminator?: { type: string; path: string }[]; rules?: string };
  [key: string]: unknown;
}

const FHIR_TYPE_EXT = 'http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type';
const NATIVE_CONSTRAINTS = new Set(['ele-1']);
const DEFINITION_MAX = 600;
const BEST_PRACTICE = 'http://hl7.org/fhir/StructureDefinition/elementdefinition-bestpractice';
const MIN_LENGTH = 'http://hl7.org/fhir/StructureDefinition/minLength';
const LANGUAGE_CONTROL = 'http://hl7.org/fhir/StructureDefinition/narrative-language-control';
/** R5 ElementDefinition elements as R4 carries them (cross-version extensions). */
const MUST_HAVE_VALUE = /ElementDefinition\.mustHaveValue$/;
const VALUE_ALTERNATIVES = /ElementDefinition\.valueAlternatives$/;

type RawExtension = { url?: string; valueInteger?: unknown; valueBoolean?: unknown; valueCanonical?: unknown; valueCode?: unknown };

function typeCode(t: NonNullable<RawElement['type']>[number]): string {
  const fhirType = t.extension?.find((x) => x.url === FHIR_TYPE_EXT)?.valueUrl;
  if (fhirType) return fhirType;
  // System types appear only on Element.id, Extension.url and primitive values.
  if (t.code.startsWith('http://hl7.org/fhirpath/System.')) return t.code.slice(31).toLowerCase();
  return t.code;
}

export function compactElement(raw: RawElement): ElementDef {
  const out: ElementDef = { path: raw.path, min: raw.min ?? 0, max: raw.max ?? '*' };
  if (raw.id && raw.id !== raw.path) out.id = raw.id;
  if (raw.sliceName) out.sliceName = raw.sliceName;
  if (raw.type?.length) {
    out.types = raw.type.map((t) => {
      // R4's snapshots type Resource.id as a System.String, yet the spec defines it as `id`.
      const ref: TypeRef = { code: raw.base?.path === 'Resource.id' ? 'id' : typeCode(t) };
      if (t.profile?.length) ref.profile = t.profile;
      if (t.targetProfile?.length) ref.targetProfile = t.targetProfile;
      return ref;
    });
  }
  if (raw.contentReference) out.contentReference = raw.contentReference;
  if (raw.binding?.valueSet) out.binding = { strength: raw.binding.strength as Binding['strength'], valueSet: raw.binding.valueSet.split('|')[0] };
  for (const [key, value] of Object.entries(raw)) {
    if (/^fixed[A-Z]/.test(key)) out.fixed = value;
    else if (/^pattern[A-Z]/.test(key)) out.pattern = value;
    else if (/^minValue[A-Z]/.test(key)) out.minValue = { type: key.slice(8), value };
    else if (/^maxValue[A-Z]/.test(key)) out.maxValue = { type: key.slice(8), value };
  }
  const constraints: Constraint[] = (raw.constraint ?? [])
    .filter((c) => !NATIVE_CONSTRAINTS.has(c.key))
    .map((c) => {
      const out: Constraint = { key: c.key, severity: c.severity === 'warning' ? 'warning' : 'error', human: c.human, expression: c.expression };
      if (c.extension?.some((x) => x.url === BEST_PRACTICE && x.valueBoolean)) out.bestPractice = true;
      return out;
    });
  if (constraints.length) out.constraints = constraints;
  const maxLength = Number(raw.maxLength);
  if (raw.maxLength !== undefined && Number.isFinite(maxLength)) out.maxLength = maxLength;
  const extensions = Array.isArray(raw.extension) ? (raw.extension as RawExtension[]) : raw.extension ? [raw.extension as RawExtension] : [];
  const minLength = Number(extensions.find((x) => x.url === MIN_LENGTH)?.valueInteger);
  if (Number.isFinite(minLength)) out.minLength = minLength;
  const mustHaveValue = raw.mustHaveValue ?? extensions.find((x) => MUST_HAVE_VALUE.test(x.url ?? ''))?.valueBoolean;
  if (mustHaveValue === true || mustHaveValue === 'true') out.mustHaveValue = true;
  const alternatives = extensions
    .filter((x) => VALUE_ALTERNATIVES.test(x.url ?? '') && typeof x.valueCanonical === 'string')
    .map((x) => String(x.valueCanonical));
  if (alternatives.length) out.valueAlternatives = alternatives;
  const languages = extensions.filter((x) => x.url === LANGUAGE_CONTROL && typeof x.valueCode === 'string').map((x) => String(x.valueCode));
  if (languages.length) out.languageControl = languages;
  if (raw.slicing?.discriminator) out.slicing = { discriminator: raw.slicing.discriminator, rules: raw.slicing.rules };
  if (raw.short) out.short = raw.short;
  if (raw.definition) out.definition = raw.definition.length > DEFINITION_MAX ? raw.definition.slice(0, DEFINITION_MAX) + '…' : raw.definition;
  return out;
}
