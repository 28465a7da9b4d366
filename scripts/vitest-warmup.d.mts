// Types of scripts/vitest-warmup.mjs (a plain ES module, like scripts/data-cache.mjs).
import type { Plugin } from 'vite';
export function warmStaticImports(): Plugin;
/** The module specifiers `code` (transformed JavaScript) imports; dynamic import() only with `dynamic`. */
export function importSpecifiers(code: string, options: { dynamic: boolean }): string[];
