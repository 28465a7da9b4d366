// The engine's public surface for the server, the CLI and the tests.

import type { Check, Participant } from './types';
import type { Rule } from './rules/model';
import { BUILTIN_RULES } from './rules/builtin';
import { textRulesCheck } from './checks/text-rules';
import { xmlWellFormedCheck } from './checks/xml-wellformed';
import { ninCheck } from './checks/nin';
import { fhirCheck } from './fhir/check';
import { xsdCheck } from './xsd/check';
import { namespaceRulesCheck } from './checks/namespace-rules';
import { xmlRulesCheck } from './checks/xml-rules';
import { embeddedCheck } from './checks/embedded';
import { embeddedParticipant } from './embedded-participant';
import { xsdParticipant } from './xsd/participant';
import { fhirParticipant } from './fhir/participant';
import { namespaceParticipant } from './namespace-participant';

export * from './types';
export { invalidateSchemas } from './xsd/resolve';
export { schemaTextChanged, type SchemaEditEffect } from './xsd/edits';
export { forgetSchemaUse } from './xsd/usage';
export { schemaStatus, type SchemaStatus } from './xsd/participant';
export { analyze, ruleSetting, type AnalysisResult, type Skip } from './analyze';
export { resolveToday } from './rules/dates';
export { languageIdFor } from './languages';
export { BUILTIN_RULES, findRule } from './rules/builtin';
export { ruleHover } from './rules/finding';
export type { Rule } from './rules/model';
export { classifyNin, maskNin, syntheticFor, checkDigitsFor, type NinInfo, type NinKind } from './nin/classify';
export { namespaceInfo, namespaceLabel, successorOf, versionsOf, NAMESPACES, type NamespaceEntry, type NamespaceStatus } from './namespaces';

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
