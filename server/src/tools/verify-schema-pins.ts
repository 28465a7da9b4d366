// `npm run verify-pins`: for maintainers with network access. Fetches every schema pinned in
// schemas/namespaces.yaml (or from a mirror: --mirror URL) and checks its sha256, so a pin that no
// longer answers, or answers with other bytes, is found before users meet it. Exit 1 on any failure.
// Nothing in the product or the tests runs this: they never use the network.

import { NAMESPACES } from '../engine';
import { fileNameOf, urlsFor } from '../engine/xsd/downloads';
import { fetchSchemaBytes, sha256 } from '../host/schema-cache';

async function main(): Promise<number> {
  const at = process.argv.indexOf('--mirror');
  const mirror = at > 0 ? process.argv[at + 1] : undefined;
  let failed = 0;
  for (const e of NAMESPACES.filter((x) => x.schema)) {
    const pin = e.schema!;
    const [url] = urlsFor(pin, mirror);
    try {
      const bytes = await fetchSchemaBytes(url);
      const got = sha256(bytes);
      const ok = got === pin.sha256;
      if (!ok) failed++;
      console.log(`${ok ? 'ok  ' : 'FAIL'} ${e.uri}  ${fileNameOf(pin.url)}  ${bytes.byteLength} bytes${ok ? '' : `  sha256 ${got} ≠ pinned ${pin.sha256}`}`);
    } catch (err) {
      failed++;
      console.log(`FAIL ${e.uri}  ${url}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  console.log(failed ? `${failed} pin(s) failed` : 'every pin answers with its pinned bytes');
  return failed ? 1 : 0;
}

main().then((code) => (process.exitCode = code));
