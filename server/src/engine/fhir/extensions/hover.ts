// Hover on an extension's url: what its definition says — value types, parts of a complex extension,
// where it may be used, whether it is a modifier — or that no definition was found.

import type { AnalysisContext } from '../../core/types';
import type { R4Definitions } from '../definitions/store';
import { conformanceIndexFor } from '../profiles/sources';
import { valueSpanOf, spanOf, type FhirNode } from '../tree';
import { resolveExtension } from './check-extensions';
import { extensionMessages, type ExtensionMessage } from './messages';

const within = (offset: number, s: { start: number; end: number }) => offset >= s.start && offset <= s.end;

/** The extension whose url `offset` is on (descending only into the nodes that contain it). */
function extensionAt(node: FhirNode, offset: number): FhirNode | undefined {
  for (const child of node.children) {
    if (!within(offset, spanOf(child))) continue;
    if (child.name === 'extension' || child.name === 'modifierExtension') {
      const url = child.children.find((c) => c.name === 'url');
      if (url && typeof url.value === 'string' && within(offset, valueSpanOf(url))) return child;
    }
    const deeper = extensionAt(child, offset);
    if (deeper) return deeper;
  }
  return undefined;
}

export async function extensionHover(root: FhirNode, offset: number, defs: R4Definitions, ctx: AnalysisContext): Promise<string | undefined> {
  const ext = extensionAt(root, offset);
  const url = String(ext?.children.find((c) => c.name === 'url')?.value ?? '');
  if (!ext || !/^[a-z][a-z0-9+.-]*:/i.test(url)) return undefined;
  const t = (k: ExtensionMessage) => extensionMessages.text(ctx.language, k);
  const layer = await resolveExtension(defs, await conformanceIndexFor(ctx), url.split('|')[0]);
  if (!layer) return `**${url}**\n\n${t('not-found')}`;
  const top = layer.elements.get('Extension');
  const value = layer.elements.get('Extension.value[x]');
  const parts = layer.slices.get('Extension.extension') ?? [];
  const lines = [`**${layer.name}** · ${layer.isModifier ? t('modifier') : t('extension')} · ${url}`];
  if (top?.short) lines.push('', top.short);
  if (value?.max === '0') lines.push('', `${t('value')}: ${t('no-value')}`);
  else if (value?.types?.length) lines.push('', `${t('value')}: ${value.types.map((x) => `\`${x.code}\``).join(' | ')}`);
  if (parts.length) lines.push('', `${t('parts')}: ${parts.map((p) => `\`${p.name}\` ${p.min}..${p.max}`).join(', ')}`);
  if (layer.context.length) lines.push('', `${t('context')}: ${layer.context.map((c) => c.expression).join(', ')}`);
  return lines.join('\n');
}
