// National identity numbers in any file (rule family `nin`, NHN-FACTS §5): known PREG test persons
// and plain valid numbers that may be real persons; where the text claims an identity number (FHIR
// identifier, KITH Ident), also invalid numbers and H-numbers. Synthetic numbers (Tenor, SyntPop)
// pass. Every message shows the number masked; fixes offer a synthetic stand-in or the picker.

import type { AnalysisContext, AnalyzedDocument, Check, Finding, Fix, Language } from '../core/types';
import type { Rule } from '../rules/model';
import { ruleFinding } from '../rules/finding';
import { t, type MessageKey } from '../core/messages';
import { classifyNin, maskNin, syntheticFor, type NinInfo } from '../../../../shared/nin-classify';
import { scanCandidates } from './scan';
import { findClaims } from './claims';
import { xmlClaims } from './xml-claims';
import { isXmlDocument, xmlOf } from '../xml/parse';
import { isKnownPregPerson } from './known';
import { MAX_HITS_PER_RULE } from '../text-rules/check';
import { Commands } from '../../../../shared/protocol';

/** The client command that opens the test-person picker to replace a number. */
export const INSERT_TEST_PERSON_COMMAND = Commands.insertTestPerson;

interface Hit {
  start: number;
  end: number;
  digits: string;
  claimed: boolean;
}

/** A file named for production: appsettings.Production.json, application-prod.yml, .env.production, prod.properties. */
export function isProductionFile(uri: string): boolean {
  const name = uri.split(/[\\/]/).pop() ?? '';
  return /(?:^|[._-])(?:prod|production|prd)(?:[._-]|$)/i.test(name);
}

/** Which rule a number breaks, if any. */
function ruleIdFor(hit: Hit, info: NinInfo, production: boolean): string | undefined {
  if (hit.digits.length === 11 && isKnownPregPerson(hit.digits)) return 'nin/preg-test-person';
  if (info.valid) {
    if (info.kind === 'fnr' || info.kind === 'dnr') {
      // Free text needs today's check digits: 2032-rule numbers are not issued yet, and demanding
      // them cuts the chance that a random digit string passes by four (one residue instead of four).
      return hit.claimed || info.checkRule === 'current' ? 'nin/possibly-real-person' : undefined;
    }
    if (info.synthetic) return production && info.checkRule === 'current' ? 'nin/synthetic-in-production' : undefined;
    return info.kind === 'hnr' && hit.claimed ? 'nin/h-number' : undefined;
  }
  if (!hit.claimed) return undefined;
  return info.problem === 'check-digits' ? 'nin/invalid-check-digits' : 'nin/not-an-identity-number';
}

/** "fødselsnummer, born 1977-07-14, male": what the number tells, never the number. */
function describe(info: NinInfo, lang: Language): string {
  const kind = t(lang, `nin-kind-${info.kind}` as MessageKey);
  if (!info.valid) return kind;
  const sex = t(lang, `nin-sex-${info.sex ?? 'unknown'}` as MessageKey);
  return t(lang, 'nin-about', kind, info.birthDate ?? '?', sex);
}

function replacementFixes(doc: AnalyzedDocument, hit: Hit, ctx: AnalysisContext): Fix[] {
  const range = doc.rangeOf(hit.start, hit.end);
  const fixes: Fix[] = [];
  const synthetic = syntheticFor(hit.digits);
  if (synthetic) {
    const spaced = hit.end - hit.start === 12;
    fixes.push({
      title: t(ctx.language, 'nin-replace-synthetic', maskNin(synthetic)),
      edits: [{ range, newText: spaced ? `${synthetic.slice(0, 6)} ${synthetic.slice(6)}` : synthetic }],
    });
  }
  const title = t(ctx.language, 'nin-replace-person');
  fixes.push({
    title,
    command: {
      command: INSERT_TEST_PERSON_COMMAND,
      title,
      // The client reads the number from the document at `range`; only the masked form travels.
      arguments: [{ uri: doc.uri, range, masked: maskNin(hit.digits), scopes: ['occurrence', 'file', 'workspace'] }],
    },
    preferred: true,
  });
  return fixes;
}

/** Claimed numbers first, then free-text candidates outside them; lazily, so a file of millions of numbers holds none. */
function* hitsOf(doc: AnalyzedDocument): Generator<Hit> {
  // XML documents are read structurally from the shared parse; anything else by text patterns.
  const claims = isXmlDocument(doc) ? xmlClaims(doc.text, xmlOf(doc)) : findClaims(doc.text);
  for (const c of claims) yield { start: c.start, end: c.end, digits: c.value.replace(/ /g, ''), claimed: true };
  // Both are in order of start: walk them together, skipping free-text hits inside a claim.
  let i = 0;
  for (const c of scanCandidates(doc.text)) {
    while (i < claims.length && claims[i].end <= c.start) i++;
    if (i < claims.length && claims[i].start < c.end) continue;
    yield { start: c.start, end: c.end, digits: c.digits, claimed: false };
  }
}

export function ninCheck(rules: readonly Rule[]): Check {
  const byId = new Map(rules.filter((r) => r.match.check === 'nin').map((r) => [r.id, r]));
  return {
    name: 'nin',
    family: 'nin',
    // Any file may hold a number; the cheap test is whether it has six digits in a row at all.
    appliesTo: (doc) => /\d{6}/.test(doc.text),
    run(doc: AnalyzedDocument, ctx: AnalysisContext): Finding[] {
      const findings: Finding[] = [];
      const production = isProductionFile(doc.uri);
      // Bounded output on files of millions of numbers: past MAX_HITS_PER_RULE one notice per rule.
      const perRule = new Map<string, number>();
      for (const hit of hitsOf(doc)) {
        const info = classifyNin(hit.digits);
        const ruleId = ruleIdFor(hit, info, production);
        const rule = ruleId ? byId.get(ruleId) : undefined;
        if (!rule) continue;
        const count = (perRule.get(rule.id) ?? 0) + 1;
        perRule.set(rule.id, count);
        if (count > MAX_HITS_PER_RULE) {
          if (count === MAX_HITS_PER_RULE + 1) {
            findings.push({
              ruleId: rule.id,
              range: doc.rangeOf(hit.start, hit.end),
              severity: 'info',
              message: t(ctx.language, 'too-many-hits', MAX_HITS_PER_RULE, rule.id),
            });
          }
          continue;
        }
        const masked = maskNin(hit.digits);
        const detail = describe(info, ctx.language);
        const finding = ruleFinding(rule, doc, { start: hit.start, end: hit.end }, ctx);
        const replaceable = ruleId === 'nin/preg-test-person' || ruleId === 'nin/possibly-real-person';
        findings.push({
          ...finding,
          message: `${masked} (${detail}): ${finding.message}`,
          fixes: [...(replaceable ? replacementFixes(doc, hit, ctx) : []), ...(finding.fixes ?? [])],
          data: {
            ...finding.data,
            hoverDetail: `\`${masked}\`: ${detail}`,
            masked,
            kind: info.kind,
            birthDate: info.birthDate,
            sex: info.sex,
            claimed: hit.claimed,
          },
        });
        if (ctx.signal?.aborted) break;
      }
      return findings;
    },
  };
}
