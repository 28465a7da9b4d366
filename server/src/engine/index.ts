// The engine's public surface for the server, the CLI and the tests: `createEngine(host)` and the
// vocabulary its callers speak. Adapters (lsp/, cli/) import this file only.

export * from './core/types';
export type { EngineHost } from './core/host';
export { createEngine, type Engine, type EngineOptions } from './engine';
export { createChecks, createParticipants } from './features';
export type { SchemaEditEffect } from './xsd/edits';
export type { LiteralStrategy } from './text-rules/check';
export type { FileChange, WorkspaceEffect, WorkspaceIndexStats } from './workspace';
export type { SchemaStatus } from './xsd/participant';
export type { SchemaDownloader, DownloadResult, DownloadFailure } from './xsd/downloads';
export type { XsdService } from './xsd/service';
export { analyze, ruleSetting, type AnalysisResult, type Skip } from './core/analyze';
export { analyzed } from './core/document';
export { t, type MessageKey } from './core/messages';
export { suppressionComment, UNUSED_SUPPRESSION } from './core/suppress';
export { resolveToday } from './rules/dates';
export { languageIdFor } from './core/languages';
export { BUILTIN_RULES, findRule } from './rules/builtin';
export { ruleHover } from './rules/finding';
export type { Rule } from './rules/model';
export { outgoingText, outgoingJson, outgoingFinding, maskIdentityNumbers, boundValue } from '../../../shared/outgoing';
export { classifyNin, maskNin, syntheticFor, checkDigitsFor, type NinInfo, type NinKind } from '../../../shared/nin-classify';
export { namespaceInfo, namespaceLabel, successorOf, versionsOf, NAMESPACES, type NamespaceEntry, type NamespaceStatus } from './namespaces/catalog';
export { isXmlDocument } from './xml/parse';
export { pathOfUri } from './xsd/paths';
