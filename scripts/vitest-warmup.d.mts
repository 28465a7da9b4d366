// Types of scripts/vitest-warmup.mjs (a plain ES module, like scripts/data-cache.mjs).
import type { Plugin } from 'vite';
export function warmStaticImports(): Plugin;
