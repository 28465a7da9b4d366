// Path arithmetic for schema resolution, POSIX-style and editor-free (documents arrive as file URIs
// from the server and as paths from the CLI).

export function pathOfUri(uri: string): string | undefined {
  if (uri.startsWith('file://')) {
    let p = decodeURIComponent(uri.slice('file://'.length).replace(/^localhost(?=\/)/, ''));
    if (/^\/[A-Za-z]:\//.test(p)) p = p.slice(1);
    return p;
  }
  if (/^[a-z][a-z0-9+.-]+:/i.test(uri) && !/^[A-Za-z]:[\\/]/.test(uri)) return undefined; // untitled:, vscode-vfs:, …
  return uri;
}

export function isRemote(location: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(location) && !location.startsWith('file://');
}

export function dirname(p: string): string {
  const i = p.replace(/\\/g, '/').lastIndexOf('/');
  return i <= 0 ? (i === 0 ? '/' : '.') : p.slice(0, i);
}

export function basename(p: string): string {
  return p.replace(/\\/g, '/').split('/').pop() ?? p;
}

/** `location` relative to the folder of `from` (absolute locations and file URIs are kept). */
export function resolvePath(from: string, location: string): string {
  let loc = location.startsWith('file://') ? (pathOfUri(location) ?? location) : location;
  loc = loc.replace(/\\/g, '/');
  const joined = loc.startsWith('/') || /^[A-Za-z]:\//.test(loc) ? loc : `${dirname(from.replace(/\\/g, '/'))}/${loc}`;
  return normalize(joined);
}

export function normalize(p: string): string {
  const drive = /^[A-Za-z]:/.exec(p)?.[0] ?? '';
  const absolute = !!drive || p.startsWith('/');
  const parts: string[] = [];
  for (const part of p.slice(drive.length).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length && parts[parts.length - 1] !== '..') parts.pop();
    else if (part !== '..' || !absolute) parts.push(part);
  }
  // A relative path (the CLI passes paths as given) stays relative to the host's working folder.
  return absolute ? `${drive}/${parts.join('/')}` : parts.join('/') || '.';
}

/** How many leading folders two paths share: the nearer schema wins a namespace tie. */
export function sharedDepth(a: string, b: string): number {
  const pa = dirname(a).split('/');
  const pb = dirname(b).split('/');
  let n = 0;
  while (n < pa.length && n < pb.length && pa[n] === pb[n]) n++;
  return n;
}
