// vitest runs test files in workers that ask the main process for one module at a time: the worker
// evaluates a module, meets its imports, asks for each, waits while the main process transforms it
// (vite's plugins, the SSR transform, source maps: ~10 ms a module), and only then sees that module's
// imports. Through the engine's 150 modules that waterfall kept both processes idle half of the time.
// This plugin starts transforming a module's static imports as soon as the module itself is
// transformed, so the main process works ahead of the worker and its requests find the result cached.

// `import … from './x'`, `export … from './x'` and `import './x'` in the transformed JavaScript. Dynamic
// import() is left alone: it loads what a feature needs when it runs, often never in a given test.
const STATIC_IMPORT = /(?:^|[\s;])(?:import|export)\s*(?:[^'"]*?\sfrom\s*)?["']([^"']+)["']/g;

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
      for (const [, spec] of code.matchAll(STATIC_IMPORT)) {
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
