// Test tool: FHIR JSON → FHIR XML (value attributes, `_name` extensions, repeated elements, wrapped
// resources, XHTML div), so each JSON test resource also exists in its XML form for parity tests.

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

type Json = Record<string, unknown>;

function element(name: string, value: unknown, extra: Json | undefined, indent: string): string {
  if (name === 'div' && typeof value === 'string') return `${indent}${value}\n`;
  if (value !== null && typeof value === 'object') {
    const obj = value as Json;
    if (typeof obj.resourceType === 'string') return `${indent}<${name}>\n${resource(obj, indent + '  ')}${indent}</${name}>\n`;
    const attrs = typeof obj.id === 'string' ? ` id="${esc(obj.id)}"` : '';
    const url = name === 'extension' || name === 'modifierExtension' ? ` url="${esc(String(obj.url))}"` : '';
    return `${indent}<${name}${attrs}${url}>\n${body(obj, indent + '  ', ['id', ...(url ? ['url'] : [])])}${indent}</${name}>\n`;
  }
  const v = value === null || value === undefined ? '' : ` value="${esc(String(value))}"`;
  if (!extra) return `${indent}<${name}${v}/>\n`;
  const id = typeof extra.id === 'string' ? ` id="${esc(extra.id)}"` : '';
  return `${indent}<${name}${id}${v}>\n${body(extra, indent + '  ', ['id'])}${indent}</${name}>\n`;
}

function body(obj: Json, indent: string, skip: string[] = []): string {
  let out = '';
  for (const [key, value] of Object.entries(obj)) {
    if (key === 'resourceType' || key.startsWith('_') || skip.includes(key)) continue;
    const extras = obj[`_${key}`];
    if (Array.isArray(value)) value.forEach((v, i) => (out += element(key, v, (extras as Json[] | undefined)?.[i] ?? undefined, indent)));
    else out += element(key, value, extras as Json | undefined, indent);
  }
  for (const [key, extras] of Object.entries(obj)) {
    if (key.startsWith('_') && !(key.slice(1) in obj)) out += element(key.slice(1), null, extras as Json, indent);
  }
  return out;
}

function resource(r: Json, indent: string): string {
  const type = String(r.resourceType);
  return `${indent}<${type} xmlns="http://hl7.org/fhir">\n${body(r, indent + '  ')}${indent}</${type}>\n`;
}

export function fhirJsonToXml(json: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${resource(JSON.parse(json) as Json, '')}`;
}
