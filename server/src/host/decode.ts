// Bytes → text for files read from disk: UTF-8 (BOM stripped), the XML declaration's encoding when it
// names ISO-8859-1/Windows-1252 (KITH messages often do), and a notice instead of a crash on bad bytes.

export interface Decoded {
  text: string;
  binary: boolean;
  notice?: string;
  /** The encoding a byte-order mark fixed (`UTF-16LE`, `UTF-16BE`, `UTF-8`): what the XML check compares the declaration with. */
  encoding?: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const utf8Lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

export function decode(bytes: Uint8Array): Decoded {
  const head = bytes.subarray(0, 8192);
  if (head.includes(0) && !(bytes[0] === 0xff && bytes[1] === 0xfe) && !(bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { text: '', binary: true };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const encoding = bytes[0] === 0xff ? 'UTF-16LE' : 'UTF-16BE';
    return { text: new TextDecoder(encoding.toLowerCase()).decode(bytes), binary: false, encoding };
  }
  const declared = /^(?:\uFEFF)?<\?xml[^>]*encoding\s*=\s*["']([\w.-]+)["']/i.exec(Buffer.from(head.subarray(0, 200)).toString('latin1'))?.[1]?.toLowerCase();
  if (declared && /^(iso-8859-1|latin-?1|windows-1252|cp1252|iso-8859-15)$/.test(declared)) {
    return { text: new TextDecoder(declared.startsWith('iso-8859-15') ? 'iso-8859-15' : 'windows-1252').decode(bytes), binary: false };
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? { encoding: 'UTF-8' } : {};
  try {
    return { text: utf8.decode(bytes), binary: false, ...bom };
  } catch {
    // Not UTF-8: a binary file with no NUL early (a PDF, a keystore, an archive) is skipped as quietly
    // as one with a NUL; text in a legacy encoding is checked, with a notice.
    if (looksBinaryWithoutNul(head)) return { text: '', binary: true };
    return { text: utf8Lenient.decode(bytes), binary: false, notice: 'invalid UTF-8: undecodable bytes shown as U+FFFD', ...bom };
  }
}

/** First bytes of binary formats that may have no NUL byte early. */
const SIGNATURES: readonly number[][] = [
  [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  [0xfe, 0xed, 0xfe, 0xed], // Java KeyStore
  [0xce, 0xce, 0xce, 0xce], // JCEKS
  [0x30, 0x82], // DER: PKCS#12 keystores, certificates
  [0x50, 0x4b, 0x03, 0x04], // zip, jar, docx
  [0x1f, 0x8b], // gzip
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
];

/** A known binary signature, or control characters no text encoding uses (text has tabs and newlines, not these). */
function looksBinaryWithoutNul(head: Uint8Array): boolean {
  if (SIGNATURES.some((sig) => sig.every((b, i) => head[i] === b))) return true;
  let controls = 0;
  for (const b of head) if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) || b === 0x7f) controls++;
  return controls > head.length / 200;
}
