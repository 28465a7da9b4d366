// Types of scripts/vitest-engine.mjs (a plain ES module, like scripts/data-cache.mjs).
import type { Plugin } from 'vite';
/** undefined when NHN_VITEST_SOURCES=1 asks for the engine's sources through vite. */
export function prebuiltEngine(compileData: (text: string, file: string) => unknown): Plugin | undefined;
