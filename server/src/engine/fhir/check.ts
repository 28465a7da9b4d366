// The FHIR R4 check: a JSON or XML document whose root is a FHIR resource is validated against the
// base R4 StructureDefinitions (and its profiles), then its invariants with FHIRPath.

import type { AnalysisContext, AnalyzedDocument, Check, DocumentForm, EngineDocument, Finding } from '../core/types';
import { fhirText } from './messages';
import { parseFhirJson, looksLikeFhirJson } from './json';
import { looksLikeFhirXml, parseFhirXml } from './xml';
import { isXmlDocument, xmlOf } from '../xml/parse';
import { nameSpanOf, type FhirDocument, type FhirNode, type Span } from './tree';
import type { Issue, Report } from './validate/issue';
import { EntryUnits } from './entry-units';
import { checkInvariants } from './validate/invariants';
import { Walker } from './validate/walker';
import { checkProfiles, ProfileSession } from './profiles/check-profiles';
import { checkExtensions } from './extensions/check-extensions';
import { checkQuestionnaireResponses } from './questionnaire/check-response';
import { checkMeasures } from './measure/check-measures';
import { checkDifferentialPaths } from './validate/differential-paths';
import { checkSearchParameter } from './validate/search-parameter';
import { checkSdSlicing } from './validate/sd-slicing';
import { checkSdFixedBase } from './validate/sd-fixed-base';

const SOURCE = 'https://hl7.org/fhir/R4/validation.html';
const JSON_LANGUAGES = new Set(['json', 'jsonc']);

export function isFhirCandidate(doc: EngineDocument): boolean {
  if (JSON_LANGUAGES.has(doc.languageId)) return looksLikeFhirJson(doc.text);
  return isXmlDocument(doc) && looksLikeFhirXml(doc.text);
}

/** The parse a JSON Bundle keeps for the parse of the document's next version (json-plain.ts). */
const PREVIOUS_PARSE = 'fhir.previous-parse';

/**
 * The FHIR form of a document: JSON with the plain builder (else jsonc-parser), XML through the shared XML
 * form; parsed once per analysis. A JSON Bundle's parse is kept for the next version's, which takes over
 * its unchanged entries.
 */
const FHIR_FORM: DocumentForm<FhirDocument | undefined> = {
  name: 'fhir',
  parse(doc) {
    if (!JSON_LANGUAGES.has(doc.languageId)) return parseFhirXml(doc.text, xmlOf(doc));
    const parsed = parseFhirJson(doc.text, undefined, doc.recall(PREVIOUS_PARSE) as FhirDocument | undefined);
    if (parsed?.entriesReusable) doc.keep(PREVIOUS_PARSE, parsed);
    return parsed;
  },
};

/** The document's FHIR tree if it is FHIR, shared by every check and participant of one analysis. */
export function parseFhir(doc: AnalyzedDocument): FhirDocument | undefined {
  if (!isFhirCandidate(doc)) return undefined;
  return doc.parsed(FHIR_FORM);
}

export function resourceTypesIn(node: FhirNode, out = new Set<string>()): Set<string> {
  if (node.resourceType) out.add(node.resourceType);
  // Indexed: a for-of here allocated an iterator per node (1.6 MB per edit of a 2 000-entry Bundle).
  const children = node.children;
  for (let i = 0; i < children.length; i++) if (children[i].kind === 'object') resourceTypesIn(children[i], out);
  return out;
}

export interface FhirCheckOptions {
  /** The fewest entries of a Bundle that is checked entry by entry (fhir/entry-units.ts); Infinity: never. */
  entryUnitsFrom?: number;
}

export function fhirCheck(options: FhirCheckOptions = {}): Check {
  return {
    name: 'fhir-r4',
    family: 'fhir',
    appliesTo: isFhirCandidate,
    async run(doc: AnalyzedDocument, ctx: AnalysisContext): Promise<Finding[]> {
      const defs = ctx.caches.fhir.r4();
      const parsed = parseFhir(doc);
      if (!defs || !parsed || !(await defs.load())) return [];
      await defs.loadValueSets();
      const resourceTypes = parsed.resourceTypes ?? resourceTypesIn(parsed.root);
      await Promise.all([...resourceTypes].map((t) => defs.ensure(t)));
      const issues: Issue[] = [];
      const report = (i: Issue) => issues.push(i);
      for (const e of parsed.syntaxErrors) report({ rule: 'fhir/json-syntax', severity: 'error', span: e.span, message: 'json-syntax', args: [e.message] });
      const units = EntryUnits.of(parsed, defs, resourceTypes, doc, ctx, options.entryUnitsFrom);
      const walker = new Walker(defs, parsed, report, { entry: units?.walk });
      walker.resource(parsed.root);
      const session = new ProfileSession(defs, parsed, ctx);
      const notEvaluated = await checkWalked(doc.uri, walker, parsed.root, session, report);
      if (units) {
        // The entries walked in this analysis, then every entry's issues after the Bundle's.
        await units.check(session, ctx.signal);
        for (const i of units.results(notEvaluated)) issues.push(i);
        units.keep(doc, ctx.signal);
      }
      if (notEvaluated.size) {
        const keys = [...notEvaluated].sort();
        report({
          rule: 'fhir/invariant-not-evaluated',
          severity: 'info',
          span: parsed.root.resourceTypeSpan ?? nameSpanOf(parsed.root),
          message: 'not-evaluated',
          args: [keys.length, keys.join(', ')],
        });
      }
      // One text per message and arguments: a Bundle's 2 000 resources without narrative give 2 000 dom-6
      // hints with the same two texts, filled in once each (and sharing one string).
      const texts = new Map<string, string>();
      const text = (key: Issue['message'], args: Issue['args']): string => {
        // Each argument as the texts read it (String), length first: no two argument lists share a key.
        let memo: string = key;
        for (let a = 0; a < args.length; a++) {
          const s = String(args[a]);
          memo += `|${s.length}:${s}`;
        }
        let out = texts.get(memo);
        if (out === undefined) texts.set(memo, (out = fhirText(ctx.language, key, ...args)));
        return out;
      };
      const reported = new Set<string>();
      const findings: Finding[] = [];
      for (const i of issues) {
        if (i.once !== undefined) {
          if (reported.has(i.once)) continue;
          reported.add(i.once);
        }
        findings.push(toFinding(i, doc, text));
      }
      return findings;
    },
  };
}

/**
 * The passes after the walk, over what `walker` met: profiles, extensions, the resource-specific checks,
 * then the invariants (profiles add sites). Returns the keys of the invariants that could not be evaluated.
 */
async function checkWalked(uri: string, walker: Walker, root: FhirNode, session: ProfileSession, report: Report): Promise<Set<string>> {
  const { defs, doc: parsed, ctx } = session;
  await checkProfiles(uri, walker.resources, session, report, walker.invariants, walker.rootResources);
  await checkExtensions(walker.extensions, session, report, walker.invariants, walker.rootResources);
  await checkQuestionnaireResponses(walker.resources, root, defs, parsed, ctx, report);
  await checkMeasures(walker.resources, root, parsed, ctx, report);
  for (const r of walker.resources) {
    if (r.resourceType === 'SearchParameter') checkSearchParameter(r, (t) => defs.isResource(t), parsed, report);
    else if (r.resourceType === 'StructureDefinition') {
      await checkDifferentialPaths(r, defs, parsed, report);
      await checkSdSlicing(r, defs, parsed, report);
      await checkSdFixedBase(r, defs, parsed, ctx, report);
    }
  }
  return checkInvariants(walker.invariants, report, ctx.caches.fhir.fhirpath, ctx.signal);
}

function toFinding(i: Issue, doc: AnalyzedDocument, text: (key: Issue['message'], args: Issue['args']) => string): Finding {
  const range = (s: Span) => doc.rangeOf(s.start, s.end);
  return {
    ruleId: i.rule,
    range: range(i.span),
    severity: i.severity,
    message: text(i.message, i.args),
    source: i.source ?? SOURCE,
    fixes: i.fix
      ? [
          {
            title: text(i.fix.title, i.fix.args),
            edits: [{ range: range(i.fix.span), newText: i.fix.text }],
            preferred: true,
            certain: true,
          },
        ]
      : undefined,
  };
}
