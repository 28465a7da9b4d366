// vitest runs test files in workers that ask the main process for one module at a time: the worker
// evaluates a module, meets its imports, asks for each, waits while the main process transforms it
// (vite's plugins, the SSR transform, source maps: ~10 ms a module), and only then sees that module's
// imports. Through the engine's 150 modules that waterfall kept both processes idle half of the time.
// This plugin starts transforming a module's static imports as soon as the module itself is
// transformed, so the main process works ahead of the worker and its requests find the result cached.

// `import … from`, `export … from`, `import '…'` and `import('…')` in transformed JavaScript; group 1
// starts with `(` for a dynamic import().
const IMPORT = /(?:^|[^\w$.])(?:import|export)\s*(\(\s*|[^'"();]*?\sfrom\s*)?["']([^"']+)["']/g;

/**
 * The module specifiers `code` imports (also used by vitest-engine.mjs). Dynamic import() only with
 * `dynamic`: it loads what a feature needs when it runs, often never in a given test.
 * @param {string} code
 * @param {{ dynamic: boolean }} options
 * @returns {string[]}
 */
export function importSpecifiers(code, { dynamic }) {
  const out = [];
  for (const [, clause, spec] of code.matchAll(IMPORT)) if (dynamic || !clause?.startsWith('(')) out.push(spec);
  return out;
}

/** @returns {import('vite').Plugin} */
export function warmStaticImports() {
  /** @type {import('vite').ViteDevServer | undefined} */
  let server;
  return {
    name: 'nhn-warm-static-imports',
    // After TypeScript is stripped: type-only imports are gone and need no transform.
    enforce: 'post',
    configureServer(devServer) {
      server = devServer;
    },
    transform(code, id, options) {
      if (!options?.ssr || !server || id.includes('/node_modules/')) return null;
      const ssr = server.environments.ssr;
      for (const spec of importSpecifiers(code, { dynamic: false })) {
        // Packages are loaded by Node itself, not transformed.
        if (!spec.startsWith('.')) continue;
        this.resolve(spec, id).then(
          (resolved) => {
            if (!resolved || resolved.external || resolved.id.includes('/node_modules/')) return;
            // A module already transformed (or on its way) is not transformed again: warming it is a lookup.
            ssr.warmupRequest(resolved.id);
          },
          () => {},
        );
      }
      return null;
    },
  };
}
