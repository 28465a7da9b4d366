// The validator's view of a StructureDefinition: the few ElementDefinition fields it checks, in a
// compact shape shared by the build step (base R4) and the profile loader (user profiles).

export interface TypeRef {
  /** A FHIR type name (`string`, `HumanName`, `Reference`, …). */
  code: string;
  profile?: string[];
  targetProfile?: string[];
}

export interface Constraint {
  key: string;
  severity: 'error' | 'warning';
  human: string;
  expression?: string;
  /** A best-practice recommendation (dom-6: narrative), reported as a hint. */
  bestPractice?: boolean;
}

export interface Binding {
  strength: 'required' | 'extensible' | 'preferred' | 'example';
  /** Canonical URL without version. */
  valueSet: string;
}

export interface Slicing {
  discriminator: { type: string; path: string }[];
  rules?: string;
}

export interface ElementDef {
  /** `Patient.contact.name`; choice elements end in `[x]`. */
  path: string;
  /** `Patient.identifier:FNR.system` in profiles; omitted when equal to `path`. */
  id?: string;
  sliceName?: string;
  min: number;
  /** `*` or a number. */
  max: string;
  types?: TypeRef[];
  /** `#Questionnaire.item`: the element repeats the children of another path. */
  contentReference?: string;
  binding?: Binding;
  /** fixed[x] / pattern[x] value as FHIR JSON. */
  fixed?: unknown;
  pattern?: unknown;
  constraints?: Constraint[];
  /** minValue[x] / maxValue[x]: the type suffix (`Integer`, `Quantity`) and value. */
  minValue?: { type: string; value: unknown };
  maxValue?: { type: string; value: unknown };
  maxLength?: number;
  /** The minLength extension on the element definition. */
  minLength?: number;
  slicing?: Slicing;
  /** Profile extensions (R5's mustHaveValue, valueAlternatives): a primitive needs its value, or one of these extensions instead. */
  mustHaveValue?: boolean;
  valueAlternatives?: string[];
  /** narrative-language-control: `_no`, `_yes`, `_resource` or language codes the narrative's sections must have. */
  languageControl?: string[];
  short?: string;
  definition?: string;
}

export interface TypeDefinition {
  name: string;
  kind: 'resource' | 'complex-type' | 'primitive-type' | 'logical';
  url?: string;
  base?: string;
  elements: ElementDef[];
}

export interface PrimitiveFormat {
  regex?: string;
  json: 'string' | 'number' | 'boolean';
}

export interface DefinitionIndex {
  fhirVersion: string;
  resources: string[];
  complex: string[];
  abstract: string[];
  primitives: Record<string, PrimitiveFormat>;
}

export interface ExpandedValueSet {
  /** [system, code, display?] */
  codes: [string, string, string?][];
  title?: string;
  /** The codes as a set, once a binding asked (validate/binding.ts); not part of the generated files. */
  codeSet?: Set<string>;
}

/** url → expansion; value sets that cannot be enumerated offline are absent. */
export type ValueSetIndex = Record<string, ExpandedValueSet>;
