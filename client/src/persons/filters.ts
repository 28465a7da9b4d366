// The picker's filter dialog (the funnel button), as SyntPop offers its search filters: sex, ID type,
// age category, children and registers. Choices become the same filter words the user can type, so the
// query line always shows what is filtered and typing and clicking never disagree. Editor-free.

import { parseQuery } from './query';

export type FilterGroup = 'sex' | 'id' | 'age' | 'children' | 'registers';

export interface FilterOption {
  id: string;
  group: FilterGroup;
  /** The words this choice adds to the query line. */
  words: string;
}

export const FILTER_OPTIONS: readonly FilterOption[] = [
  { id: 'female', group: 'sex', words: 'kvinne' },
  { id: 'male', group: 'sex', words: 'mann' },
  { id: 'fnr', group: 'id', words: 'fnr' },
  { id: 'dnr', group: 'id', words: 'dnr' },
  { id: 'age-0-17', group: 'age', words: '0-17' },
  { id: 'age-18-39', group: 'age', words: '18-39' },
  { id: 'age-40-66', group: 'age', words: '40-66' },
  { id: 'age-67', group: 'age', words: '67-' },
  { id: 'children', group: 'children', words: 'barn' },
  { id: 'no-children', group: 'children', words: '-barn' },
  { id: 'hpr', group: 'registers', words: 'hpr' },
  { id: 'krr', group: 'registers', words: 'krr' },
  { id: 'not-krr', group: 'registers', words: '-krr' },
  { id: 'flr', group: 'registers', words: 'flr' },
  { id: 'not-flr', group: 'registers', words: '-flr' },
];

const AGES: Record<string, [number, number | undefined]> = { 'age-0-17': [0, 17], 'age-18-39': [18, 39], 'age-40-66': [40, 66], 'age-67': [67, undefined] };

/** The choices a query line already makes (to pre-tick them in the dialog). */
export function activeFilters(value: string): string[] {
  const q = parseQuery(value);
  const on: string[] = [];
  if (q.sex) on.push(q.sex);
  if (q.idType) on.push(q.idType);
  if (q.minAge !== undefined || q.maxAge !== undefined) {
    for (const [id, [min, max]] of Object.entries(AGES)) {
      if (min >= (q.minAge ?? 0) && (max ?? Infinity) <= (q.maxAge ?? Infinity)) on.push(id);
    }
  }
  if (q.hasChildren !== undefined) on.push(q.hasChildren ? 'children' : 'no-children');
  if (q.hpr) on.push('hpr');
  if (q.krr !== undefined) on.push(q.krr ? 'krr' : 'not-krr');
  if (q.flr !== undefined) on.push(q.flr ? 'flr' : 'not-flr');
  return on;
}

/**
 * The query line with its filter words replaced by `ids`' words; the typed name or number stays first.
 * Opposite choices in one group cancel out (female and male: anyone); several age categories become
 * the range that spans them.
 */
export function withFilters(value: string, ids: readonly string[]): string {
  const chosen = FILTER_OPTIONS.filter((o) => ids.includes(o.id));
  const words: string[] = [];
  const one = (group: FilterGroup) => {
    const inGroup = chosen.filter((o) => o.group === group);
    if (inGroup.length === 1) words.push(inGroup[0].words);
  };
  one('sex');
  one('id');
  const ages = chosen.filter((o) => o.group === 'age').map((o) => AGES[o.id]);
  if (ages.length) {
    const min = Math.min(...ages.map((a) => a[0]));
    const max = ages.some((a) => a[1] === undefined) ? undefined : Math.max(...ages.map((a) => a[1]!));
    words.push(`${min}-${max ?? ''}`);
  }
  one('children');
  for (const [on, off] of [
    ['hpr', undefined],
    ['krr', 'not-krr'],
    ['flr', 'not-flr'],
  ] as const) {
    const yes = ids.includes(on);
    const no = off !== undefined && ids.includes(off);
    if (yes !== no) words.push(yes ? on : `-${on}`);
  }
  return [parseQuery(value).text, ...words].filter(Boolean).join(' ');
}
