// Hover on a QuestionnaireResponse item's linkId: the Questionnaire item it answers — its text, type,
// whether it is required or repeats, its answer options or value set, and when it is shown — from the
// questionnaire the response names (contained, same Bundle, or the conformance sources).

import type { AnalysisContext } from '../../core/types';
import { conformanceIndexFor } from '../profiles/sources';
import { valueSpanOf, spanOf, type FhirNode } from '../tree';
import { questionnaireHoverMessages as m, type QuestionnaireHoverMessage } from './messages';
import { questionnaireModel, type QuestionnaireItem } from './model';
import { resolveQuestionnaire } from './resolve';

const MAX_OPTIONS = 12;
const within = (offset: number, s: { start: number; end: number }) => offset >= s.start && offset <= s.end;

/** The innermost QuestionnaireResponse around `offset` and the item linkId `offset` is on. */
function linkIdAt(node: FhirNode, offset: number, response?: FhirNode): { response: FhirNode; linkId: FhirNode } | undefined {
  const here = node.resourceType === 'QuestionnaireResponse' ? node : node.resourceType ? undefined : response;
  for (const child of node.children) {
    if (!within(offset, spanOf(child))) continue;
    if (here && child.name === 'linkId' && node.name === 'item' && typeof child.value === 'string' && within(offset, valueSpanOf(child)))
      return { response: here, linkId: child };
    const deeper = linkIdAt(child, offset, here);
    if (deeper) return deeper;
  }
  return undefined;
}

const shown = (v: unknown): string =>
  v && typeof v === 'object' ? String((v as Record<string, unknown>).code ?? (v as Record<string, unknown>).display ?? JSON.stringify(v)) : String(v);

function describe(item: QuestionnaireItem, t: (k: QuestionnaireHoverMessage, ...a: string[]) => string): string {
  const flags = [item.type && `\`${item.type}\``, item.required && t('required'), item.repeats && t('repeats')].filter(Boolean).join(' · ');
  const lines = [`**${item.linkId}** · ${t('item')}${flags ? ` · ${flags}` : ''}`];
  if (item.text) lines.push('', item.text);
  if (item.answerOptions.length) {
    const list = item.answerOptions.slice(0, MAX_OPTIONS).map((o) => `\`${shown(o.value)}\``);
    lines.push('', `${t('options')}: ${list.join(' | ')}${item.answerOptions.length > MAX_OPTIONS ? ` | … (${item.answerOptions.length})` : ''}`);
  }
  if (item.answerValueSet) lines.push('', `${t('value-set')}: ${item.answerValueSet}`);
  if (item.enableWhen.length)
    lines.push(
      '',
      `${t('enable-when')}: ${item.enableWhen.map((e) => `${e.question} ${e.operator} ${e.answer ? shown(e.answer.value) : ''}`).join(item.enableBehavior === 'any' ? ' | ' : ' & ')}`,
    );
  return lines.join('\n');
}

export async function questionnaireHover(root: FhirNode, offset: number, ctx: AnalysisContext): Promise<string | undefined> {
  const at = linkIdAt(root, offset);
  if (!at) return undefined;
  const t = (k: QuestionnaireHoverMessage, ...a: string[]) => m.text(ctx.language, k, ...a);
  const canonical = at.response.children.find((c) => c.name === 'questionnaire')?.value;
  if (typeof canonical !== 'string' || !canonical) return undefined;
  const json = await resolveQuestionnaire(at.response, root, canonical, () => conformanceIndexFor(ctx));
  if (!json) return t('questionnaire-not-found', canonical);
  const item = questionnaireModel(json).byLinkId.get(String(at.linkId.value));
  return item ? describe(item, t) : t('not-in-questionnaire', String(at.linkId.value), canonical);
}
