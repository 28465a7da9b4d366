// Types of scripts/data-cache.mjs (a plain ES module, so that esbuild.mjs can import it unbuilt).
export function recordCompilerInputs(metafile: { inputs: Record<string, unknown> }): void;
export function cachedCompiler<T>(compile: (text: string, file: string) => T): (text: string, file: string) => T;
export function compilerKey(): string | undefined;
