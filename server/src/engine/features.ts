// The features of the engine, in the order they run: one check per feature (rules, namespaces, identity
// numbers, KITH conformance, XML, XSD, FHIR, embedded payloads) and one participant per feature for hover and completion.
// A new feature adds its folder and one line here.

import type { Check, Participant } from './core/types';
import type { Rule } from './rules/model';
import { BUILTIN_RULES } from './rules/builtin';
import { textRulesCheck, type LiteralStrategy } from './text-rules/check';
import { xmlWellFormedCheck } from './xml/wellformed-check';
import { ninCheck } from './nin/check';
import { fhirCheck } from './fhir/check';
import { xsdCheck } from './xsd/check';
import { namespaceRulesCheck } from './namespaces/check';
import { xmlRulesCheck } from './xml/rules-check';
import { embeddedCheck } from './embedded/check';
import { embeddedParticipant } from './embedded/participant';
import { xsdParticipant } from './xsd/participant';
import { fhirParticipant } from './fhir/participant';
import { namespaceParticipant } from './namespaces/participant';
import { kithCheck } from './kith/check';
import { kithFhirCheck } from './kith/fhir-check';
import { kithParticipant } from './kith/participant';

/** The default set of checks, in the order they run. `literals`: how text rules find their literals (the bench compares). */
export function createChecks(rules: readonly Rule[] = BUILTIN_RULES, options: { literals?: LiteralStrategy } = {}): Check[] {
  const checks: Check[] = [
    xmlWellFormedCheck,
    textRulesCheck(rules, options.literals),
    namespaceRulesCheck(rules, undefined, options.literals),
    xmlRulesCheck(rules),
    ninCheck(rules),
    kithCheck(rules),
    kithFhirCheck(rules),
    fhirCheck(),
    xsdCheck,
  ];
  // Base64 payloads get the same checks, once (a payload inside a payload is not opened again).
  return [...checks, embeddedCheck(checks)];
}

/** Editor features beyond diagnostics (hover, completion), asked in order. */
export function createParticipants(): Participant[] {
  return [xsdParticipant, fhirParticipant, namespaceParticipant, embeddedParticipant, kithParticipant()];
}
