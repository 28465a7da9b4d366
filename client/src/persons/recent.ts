// Recently used persons, most recent first. The UI keeps the list in VS Code's global state; only
// synthetic numbers are ever picked, so storing them is harmless.

export const RECENT_LIMIT = 20;

export function remember(recent: readonly string[], nin: string, limit = RECENT_LIMIT): string[] {
  return [nin, ...recent.filter((n) => n !== nin)].slice(0, limit);
}
