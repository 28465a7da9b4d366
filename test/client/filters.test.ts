// The picker's filter dialog without VS Code: choices become the filter words of the query line and the
// query line pre-ticks the choices, so clicking and typing always agree; and the new ID-type filter.

import { describe, expect, it } from 'vitest';
import { activeFilters, FILTER_OPTIONS, withFilters } from '../../client/src/persons/filters';
import { matches, parseQuery } from '../../client/src/persons/query';
import { catalogPersons } from '../../client/src/persons/catalog';

const TODAY = '2026-11-26';
const names = (value: string) =>
  catalogPersons()
    .filter((p) => matches(p, parseQuery(value), TODAY))
    .map((p) => p.name);

describe('filter dialog ↔ query words', () => {
  it('keeps the typed name first and adds each choice as its word', () => {
    expect(withFilters('lav', ['female', 'age-67', 'flr', 'not-krr'])).toBe('lav kvinne 67- -krr flr');
    expect(withFilters('lav kvinne 30-40 hpr', ['male'])).toBe('lav mann');
    expect(withFilters('', [])).toBe('');
  });

  it('opposite choices cancel out; several age categories span one range', () => {
    expect(withFilters('', ['female', 'male', 'krr', 'not-krr', 'children', 'no-children'])).toBe('');
    expect(withFilters('', ['age-18-39', 'age-40-66'])).toBe('18-66');
    expect(withFilters('', ['age-0-17', 'age-67'])).toBe('0-');
  });

  it('round-trips: the ticks read back from every single choice are that choice', () => {
    for (const o of FILTER_OPTIONS) expect(activeFilters(withFilters('x', [o.id])), o.id).toEqual([o.id]);
    expect(activeFilters('mann 18-66 -barn hpr -flr dnr').sort()).toEqual(['age-18-39', 'age-40-66', 'dnr', 'hpr', 'male', 'no-children', 'not-flr'].sort());
  });

  it('filters the bundled catalog the way the words say', () => {
    expect(names(withFilters('', ['age-67']))).toEqual(['ALLSIDIG LUKT', 'LAV FELL']);
    expect(names(withFilters('', ['male']))).toEqual(['BRUN LENESTOL']);
    expect(names(withFilters('', ['hpr', 'age-40-66']))).toEqual(['RELEVANT MILJØGIFT', 'AKTVERDIG LEOPARD']);
  });
});

describe('ID type', () => {
  it('fnr / dnr (also fødselsnummer, d-nummer): a D-number has its day raised by 40', () => {
    expect(parseQuery('dnr lav').idType).toBe('dnr');
    expect(parseQuery('fødselsnummer').idType).toBe('fnr');
    expect(names('dnr')).toEqual([]);
    expect(names('fnr')).toHaveLength(catalogPersons().length);
    const dPerson = { nin: '45068799975', name: 'D TEST', source: 'team' as const };
    expect(matches(dPerson, parseQuery('dnr'), TODAY)).toBe(true);
    expect(matches(dPerson, parseQuery('fnr'), TODAY)).toBe(false);
  });
});
