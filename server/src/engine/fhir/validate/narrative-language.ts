// A profile's narrative-language-control on a resource's text: language sections are the narrative
// div's child divs marked with lang / xml:lang. `_no` prohibits them, `_yes` requires some,
// `_resource` requires one for the resource's language, and a language code requires one for it.

import { parseXml } from '../../xml/parse';
import type { XmlElement } from '../../xml/model';
import { nameSpanOf, type FhirNode } from '../tree';
import type { Report } from './issue';

/** The languages of the div's language sections, in document order. */
export function languageSections(xhtml: string): string[] {
  const root = parseXml(xhtml).root;
  const out: string[] = [];
  for (const c of root?.children ?? []) {
    if (c.kind !== 'element') continue;
    const lang = (c as XmlElement).attributes.find((a) => a.local === 'lang')?.value;
    if ((c as XmlElement).local === 'div' && lang) out.push(lang);
  }
  return out;
}

export function checkNarrativeLanguage(text: FhirNode, control: string[], resource: FhirNode, path: string, report: Report): void {
  const div = text.children.find((c) => c.name === 'div');
  if (typeof div?.value !== 'string') return;
  const sections = languageSections(div.value);
  const found = [...new Set(sections)].sort().join(', ') || '-';
  const say = (message: 'narrative-languages-prohibited' | 'narrative-languages-required' | 'narrative-language-missing', args: string[]) =>
    report({ rule: 'fhir/narrative-language', severity: 'error', span: nameSpanOf(text), message, args: [path, ...args] });
  for (const c of control) {
    if (c === '_no') {
      if (sections.length) say('narrative-languages-prohibited', [found]);
    } else if (c === '_yes') {
      if (!sections.length) say('narrative-languages-required', []);
    } else {
      const lang = c === '_resource' ? resource.children.find((n) => n.name === 'language')?.value : c;
      if (typeof lang === 'string' && lang && !sections.includes(lang)) say('narrative-language-missing', [lang, found]);
    }
  }
}
