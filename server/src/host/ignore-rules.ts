// One folder's .gitignore, compiled once into look-up tables: a rule whose last path segment is a
// literal name, a `*suffix` or a `prefix*` is found by a map look-up on the entry's name, so a 5 MB
// list of generated paths costs a few look-ups per file instead of one regular expression per rule.
// Matching never uses regular expressions: a segment glob is matched in O(name × pattern) time, so a
// hostile pattern (`*a*a*a*a*b`) cannot backtrack exponentially.
// Semantics follow gitignore(5): `#` comments, `!` negation (the last matching rule wins), a trailing
// `/` for folders only, a slash elsewhere anchors the rule to the .gitignore's folder, `*`, `?`,
// `[...]`, `**` as a whole segment, and `\` escapes.

type Token = { kind: 'char'; c: string } | { kind: 'any' } | { kind: 'star' } | { kind: 'class'; negate: boolean; items: Array<[string, string]> };
/** A path segment: literal text, a glob, or `**` (any number of segments). */
type Segment = string | Token[] | typeof GLOBSTAR;
const GLOBSTAR = { globstar: true } as const;

interface Rule {
  index: number;
  negate: boolean;
  dirOnly: boolean;
  /** Unanchored one-segment rules test the entry's name; the others its path from the .gitignore's folder. */
  segments: Segment[];
}

const STAR: Token = { kind: 'star' };

const WILDCARD = /[*?[\\]/;

/** A literal segment stays a string (most rules of a long list are names and paths: no objects per character). */
function compileSegment(segment: string, chars: Map<string, Token>): Segment {
  return WILDCARD.test(segment) ? tokenize(segment, chars) : segment;
}

function tokenize(segment: string, chars: Map<string, Token>): Token[] {
  const tokens: Token[] = [];
  const char = (c: string) => {
    let t = chars.get(c);
    if (!t) chars.set(c, (t = { kind: 'char', c }));
    return t;
  };
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c === '\\' && i + 1 < segment.length) tokens.push(char(segment[++i]));
    else if (c === '?') tokens.push({ kind: 'any' });
    else if (c === '*') {
      if (tokens[tokens.length - 1]?.kind !== 'star') tokens.push(STAR); // `**` inside a segment is `*`
    } else if (c === '[') {
      const end = classEnd(segment, i);
      if (end < 0) tokens.push(char(c));
      else {
        tokens.push(parseClass(segment.slice(i + 1, end)));
        i = end;
      }
    } else tokens.push(char(c));
  }
  return tokens;
}

/** The index of the `]` closing the class opened at `start`, or -1 (then `[` is literal). */
function classEnd(s: string, start: number): number {
  let i = start + 1;
  if (s[i] === '!' || s[i] === '^') i++;
  if (s[i] === ']') i++; // a leading `]` is a member
  for (; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === ']') return i;
  }
  return -1;
}

function parseClass(body: string): Token {
  let i = 0;
  const negate = body[0] === '!' || body[0] === '^';
  if (negate) i++;
  const items: Array<[string, string]> = [];
  for (; i < body.length; i++) {
    let c = body[i];
    if (c === '\\' && i + 1 < body.length) c = body[++i];
    if (body[i + 1] === '-' && i + 2 < body.length) {
      let to = body[i + 2];
      i += 2;
      if (to === '\\' && i + 1 < body.length) to = body[++i];
      items.push([c, to]);
    } else items.push([c, c]);
  }
  return { kind: 'class', negate, items };
}

function tokenMatches(t: Token, c: string): boolean {
  switch (t.kind) {
    case 'char':
      return t.c === c;
    case 'any':
      return true;
    case 'class': {
      const inside = t.items.some(([from, to]) => c >= from && c <= to);
      return inside !== t.negate;
    }
    default:
      return false;
  }
}

/**
 * Wildcard matching with one backtrack point per star, so O(subject × pattern) at worst, never
 * exponential: used for the characters of one path segment (`*`) and for the segments of a path (`**`).
 */
function wildcardMatch<P, S>(pattern: ArrayLike<P>, subject: ArrayLike<S>, isStar: (p: P) => boolean, matches: (p: P, s: S) => boolean): boolean {
  let p = 0;
  let i = 0;
  let starP = -1;
  let starI = 0;
  while (i < subject.length) {
    const t = p < pattern.length ? pattern[p] : undefined;
    if (t !== undefined && isStar(t)) {
      starP = p++;
      starI = i;
    } else if (t !== undefined && matches(t, subject[i])) {
      p++;
      i++;
    } else if (starP >= 0) {
      p = starP + 1;
      i = ++starI;
    } else return false;
  }
  while (p < pattern.length && isStar(pattern[p])) p++;
  return p === pattern.length;
}

const isStarToken = (t: Token) => t.kind === 'star';

/** Glob match of one segment's characters. */
function matchSegment(tokens: Token[], s: string): boolean {
  return wildcardMatch(tokens, s, isStarToken, tokenMatches);
}

/** Glob match of a path's segments: `**` is the star, a segment pattern the single character. */
function matchSegments(pattern: Segment[], parts: string[]): boolean {
  return wildcardMatch(
    pattern,
    parts,
    (seg) => seg === GLOBSTAR,
    (seg, part) => (typeof seg === 'string' ? seg === part : matchSegment(seg as Token[], part)),
  );
}

/** A literal segment's text, or undefined when it has wildcards. */
function literal(tokens: Token[]): string | undefined {
  let s = '';
  for (const t of tokens) {
    if (t.kind !== 'char') return undefined;
    s += t.c;
  }
  return s;
}

/** `*literal` → the literal suffix; `literal*` → the literal prefix. */
function affix(tokens: Token[]): { suffix?: string; prefix?: string } {
  if (tokens.length > 1 && tokens[0].kind === 'star') {
    const rest = literal(tokens.slice(1));
    if (rest !== undefined) return { suffix: rest };
  }
  if (tokens.length > 1 && tokens[tokens.length - 1].kind === 'star') {
    const head = literal(tokens.slice(0, -1));
    if (head !== undefined) return { prefix: head };
  }
  return {};
}

function parseLine(raw: string, index: number, ignoreCase: boolean, chars: Map<string, Token>): Rule | undefined {
  let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  if (!line || line.startsWith('#')) return undefined;
  // Trailing spaces are dropped unless escaped.
  let end = line.length;
  while (end > 0 && line[end - 1] === ' ' && line[end - 2] !== '\\') end--;
  line = line.slice(0, end);
  if (ignoreCase) line = line.toLowerCase();
  let negate = false;
  if (line.startsWith('!')) {
    negate = true;
    line = line.slice(1);
  } else if (line.startsWith('\\!') || line.startsWith('\\#')) line = line.slice(1);
  let dirOnly = false;
  if (line.endsWith('/') && !line.endsWith('\\/')) {
    dirOnly = true;
    line = line.replace(/\/+$/, '');
  }
  if (!line) return undefined;
  const anchored = line.includes('/');
  if (line.startsWith('/')) line = line.slice(1);
  const parts = line.split('/').filter((p) => p !== '');
  if (!parts.length) return undefined;
  const segments: Segment[] = parts.map((p) => (p === '**' ? GLOBSTAR : compileSegment(p, chars)));
  // `dir/**` matches what is inside `dir`, not `dir` itself: at least one more segment.
  if (segments[segments.length - 1] === GLOBSTAR) segments.splice(segments.length - 1, 0, [STAR]);
  // An unanchored rule matches at any depth; `**/name` is the same rule written out.
  if (!anchored) segments.unshift(GLOBSTAR);
  return { index, negate, dirOnly, segments };
}

/** Where a rule is looked up: its last segment's literal name, `*suffix` or `prefix*`, or a literal folder. */
type Key = { name: string } | { suffix: string } | { prefix: string } | { folder: string } | undefined;

/** The key from a parsed rule (rules with wildcards before their last segment, escapes, classes). */
function keyOf(rule: Rule): Key {
  const last = rule.segments[rule.segments.length - 1];
  if (typeof last === 'string') return { name: last };
  const folder = rule.segments.slice(0, -1).find((x): x is string => typeof x === 'string');
  if (folder !== undefined) return { folder };
  if (Array.isArray(last)) {
    const { suffix, prefix } = affix(last);
    if (suffix !== undefined) return { suffix };
    if (prefix !== undefined) return { prefix };
  }
  return undefined;
}

const SPECIAL = /[*?[\\]/;

/**
 * The key of a line without parsing it, for the shapes long lists are made of: `name`, `a/b/name`,
 * `*.ext`, `prefix*`, each optionally `!`-negated, `/`-anchored or `/`-terminated. Undefined: parse it.
 */
function quickKey(line: string): Key | 'skip' {
  if (!line || line[0] === '#') return 'skip';
  if (line.endsWith(' ') || line.endsWith('\r') || line.startsWith('\\')) return undefined;
  let start = line[0] === '!' ? 1 : 0;
  let end = line.length;
  if (line[end - 1] === '/') end--;
  if (line[start] === '/') start++;
  if (end <= start || line[end - 1] === '/') return undefined;
  const cut = line.lastIndexOf('/', end - 1);
  const last = line.slice(cut < start ? start : cut + 1, end);
  if (!SPECIAL.test(last)) return last === '**' ? undefined : { name: last };
  // `dir/*.ext`: the folder is the rarer key; the full parse picks it.
  if (cut >= start) return undefined;
  if (last[0] === '*' && last.length > 1 && !SPECIAL.test(last.slice(1))) return { suffix: last.slice(1) };
  if (last[last.length - 1] === '*' && last.length > 1 && !SPECIAL.test(last.slice(0, -1))) return { prefix: last.slice(0, -1) };
  return undefined;
}

/** Line numbers by key: one number, or a list in file order. */
type Bucket = Map<string, number | number[]>;

function put(map: Bucket, key: string, line: number): void {
  const had = map.get(key);
  if (had === undefined) map.set(key, line);
  else if (typeof had === 'number') map.set(key, [had, line]);
  else had.push(line);
}

export class IgnoreRules {
  private readonly byName: Bucket = new Map();
  private readonly bySuffix: Bucket = new Map();
  private readonly byPrefix: Bucket = new Map();
  private readonly byFolder: Bucket = new Map();
  /** Rules without a usable literal: tested one by one. */
  private readonly other: number[] = [];
  private readonly suffixLengths = new Set<number>();
  private readonly prefixLengths = new Set<number>();
  /** Each line's text, and its rule once parsed (null: not a rule). Parsed on first use only. */
  private readonly lines: string[] = [];
  private readonly parsed: Array<Rule | null | undefined> = [];
  private readonly chars = new Map<string, Token>();

  private constructor(private readonly ignoreCase: boolean) {}

  /** Compiles a .gitignore's text. Case-insensitive where the file system usually is (Windows, macOS). */
  static compile(text: string, ignoreCase = process.platform === 'win32' || process.platform === 'darwin'): IgnoreRules {
    const rules = new IgnoreRules(ignoreCase);
    for (let start = 0; start <= text.length; ) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      rules.add(text.slice(start, end));
      start = end + 1;
    }
    return rules;
  }

  /** How many lines were read (rules, comments and blanks). */
  get size(): number {
    return this.lines.length;
  }

  private add(raw: string): void {
    const line = this.lines.length;
    const text = this.ignoreCase ? raw.toLowerCase() : raw;
    this.lines.push(text);
    let key = quickKey(text);
    if (key === 'skip') return;
    if (key === undefined) {
      const rule = this.rule(line);
      if (!rule) return;
      key = keyOf(rule);
    }
    if (key === undefined) this.other.push(line);
    else if ('name' in key) put(this.byName, key.name, line);
    else if ('folder' in key) put(this.byFolder, key.folder, line);
    else if ('suffix' in key) {
      put(this.bySuffix, key.suffix, line);
      this.suffixLengths.add(key.suffix.length);
    } else {
      put(this.byPrefix, key.prefix, line);
      this.prefixLengths.add(key.prefix.length);
    }
  }

  private rule(line: number): Rule | null {
    let r = this.parsed[line];
    if (r === undefined) this.parsed[line] = r = parseLine(this.lines[line], line, false, this.chars) ?? null;
    return r;
  }

  /**
   * Whether `rel` (a file, `/`-separated, relative to the rules' folder) is ignored, its folders included:
   * as in git, a file under an ignored folder stays ignored whatever a later `!` rule says of the file.
   */
  ignoresFile(rel: string): boolean {
    const parts = rel.split('/');
    for (let i = 1; i < parts.length; i++) if (this.decide(parts.slice(0, i).join('/'), true) === true) return true;
    return this.decide(rel, false) === true;
  }

  /**
   * What these rules say about `rel` (a path relative to the .gitignore's folder, `/`-separated):
   * true ignored, false re-included by a `!` rule, undefined when no rule matches.
   */
  decide(rel: string, isDir: boolean): boolean | undefined {
    if (this.ignoreCase) rel = rel.toLowerCase();
    const parts = rel.split('/');
    const name = parts[parts.length - 1];
    let best: Rule | undefined;
    const test = (line: number): boolean => {
      const r = this.rule(line);
      if (r && (!r.dirOnly || isDir) && matchSegments(r.segments, parts)) {
        best = r;
        return true;
      }
      return false;
    };
    const consider = (lines: number | number[] | undefined) => {
      if (lines === undefined) return;
      if (typeof lines === 'number') {
        if (!best || lines > best.index) test(lines);
        return;
      }
      // Lists are in file order: the first match from the end is the last rule, and nothing earlier can win.
      for (let k = lines.length - 1; k >= 0 && (!best || lines[k] > best.index); k--) if (test(lines[k])) return;
    };
    consider(this.byName.get(name));
    if (this.byFolder.size) for (let i = 0; i < parts.length - 1; i++) consider(this.byFolder.get(parts[i]));
    for (const n of this.suffixLengths) if (n <= name.length) consider(this.bySuffix.get(name.slice(name.length - n)));
    for (const n of this.prefixLengths) if (n <= name.length) consider(this.byPrefix.get(name.slice(0, n)));
    consider(this.other);
    return best ? !best.negate : undefined;
  }
}
