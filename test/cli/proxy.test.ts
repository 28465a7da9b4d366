// nhn-lint behind an HTTP proxy: schema downloads go through HTTP_PROXY / HTTPS_PROXY (a local proxy
// process records what it is asked, CONNECT included), and NO_PROXY sends them direct.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliAsync, tempDir } from '../helpers/cli';
import { startFixtureMirror, type SchemaServer } from '../helpers/schema-server';
import { startProxy, type TestProxy } from '../helpers/proxy';

const MESSAGE = 'test/xsd/instances/dialog-1.1-invalid.xml';
const NO_PROXY_ENV = { HTTP_PROXY: '', HTTPS_PROXY: '', http_proxy: '', https_proxy: '', NO_PROXY: '', no_proxy: '' };
const xsdRules = (stdout: string) => (JSON.parse(stdout).findings as { rule: string }[]).map((f) => f.rule).filter((r) => r.startsWith('xsd/'));

describe('nhn-lint behind a proxy', () => {
  let mirror: SchemaServer;
  let proxy: TestProxy;
  let refusing: TestProxy;
  beforeAll(async () => {
    mirror = await startFixtureMirror();
    proxy = await startProxy();
    refusing = await startProxy({ refuseConnect: true });
  });
  afterAll(async () => {
    await mirror?.close();
    await proxy?.close();
    await refusing?.close();
  });

  it('HTTP_PROXY: every download goes through the proxy, and the result is the same as direct', async () => {
    const direct = tempDir();
    const proxied = tempDir();
    try {
      const args = (cache: string) => ['--format', 'json', '--allow-downloads', '--schema-mirror', mirror.base, '--cache-dir', cache, MESSAGE];
      const plain = await runCliAsync(args(direct.dir), { env: NO_PROXY_ENV });
      const before = mirror.requests.length;
      const viaProxy = await runCliAsync(args(proxied.dir), { env: { ...NO_PROXY_ENV, HTTP_PROXY: proxy.url } });
      expect(xsdRules(viaProxy.stdout)).toEqual(xsdRules(plain.stdout));
      expect(xsdRules(plain.stdout).length).toBeGreaterThan(1);
      expect(mirror.requests.slice(before).length).toBeGreaterThanOrEqual(2);
      // undici tunnels plain HTTP through the proxy too (CONNECT per connection, kept alive between requests).
      const port = new URL(mirror.base).port;
      expect(proxy.requests.length).toBeGreaterThan(0);
      expect(proxy.requests.every((r) => r === `CONNECT 127.0.0.1:${port}` || r.startsWith(`GET http://127.0.0.1:${port}/`))).toBe(true);
    } finally {
      direct.cleanup();
      proxied.cleanup();
    }
  });

  it('HTTPS_PROXY: an https download asks the proxy with CONNECT (lower-case variable too)', async () => {
    for (const name of ['HTTPS_PROXY', 'https_proxy']) {
      const cache = tempDir();
      try {
        const before = refusing.requests.length;
        const r = await runCliAsync(
          ['--format', 'json', '--allow-downloads', '--schema-mirror', 'https://schemas.example.invalid/mirror/', '--cache-dir', cache.dir, MESSAGE],
          {
            env: { ...NO_PROXY_ENV, [name]: refusing.url },
          },
        );
        expect(refusing.requests.slice(before)).toContain('CONNECT schemas.example.invalid:443');
        // The proxy refused: a clear finding, no crash.
        expect(xsdRules(r.stdout)).toContain('xsd/download-failed');
        expect(r.stderr).not.toMatch(/internal error/);
      } finally {
        cache.cleanup();
      }
    }
  });

  it('NO_PROXY: a listed host is fetched directly', async () => {
    const cache = tempDir();
    try {
      const before = proxy.requests.length;
      const r = await runCliAsync(['--format', 'json', '--allow-downloads', '--schema-mirror', mirror.base, '--cache-dir', cache.dir, MESSAGE], {
        env: { ...NO_PROXY_ENV, HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' },
      });
      expect(xsdRules(r.stdout).length).toBeGreaterThan(1);
      expect(proxy.requests.slice(before)).toEqual([]);
    } finally {
      cache.cleanup();
    }
  });
});
