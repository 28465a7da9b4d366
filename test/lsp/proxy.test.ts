// The language server behind a proxy: schema downloads go through HTTPS_PROXY from its environment,
// or through the proxy VS Code's http.proxy names (passed by the extension in initializationOptions).
// A local proxy records the CONNECT requests and refuses them; the download then fails with a finding.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from '../helpers/lsp';
import { startProxy, type TestProxy } from '../helpers/proxy';
import { ROOT, tempDir } from '../helpers/cli';

const MESSAGE = path.join(ROOT, 'test/xsd/instances/dialog-1.1-invalid.xml');
const NO_PROXY_ENV = { HTTP_PROXY: '', HTTPS_PROXY: '', http_proxy: '', https_proxy: '', NO_PROXY: '', no_proxy: '' };

describe('server behind a proxy', () => {
  let proxy: TestProxy;
  beforeAll(async () => {
    proxy = await startProxy({ refuseConnect: true });
  });
  afterAll(() => proxy?.close());

  const cases: [string, (url: string) => { env?: NodeJS.ProcessEnv; init?: Record<string, unknown> }][] = [
    ['HTTPS_PROXY in its environment', (url) => ({ env: { ...NO_PROXY_ENV, HTTPS_PROXY: url } })],
    ["VS Code's http.proxy", (url) => ({ env: NO_PROXY_ENV, init: { proxy: { proxy: url, strictSSL: true } } })],
  ];
  for (const [what, options] of cases) {
    it(`schema downloads ask the proxy: ${what}`, async () => {
      const cache = tempDir();
      const { env, init } = options(proxy.url);
      const lsp = await startServer({
        env,
        settings: { allowDownloads: true, xml: { downloadMirror: 'https://schemas.example.invalid/mirror/' } },
        init: { cacheDir: cache.dir, ...init },
      });
      try {
        const before = proxy.requests.length;
        const uri = pathToFileURL(MESSAGE).href;
        lsp.open(uri, 'xml', readFileSync(MESSAGE, 'utf8'));
        const d = await lsp.diagnostics(uri, (x) => x.some((y) => y.code === 'xsd/download-failed'), 30000);
        expect(d.some((y) => y.code === 'xsd/download-failed')).toBe(true);
        expect(proxy.requests.slice(before)).toContain('CONNECT schemas.example.invalid:443');
      } finally {
        await lsp.close();
        cache.cleanup();
      }
    });
  }
});
