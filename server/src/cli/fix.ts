// `nhn-lint --fix`: the fixes the engine marks as certain (`Fix.certain`: verified rewrites), applied
// until none is left (a fix can reveal another), never to a file that does not parse before or after,
// and never when writing the text back would change the file's encoding.

import { yaml } from '../../../shared/lazy-deps';
import { parseTree, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import type { Finding } from '../engine';
export { applyFixes, certainEdits } from '../host/certain-fixes';

export interface Encoded {
  /** The bytes can be written back from the text: UTF-8 (with its BOM, if it had one), nothing lossy. */
  bom: boolean;
  /** Why the file cannot be written back, when it cannot. */
  refusal?: string;
}

/** Whether `text` (decoded from `bytes`) round-trips to the same bytes as UTF-8. */
export function encodingOf(bytes: Uint8Array, text: string): Encoded {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const again = Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
  if (!again.equals(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))) {
    return { bom, refusal: 'not fixed: the file is not plain UTF-8, and writing it back would change its encoding' };
  }
  return { bom };
}

export function encode(text: string, enc: Encoded): Buffer {
  return Buffer.concat([enc.bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
}

/** Findings that mean the file did not parse: a fix is never applied to what could not be read. */
export function isParseFailure(f: Finding): boolean {
  return (f.ruleId.startsWith('xml/') && f.severity === 'error' && f.ruleId !== 'xml/embedded-limit') || f.ruleId === 'fhir/json-syntax';
}

/**
 * Whether a JSON or YAML file parses (XML and FHIR report their own syntax errors as findings). JSON
 * is read as the JSONC that appsettings.json and tsconfig.json are: comments and trailing commas allowed.
 */
export function parses(languageId: string, text: string): boolean {
  if (languageId === 'json' || languageId === 'jsonc') {
    const errors: ParseError[] = [];
    parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
    return errors.length === 0;
  }
  if (languageId === 'yaml')
    return yaml()
      .parseAllDocuments(text)
      .every((d) => !('errors' in d) || d.errors.length === 0);
  return true;
}
