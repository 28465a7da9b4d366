// The engine's public surface for the server, the CLI and the tests.

import type { Check, Participant } from './core/types';
import type { Rule } from './rules/model';
import { BUILTIN_RULES } from './rules/builtin';
import { textRulesCheck } from './text-rules/check';
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

export * from './core/types';
export { invalidateSchemas } from './xsd/resolve';
export { schemaTextChanged, type SchemaEditEffect } from './xsd/edits';
export { forgetSchemaUse } from './xsd/usage';
export { schemaStatus, type SchemaStatus } from './xsd/participant';
export { analyze, ruleSetting, type AnalysisResult, type Skip } from './core/analyze';
export { resolveToday } from './rules/dates';
export { languageIdFor } from './core/languages';
export { BUILTIN_RULES, findRule } from './rules/builtin';
export { ruleHover } from './rules/finding';
export type { Rule } from './rules/model';
export { classifyNin, maskNin, syntheticFor, checkDigitsFor, type NinInfo, type NinKind } from './nin/classify';
export { namespaceInfo, namespaceLabel, successorOf, versionsOf, NAMESPACES, type NamespaceEntry, type NamespaceStatus } from './namespaces/catalog';

/** The default set of checks, in the order they run. */
export function createChecks(rules: readonly Rule[] = BUILTIN_RULES): Check[] {
  const checks: Check[] = [xmlWellFormedCheck, textRulesCheck(rules), namespaceRulesCheck(rules), xmlRulesCheck(rules), ninCheck(rules), fhirCheck(), xsdCheck];
  // Base64 payloads get the same checks, once (a payload inside a payload is not opened again).
  return [...checks, embeddedCheck(checks)];
}

/** Editor features beyond diagnostics (hover, completion), asked in order. */
export function createParticipants(): Participant[] {
  return [xsdParticipant, fhirParticipant, namespaceParticipant, embeddedParticipant];
}
