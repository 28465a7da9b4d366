// A user's code-list file, bytes → text. UTF-8 (a byte-order mark dropped) when the bytes are UTF-8;
// UTF-16 when a byte-order mark says so (Excel's "Unicode text"); otherwise Windows-1252, which is what
// Excel writes for "CSV (semicolon separated)" in a Norwegian locale and what ISO-8859-1 exports hold,
// so "Svar på forespørsel" stays itself instead of becoming "Svar p� foresp�rsel" (and every DN a hint).

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeListBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return utf8.decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
