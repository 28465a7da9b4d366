// Network access through the proxy the machine is configured for: HTTPS_PROXY / HTTP_PROXY / NO_PROXY
// (upper or lower case), as curl and most tools read them. Node's own fetch ignores them; undici's
// EnvHttpProxyAgent, installed as the global dispatcher, makes every fetch of this process honour them.
// Custom CA certificates (a TLS-inspecting proxy) come through NODE_EXTRA_CA_CERTS, which Node reads itself.

export interface ProxySettings {
  /** An explicit proxy URL (VS Code's http.proxy); the environment is used when empty. */
  proxy?: string;
  /** false: accept the proxy's (or server's) certificate without verification (VS Code's http.proxyStrictSSL). */
  strictSSL?: boolean;
}

/** Installs the proxy agent when a proxy is configured; returns the proxy URL in use (or undefined). */
export function installProxy(settings: ProxySettings = {}, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const httpsProxy = settings.proxy || env.HTTPS_PROXY || env.https_proxy;
  const httpProxy = settings.proxy || env.HTTP_PROXY || env.http_proxy;
  if (!httpsProxy && !httpProxy) return undefined;
  const noProxy = env.NO_PROXY ?? env.no_proxy;
  // Loaded only when a proxy is configured: initialising undici costs about a third of a CLI start.
  const { EnvHttpProxyAgent, setGlobalDispatcher } = require('undici') as typeof import('undici');
  setGlobalDispatcher(
    new EnvHttpProxyAgent({
      httpProxy,
      httpsProxy,
      noProxy,
      ...(settings.strictSSL === false ? { connect: { rejectUnauthorized: false }, requestTls: { rejectUnauthorized: false } } : {}),
    }),
  );
  return httpsProxy ?? httpProxy;
}
