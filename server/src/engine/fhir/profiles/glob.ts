// nhn.fhir.profiles: which profiles a document gets by its path. `*` stays within a folder, `**`
// crosses folders; a glob without `/` matches the file name.

function toRegex(glob: string): RegExp {
  let src = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      src += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') src += '[^/]*';
    else if (c === '?') src += '[^/]';
    else src += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(glob.includes('/') ? `(?:^|/)${src}$` : `(?:^|/)${src}$`);
}

/** Profile URLs mapped to the document at `uri`. */
export function mappedProfiles(uri: string, map: Record<string, string[]> | undefined): string[] {
  if (!map) return [];
  let path = uri;
  try {
    path = decodeURIComponent(new URL(uri).pathname);
  } catch {
    // not a URL: use as is
  }
  return Object.entries(map).flatMap(([glob, urls]) => (toRegex(glob).test(path) ? urls : []));
}
