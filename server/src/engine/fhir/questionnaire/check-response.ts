// QuestionnaireResponse against its Questionnaire: every response item's linkId is one of the
// questionnaire's, at its place and in its order; required items are answered; items that do not
// repeat occur and are answered once; groups hold items and display items nothing; an item that is
// disabled by enableWhen carries no answer; each answer is checked by `checkAnswer`. An in-progress
// response may still lack required answers (warnings, as the reference validator says).

import type { AnalysisContext } from '../../core/types';
import type { ExpandedValueSet } from '../definitions/model';
import type { R4Definitions } from '../definitions/store';
import { expandValueSets, type RawValueSet } from '../definitions/expand';
import { profileValueSet } from '../profiles/check-profiles';
import { conformanceIndexFor, type ConformanceIndex } from '../profiles/sources';
import { nameSpanOf, textSpan, type FhirDocument, type FhirNode, type Span } from '../tree';
import type { Issue, Report } from '../validate/issue';
import { checkAnswer, type AnswerRun } from './answers';
import { isEnabled } from './enable-when';
import { itemExtension, numberOf, objects, questionnaireModel, type Json, type QuestionnaireItem, type QuestionnaireModel } from './model';
import { resolveQuestionnaire } from './resolve';
import { loadUcum } from './ucum';

const child = (n: FhirNode | undefined, name: string) => n?.children.find((c) => c.name === name);
const kids = (n: FhirNode | undefined, name: string) => (n ? n.children.filter((c) => c.name === name) : []);

interface Walk {
  model: QuestionnaireModel;
  doc: FhirDocument;
  report: Report;
  answers: AnswerRun;
  inProgress: boolean;
}

export async function checkQuestionnaireResponses(
  resources: FhirNode[],
  root: FhirNode,
  defs: R4Definitions,
  doc: FhirDocument,
  ctx: AnalysisContext,
  report: Report,
): Promise<void> {
  const responses = resources.filter((r) => r.resourceType === 'QuestionnaireResponse');
  if (!responses.length) return;
  let index: Promise<ConformanceIndex> | undefined;
  const getIndex = () => (index ??= conformanceIndexFor(ctx));
  for (const response of responses) {
    const ref = child(response, 'questionnaire');
    if (typeof ref?.value !== 'string' || !ref.value) continue;
    const json = await resolveQuestionnaire(response, root, ref.value, getIndex);
    if (!json) {
      // example.org names no real questionnaire: a hint there, as the reference validator does.
      const example = /^https?:\/\/example\.org\//.test(ref.value);
      report({
        rule: 'fhir/questionnaire-not-found',
        severity: example ? 'hint' : 'info',
        span: textSpan(ref, doc.format),
        message: 'questionnaire-not-found',
        args: [ref.value],
      });
      continue;
    }
    const model = questionnaireModel(json);
    const valueSets = await valueSetsOf(model, defs, getIndex);
    const items = [...model.byLinkId.values()];
    const needsUcum = items.some((i) => itemExtension(i, 'minQuantity').length || itemExtension(i, 'maxQuantity').length);
    const answers: AnswerRun = {
      doc,
      report,
      isResource: (t) => defs.isResource(t),
      valueSet: (url) => valueSets.get(url) ?? null,
      ucum: needsUcum ? await loadUcum() : undefined,
    };
    const walk: Walk = { model, doc, report, answers, inProgress: child(response, 'status')?.value === 'in-progress' };
    walkItems(response, model.items, [response], 'QuestionnaireResponse', walk);
  }
}

/** The value sets the questionnaire's items name, expanded before the synchronous walk. */
async function valueSetsOf(model: QuestionnaireModel, defs: R4Definitions, index: () => Promise<ConformanceIndex>): Promise<Map<string, ExpandedValueSet>> {
  const urls = new Set<string>();
  for (const item of model.byLinkId.values()) {
    if (item.answerValueSet) urls.add(item.answerValueSet);
    const unit = itemExtension(item, 'unitValueSet')[0]?.value;
    if (typeof unit === 'string') urls.add(unit);
  }
  const out = new Map<string, ExpandedValueSet>();
  for (const url of urls) {
    const plain = url.split('|')[0];
    let vs: ExpandedValueSet | undefined;
    if (plain.startsWith('#')) {
      const contained = objects(model.json.contained).find((c) => c.resourceType === 'ValueSet' && c.id === plain.slice(1)) as Json | undefined;
      if (contained) vs = expandValueSets([plain], [{ ...(contained as unknown as RawValueSet), url: plain }], [])[plain];
    } else {
      vs = defs.valueSets?.[plain] ?? (await profileValueSet(await index(), plain));
    }
    if (vs) out.set(url, vs);
  }
  return out;
}

function say(walk: Walk, rule: string, span: Span, message: Issue['message'], args: (string | number)[], severity: Issue['severity'] = 'error'): void {
  walk.report({ rule, severity, span, message, args });
}

/** Where an item's findings go: its linkId's text, else the item itself. */
function itemSpan(item: FhirNode, doc: FhirDocument): Span {
  const linkId = child(item, 'linkId');
  return linkId && linkId.kind !== 'object' ? textSpan(linkId, doc.format) : nameSpanOf(item);
}

function containerSpan(container: FhirNode, doc: FhirDocument): Span {
  if (container.resourceType) return container.resourceTypeSpan ?? nameSpanOf(container);
  return container.name === 'item' ? itemSpan(container, doc) : nameSpanOf(container);
}

/** The response items under `container` against the questionnaire items `qItems` at that level. */
function walkItems(container: FhirNode, qItems: QuestionnaireItem[], ancestry: FhirNode[], path: string, walk: Walk): void {
  const present = new Map<string, { node: FhirNode; path: string }[]>();
  let last = -1;
  kids(container, 'item').forEach((node, i) => {
    const itemPath = `${path}.item[${i}]`;
    const linkId = child(node, 'linkId')?.value;
    if (typeof linkId !== 'string') return; // QuestionnaireResponse.item.linkId is 1..1: the structure check says so
    const at = qItems.findIndex((q) => q.linkId === linkId);
    if (at < 0) {
      const elsewhere = walk.model.byLinkId.get(linkId);
      if (!elsewhere) {
        say(walk, 'fhir/questionnaire-item', itemSpan(node, walk.doc), 'qr-link-id-not-found', [itemPath, linkId]);
        return;
      }
      say(walk, 'fhir/questionnaire-item', itemSpan(node, walk.doc), 'qr-misplaced', [itemPath, linkId]);
      checkItem(node, elsewhere, [...ancestry, node], itemPath, walk);
      return;
    }
    if (at < last) say(walk, 'fhir/questionnaire-item', itemSpan(node, walk.doc), 'qr-order', [itemPath, linkId, qItems[last].linkId]);
    last = Math.max(last, at);
    present.set(linkId, [...(present.get(linkId) ?? []), { node, path: itemPath }]);
  });
  for (const q of qItems) {
    const list = present.get(q.linkId);
    const enabled = isEnabled(q, ancestry);
    if (!list) {
      if (enabled === true && q.required)
        say(
          walk,
          'fhir/questionnaire-required',
          containerSpan(container, walk.doc),
          'qr-required-missing',
          [path, q.linkId],
          walk.inProgress ? 'warning' : 'error',
        );
      continue;
    }
    if (enabled === false) {
      for (const { node, path: p } of list) {
        if (kids(node, 'answer').length || kids(node, 'item').length)
          say(walk, 'fhir/questionnaire-enable-when', itemSpan(node, walk.doc), 'qr-not-enabled', [p, q.linkId]);
      }
    }
    if (list.length > 1 && !q.repeats)
      say(walk, 'fhir/questionnaire-item', itemSpan(list[1].node, walk.doc), 'qr-only-one-item', [list[1].path, q.linkId, list.length]);
    for (const { node, path: p } of list) checkItem(node, q, [...ancestry, node], p, walk, enabled);
  }
}

function checkItem(node: FhirNode, q: QuestionnaireItem, ancestry: FhirNode[], path: string, walk: Walk, enabled: boolean | undefined = true): void {
  const answers = kids(node, 'answer');
  const nested = kids(node, 'item');
  const span = itemSpan(node, walk.doc);
  const text = child(node, 'text');
  if (typeof text?.value === 'string' && q.text !== undefined && text.value !== q.text) {
    say(walk, 'fhir/questionnaire-item', textSpan(text, walk.doc.format), 'qr-text', [path, q.linkId, q.text]);
  }
  if (q.type === 'display') {
    if (answers.length) say(walk, 'fhir/questionnaire-item', nameSpanOf(answers[0]), 'qr-display-answer', [path, q.linkId]);
    if (nested.length) say(walk, 'fhir/questionnaire-item', nameSpanOf(nested[0]), 'qr-display-items', [path, q.linkId]);
    return;
  }
  if (q.type === 'group') {
    if (answers.length) say(walk, 'fhir/questionnaire-item', nameSpanOf(answers[0]), 'qr-group-answer', [path, q.linkId]);
    if (q.required && enabled === true && !nested.length)
      say(walk, 'fhir/questionnaire-required', span, 'qr-required-group-empty', [path, q.linkId], walk.inProgress ? 'warning' : 'error');
    walkItems(node, q.items, ancestry, path, walk);
    return;
  }
  const severity = walk.inProgress ? 'warning' : 'error';
  if (enabled === true && q.required && !answers.length) say(walk, 'fhir/questionnaire-required', span, 'qr-required-missing', [path, q.linkId], severity);
  const minOccurs = numberOf(itemExtension(q, 'minOccurs')[0]?.value);
  const maxOccurs = numberOf(itemExtension(q, 'maxOccurs')[0]?.value);
  if (enabled === true && minOccurs !== undefined && answers.length < minOccurs)
    say(walk, 'fhir/questionnaire-required', span, 'qr-min-occurs', [path, q.linkId, minOccurs, answers.length], severity);
  if (maxOccurs !== undefined && answers.length > maxOccurs)
    say(walk, 'fhir/questionnaire-required', nameSpanOf(answers[maxOccurs]), 'qr-max-occurs', [path, q.linkId, maxOccurs, answers.length]);
  if (answers.length > 1 && !q.repeats) say(walk, 'fhir/questionnaire-item', nameSpanOf(answers[1]), 'qr-only-one-answer', [path, q.linkId, answers.length]);
  if (nested.length) say(walk, 'fhir/questionnaire-item', nameSpanOf(nested[0]), 'qr-items-outside-answer', [path, q.linkId]);
  answers.forEach((answer, j) => {
    const answerPath = `${path}.answer[${j}]`;
    checkAnswer(answer, q, answerPath, walk.answers);
    if (q.items.length || kids(answer, 'item').length) walkItems(answer, q.items, [...ancestry, answer], answerPath, walk);
  });
}
