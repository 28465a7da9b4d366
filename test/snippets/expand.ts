// Expands a VS Code snippet body the way accepting every default does: placeholders become their
// default text, choices their first option, bare tab stops and mirrors the default of their number,
// and the variables the snippets use get a fixed value. Unknown variables fail loudly.

const VARIABLES: Record<string, string> = {
  UUID: '3f1c2a9e-5b7d-4e2a-9c1f-8a6b4d2e7c10',
  CURRENT_YEAR: '2026',
  CURRENT_MONTH: '11',
  CURRENT_DATE: '26',
  CURRENT_HOUR: '10',
  CURRENT_MINUTE: '30',
  CURRENT_SECOND: '00',
};

interface Parsed {
  text: string;
  /** Default text per tab-stop number, from the first placeholder or choice that defines it. */
  defaults: Map<string, string>;
}

/** Reads `${...}` starting at `at` (just after `${`), returning the content and the index after `}`. */
function readBraced(body: string, at: number): { inner: string; end: number } {
  let depth = 1;
  for (let i = at; i < body.length; i++) {
    if (body[i] === '\\') {
      i++;
      continue;
    }
    if (body[i] === '$' && body[i + 1] === '{') {
      depth++;
      i++;
      continue;
    }
    if (body[i] === '}' && --depth === 0) return { inner: body.slice(at, i), end: i + 1 };
  }
  throw new Error(`unbalanced \${ in snippet: ${body.slice(at - 2, at + 40)}`);
}

function parse(body: string, defaults: Map<string, string>): Parsed {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\' && (body[i + 1] === '$' || body[i + 1] === '}' || body[i + 1] === '\\')) {
      out += body[++i];
    } else if (c === '$' && body[i + 1] === '{') {
      const { inner, end } = readBraced(body, i + 2);
      out += element(inner, defaults);
      i = end - 1;
    } else if (c === '$' && /[0-9A-Z_]/.test(body[i + 1] ?? '')) {
      const name = /^[0-9]+|^[A-Z_]+/.exec(body.slice(i + 1))![0];
      out += /^[0-9]/.test(name) ? `\u0000${name}\u0000` : variable(name);
      i += name.length;
    } else {
      out += c;
    }
  }
  return { text: out, defaults };
}

function element(inner: string, defaults: Map<string, string>): string {
  const placeholder = /^([0-9]+):([\s\S]*)$/.exec(inner);
  if (placeholder) {
    const value = parse(placeholder[2], defaults).text;
    if (!defaults.has(placeholder[1])) defaults.set(placeholder[1], value);
    return value;
  }
  const choice = /^([0-9]+)\|([\s\S]*)\|$/.exec(inner);
  if (choice) {
    const first = choice[2].split(/(?<!\\),/)[0].replace(/\\(.)/g, '$1');
    if (!defaults.has(choice[1])) defaults.set(choice[1], first);
    return first;
  }
  if (/^[0-9]+$/.test(inner)) return `\u0000${inner}\u0000`;
  const withDefault = /^([A-Z_]+):([\s\S]*)$/.exec(inner);
  if (withDefault) return VARIABLES[withDefault[1]] ?? parse(withDefault[2], defaults).text;
  if (/^[A-Z_]+$/.test(inner)) return variable(inner);
  throw new Error(`unsupported snippet syntax: \${${inner}}`);
}

function variable(name: string): string {
  const value = VARIABLES[name];
  if (value === undefined) throw new Error(`the snippet test knows no value for $${name}; add one to VARIABLES`);
  return value;
}

/** The text a user gets by accepting every default of the snippet. */
export function expandSnippet(body: string | string[]): string {
  const source = Array.isArray(body) ? body.join('\n') : body;
  const { text, defaults } = parse(source, new Map());
  // Bare tab stops ($1, ${1}) mirror the default of their number; $0 and undefined stops are empty.
  return text.replace(/\u0000([0-9]+)\u0000/g, (_, n: string) => defaults.get(n) ?? '');
}
