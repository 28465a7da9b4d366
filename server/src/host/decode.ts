// Bytes → text for files read from disk: UTF-8 (BOM stripped), the XML declaration's encoding when it
// names ISO-8859-1/Windows-1252 (KITH messages often do), and a notice instead of a crash on bad bytes.

export interface Decoded {
  text: string;
  binary: boolean;
  notice?: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const utf8Lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

export function decode(bytes: Uint8Array): Decoded {
  const head = bytes.subarray(0, 8192);
  if (head.includes(0) && !(bytes[0] === 0xff && bytes[1] === 0xfe) && !(bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { text: '', binary: true };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { text: new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes), binary: false };
  }
  const declared = /^(?:\uFEFF)?<\?xml[^>]*encoding\s*=\s*["']([\w.-]+)["']/i.exec(Buffer.from(head.subarray(0, 200)).toString('latin1'))?.[1]?.toLowerCase();
  if (declared && /^(iso-8859-1|latin-?1|windows-1252|cp1252|iso-8859-15)$/.test(declared)) {
    return { text: new TextDecoder(declared.startsWith('iso-8859-15') ? 'iso-8859-15' : 'windows-1252').decode(bytes), binary: false };
  }
  try {
    return { text: utf8.decode(bytes), binary: false };
  } catch {
    return { text: utf8Lenient.decode(bytes), binary: false, notice: 'invalid UTF-8: undecodable bytes shown as U+FFFD' };
  }
}
