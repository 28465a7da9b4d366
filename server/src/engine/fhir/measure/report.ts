// MeasureReport against the Measure it reports on (found contained, in the same Bundle, or in the
// conformance sources), as the reference validator checks it: report groups match the Measure's groups
// (one anonymous group, else by code), populations and stratifiers match the group's by code, each
// once and none missing; subjectResults only in subject-list reports, where count equals their number;
// measureScore banned for data-collection reports and cohort measures, required (a 0..1 number
// without unit for proportions) for proportion, ratio and continuous-variable measures.

import { nameSpanOf, textSpan, type FhirDocument, type FhirNode } from '../tree';
import type { Report } from '../validate/issue';
import { objects, type Json } from '../questionnaire/model';
import type { FhirMessage } from '../messages';

const POPULATION = 'http://terminology.hl7.org/CodeSystem/measure-population';

const child = (n: FhirNode | undefined, name: string) => n?.children.find((c) => c.name === name);
const kids = (n: FhirNode | undefined, name: string) => (n ? n.children.filter((c) => c.name === name) : []);
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

interface Concept {
  codings: [string | undefined, string | undefined][];
  text?: string;
}

function conceptOfNode(n: FhirNode | undefined): Concept | undefined {
  if (!n) return undefined;
  const codings = kids(n, 'coding').map((c) => [str(child(c, 'system')?.value), str(child(c, 'code')?.value)] as [string | undefined, string | undefined]);
  return { codings, text: str(child(n, 'text')?.value) };
}

function conceptOfJson(j: unknown): Concept | undefined {
  const o = objects(j)[0];
  if (!o) return undefined;
  return { codings: objects(o.coding).map((c) => [str(c.system), str(c.code)]), text: str(o.text) };
}

/** Does the report's concept carry one of the definition's codings (system and code)? */
const hasCodingOf = (report: Concept, def: Concept | undefined) => !!def?.codings.some(([s, c]) => report.codings.some(([rs, rc]) => rs === s && rc === c));

const describe = (c: Concept | undefined) => (c ? c.codings.map(([s, k]) => `${s ?? ''}#${k ?? ''}`).join(', ') || c.text || '-' : '-');

const anchor = (n: FhirNode) => (n.resourceTypeSpan && n.name === '' ? n.resourceTypeSpan : nameSpanOf(n));

interface Run {
  doc: FhirDocument;
  report: Report;
  type: string;
  scoring: string | undefined;
}

function issue(run: Run, node: FhirNode, message: FhirMessage, args: (string | number)[]): void {
  run.report({ rule: 'fhir/measure-report', severity: 'error', span: anchor(node), message, args });
}

export function checkMeasureReport(mr: FhirNode, measure: Json, doc: FhirDocument, report: Report): void {
  const scoring = conceptOfJson(measure.scoring)?.codings[0]?.[1];
  const run: Run = { doc, report, type: str(child(mr, 'type')?.value) ?? '', scoring };
  const groups = kids(mr, 'group');
  const defs = objects(measure.group);
  if (groups.length === 1 && defs.length === 1) {
    const code = conceptOfNode(child(groups[0], 'code'));
    const def = conceptOfJson(defs[0].code);
    if (code && def && !hasCodingOf(code, def)) issue(run, groups[0], 'mr-group-wrong-code', ['MeasureReport.group[0]', describe(code), describe(def)]);
    checkGroup(groups[0], defs[0], 'MeasureReport.group[0]', run);
    return;
  }
  const seen = new Set<Json>();
  groups.forEach((g, i) => {
    const path = `MeasureReport.group[${i}]`;
    const code = conceptOfNode(child(g, 'code'));
    if (!code) return issue(run, g, 'mr-group-no-code', [path]);
    const def = defs.find((d) => hasCodingOf(code, conceptOfJson(d.code)));
    if (!def) return issue(run, g, 'mr-group-unknown-code', [path, describe(code)]);
    if (seen.has(def)) return issue(run, g, 'mr-duplicate', [path, describe(code)]);
    seen.add(def);
    checkGroup(g, def, path, run);
  });
  if (run.type !== 'data-collection')
    for (const d of defs) if (!seen.has(d)) issue(run, mr, 'mr-group-missing', ['MeasureReport', describe(conceptOfJson(d.code))]);
}

function checkGroup(group: FhirNode, def: Json, path: string, run: Run): void {
  const popDefs = objects(def.population);
  const seen = new Set<Json>();
  kids(group, 'population').forEach((p, i) => {
    const ppath = `${path}.population[${i}]`;
    const code = conceptOfNode(child(p, 'code'));
    if (!code) return issue(run, p, 'mr-no-code', [ppath]);
    const pd = popDefs.find((d) => hasCodingOf(code, conceptOfJson(d.code)));
    if (!pd) return issue(run, p, 'mr-population-unknown-code', [ppath, describe(code)]);
    if (seen.has(pd)) return issue(run, p, 'mr-duplicate', [ppath, describe(code)]);
    seen.add(pd);
    checkPopulation(p, ppath, run);
  });
  for (const d of popDefs) {
    const code = conceptOfJson(d.code);
    if (!seen.has(d) && !code?.codings.some(([s, c]) => s === POPULATION && c === 'measure-observation'))
      issue(run, group, 'mr-missing', [path, describe(code)]);
  }
  checkScore(group, path, run);
  const stratDefs = objects(def.stratifier);
  const strats = new Set<Json>();
  kids(group, 'stratifier').forEach((s, i) => {
    const spath = `${path}.stratifier[${i}]`;
    const code = conceptOfNode(child(s, 'code'));
    if (!code) return issue(run, s, 'mr-no-code', [spath]);
    const sd = stratDefs.find((d) => {
      const dc = conceptOfJson(d.code);
      if (!dc) return false;
      if (hasCodingOf(code, dc)) return true;
      return !code.codings.length && !dc.codings.length && !!code.text && code.text === dc.text;
    });
    if (!sd) return issue(run, s, 'mr-stratifier-unknown-code', [spath, describe(code)]);
    if (strats.has(sd)) return issue(run, s, 'mr-duplicate', [spath, describe(code)]);
    strats.add(sd);
  });
  for (const d of stratDefs) if (!strats.has(d)) issue(run, group, 'mr-missing', [path, describe(conceptOfJson(d.code))]);
}

function checkPopulation(p: FhirNode, path: string, run: Run): void {
  const subjects = kids(p, 'subjectResults');
  if (run.type === 'subject-list') {
    const count = Number(child(p, 'count')?.value);
    if (child(p, 'count') && Number.isInteger(count) && count !== subjects.length) issue(run, p, 'mr-count-mismatch', [path, count, subjects.length]);
  } else if (subjects.length) {
    run.report({ rule: 'fhir/measure-report', severity: 'error', span: nameSpanOf(subjects[0]), message: 'mr-subjects-not-listed', args: [path, run.type] });
  }
}

function checkScore(group: FhirNode, path: string, run: Run): void {
  const score = child(group, 'measureScore');
  const spath = `${path}.measureScore`;
  if (run.type === 'data-collection' || run.scoring === 'cohort') {
    if (score)
      run.report({
        rule: 'fhir/measure-report',
        severity: 'error',
        span: nameSpanOf(score),
        message: 'mr-score-prohibited',
        args: [spath, run.type === 'data-collection' ? 'type data-collection' : 'scoring cohort'],
      });
    return;
  }
  if (!run.scoring || !['proportion', 'ratio', 'continuous-variable'].includes(run.scoring)) return;
  if (!score) {
    issue(run, group, 'mr-score-required', [spath, run.scoring]);
    return;
  }
  const value = child(score, 'value');
  if (!value) {
    issue(run, score, 'mr-score-value-required', [spath, run.scoring]);
    return;
  }
  if (run.scoring !== 'proportion') return;
  for (const name of ['unit', 'system', 'code']) {
    const n = child(score, name);
    if (n) run.report({ rule: 'fhir/measure-report', severity: 'error', span: nameSpanOf(n), message: 'mr-score-unit', args: [`${spath}.${name}`] });
  }
  const v = Number(value.value);
  if (Number.isFinite(v) && (v < 0 || v > 1))
    run.report({
      rule: 'fhir/measure-report',
      severity: 'error',
      span: textSpan(value, run.doc.format),
      message: 'mr-score-range',
      args: [`${spath}.value`, String(value.value)],
    });
}
