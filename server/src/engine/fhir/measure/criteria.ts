// A Measure's stratifier criteria in CQL against the Library that holds them, as the reference
// validator checks them: `Library.Definition` names one of the Measure's libraries (a bare name needs
// exactly one), the library carries its ELM (application/elm+xml), and the ELM defines the name.
// Population criteria are not checked there either.

import { parseXml } from '../../xml/parse';
import type { XmlElement } from '../../xml/model';
import { textSpan, type FhirDocument, type FhirNode } from '../tree';
import type { Report } from '../validate/issue';
import { objects, type Json } from '../questionnaire/model';

const ELM_NS = 'urn:hl7-org:elm:r1';

const child = (n: FhirNode | undefined, name: string) => n?.children.find((c) => c.name === name);
const kids = (n: FhirNode | undefined, name: string) => (n ? n.children.filter((c) => c.name === name) : []);
const elements = (e: XmlElement | undefined, local: string) => (e?.children ?? []).filter((c): c is XmlElement => c.kind === 'element' && c.local === local);

/** The names an ELM library defines (`library/statements/def/@name`), or why there are none. */
export function elmDefinitions(library: Json): Set<string> | 'no-elm' | 'not-elm' {
  const content = objects(library.content).find((c) => c.contentType === 'application/elm+xml' && typeof c.data === 'string');
  if (!content) return 'no-elm';
  const xml = parseXml(Buffer.from(String(content.data), 'base64').toString('utf8'));
  const root = xml.root;
  if (!root || root.local !== 'library' || root.ns !== ELM_NS) return 'not-elm';
  const names = new Set<string>();
  for (const statements of elements(root, 'statements')) {
    for (const def of elements(statements, 'def')) {
      const name = def.attributes.find((a) => a.local === 'name' && !a.prefix)?.value;
      if (name) names.add(name);
    }
  }
  return names;
}

export function checkMeasureCriteria(measure: FhirNode, libraries: Json[], doc: FhirDocument, report: Report): void {
  kids(measure, 'group').forEach((group, g) => {
    kids(group, 'stratifier').forEach((stratifier, s) => {
      const criteria = child(stratifier, 'criteria');
      const language = child(criteria, 'language')?.value;
      const expression = child(criteria, 'expression');
      if (!criteria || (language !== 'text/cql' && language !== 'text/cql.identifier') || typeof expression?.value !== 'string') return;
      const path = `Measure.group[${g}].stratifier[${s}].criteria`;
      const at = textSpan(expression, doc.format);
      const say = (message: 'mc-no-library' | 'mc-library-not-found' | 'mc-one-library' | 'mc-no-elm' | 'mc-not-defined', args: (string | number)[]) =>
        report({ rule: 'fhir/measure-criteria', severity: 'error', span: at, message, args: [path, ...args] });
      if (!libraries.length) return say('mc-no-library', []);
      const ref = expression.value;
      const dot = ref.indexOf('.');
      let library: Json | undefined;
      let name = ref;
      if (dot >= 0) {
        const libName = ref.slice(0, dot);
        name = ref.slice(dot + 1);
        library = libraries.find((l) => l.name === libName);
        if (!library) return say('mc-library-not-found', [libName]);
      } else if (libraries.length === 1) {
        library = libraries[0];
      } else {
        return say('mc-one-library', [ref]);
      }
      const defs = elmDefinitions(library);
      const url = String(library.url ?? library.name ?? '');
      if (defs === 'no-elm' || defs === 'not-elm') return say('mc-no-elm', [url]);
      if (!defs.has(name)) say('mc-not-defined', [name, url]);
    });
  });
}
