// The test-person picker's logic without VS Code: query words, filters, the bundled catalog, the team
// file and its errors, merging, recently used order, insert formats, the live fallback, and replacing.

import { describe, expect, it } from 'vitest';
import { parseQuery, matches, ageOn } from '../../client/src/persons/query';
import { catalogPersons, ListSource } from '../../client/src/persons/catalog';
import { parseTeamFile } from '../../client/src/persons/team-file';
import { createRegistry, createSearchSession, mergePersons, type SearchUpdate } from '../../client/src/persons/sources';
import { remember } from '../../client/src/persons/recent';
import { formatPerson, defaultFormatFor, stringLiteral } from '../../client/src/persons/format';
import { numberAt, occurrencesOf, replacementsIn, isReplaceRequest } from '../../client/src/persons/replace';
import type { PersonSource, TestPerson } from '../../client/src/persons/model';
import { makeNin } from '../helpers/nin';
import { rangeOf } from '../helpers/engine';

const TODAY = '2026-11-26';
const catalog = catalogPersons();
const byName = (name: string) => catalog.find((p) => p.name === name)!;
const search = (input: string) => catalog.filter((p) => matches(p, parseQuery(input), TODAY)).map((p) => p.name);

describe('persons: query and filters', () => {
  it('parses filter words in English and Norwegian, keeping the rest for the search', () => {
    expect(parseQuery('kvinne 50-60 barn flr -hpr lukt')).toEqual({
      text: 'lukt',
      sex: 'female',
      minAge: 50,
      maxAge: 60,
      hasChildren: true,
      flr: true,
      hpr: false,
    });
    expect(parseQuery('sex:m age:30- krr')).toEqual({ text: '', sex: 'male', minAge: 30, krr: true });
    expect(parseQuery('alder:-40 -children Brun')).toEqual({ text: 'Brun', maxAge: 40, hasChildren: false });
  });

  it('finds by name (case and ø folded) and by part of the number', () => {
    expect(search('miljogift')).toEqual(['RELEVANT MILJØGIFT']);
    expect(search('lav fell')).toEqual(['LAV FELL']);
    expect(search('238148')).toEqual(['ALLSIDIG LUKT']);
  });

  it('filters by sex, age, children and registers; unknown facts do not pass a filter', () => {
    expect(ageOn('1948-01-23', TODAY)).toBe(78);
    expect(ageOn('1968-11-27', TODAY)).toBe(57);
    expect(search('mann')).toEqual(['BRUN LENESTOL']);
    expect(search('70-80')).toEqual(['ALLSIDIG LUKT', 'LAV FELL']);
    expect(search('hpr')).toEqual(['RELEVANT MILJØGIFT', 'AKTVERDIG LEOPARD']);
    expect(search('-hpr krr')).toEqual(['ALLSIDIG LUKT', 'LAV FELL']);
    expect(search('barn 50-60')).toEqual(['RELEVANT MILJØGIFT']);
    expect(search('barn 60-65 hpr')).toEqual(['AKTVERDIG LEOPARD']);
    expect(search('-barn')).toEqual([]);
  });
});

describe('persons: the team file', () => {
  const good = makeNin(12, 85, 90, 421); // Tenor, made up here
  const reserved = makeNin(3, 67, 1, 600); // SyntPop reserved
  const real = makeNin(12, 5, 90, 421);

  it('loads YAML and JSON, filling birth date and sex from the number', () => {
    const yaml = `persons:\n  - nin: "${good}"\n    name: TEAMETS TESTPERSON\n    children: 2\n    registers: { flr: true }\n  - { nin: "${reserved}", name: RESERVERT PERSON }\n`;
    const r = parseTeamFile(yaml, '.nhn/testpersons.yaml');
    expect(r.problems).toEqual([]);
    expect(r.persons).toEqual([
      { nin: good, name: 'TEAMETS TESTPERSON', sex: 'male', birthDate: '1990-05-12', children: 2, registers: { flr: true }, note: undefined, source: 'team' },
      {
        nin: reserved,
        name: 'RESERVERT PERSON',
        sex: 'female',
        birthDate: '2001-02-03',
        children: undefined,
        registers: undefined,
        note: undefined,
        source: 'team',
      },
    ]);
    const json = JSON.stringify({ persons: [{ nin: good, name: 'A' }] }, null, 2);
    expect(parseTeamFile(json, '.nhn/testpersons.json').persons.map((p) => p.name)).toEqual(['A']);
  });

  it('reports each bad entry with file, line and a masked number, and keeps the good ones', () => {
    const yaml = [
      'persons:',
      `  - nin: "${good}"`,
      '    name: GOD',
      `  - nin: "${real}"`,
      '    name: EKTE',
      '  - nin: "12345"',
      '    name: KORT',
      `  - nin: "${good.slice(0, 10)}${(Number(good[10]) + 1) % 10}"`,
      '    name: FEIL',
      `  - nin: "${reserved}"`,
      '    name: KJØNN',
      '    sex: male',
      `  - nin: "${good}"`,
      '    name: TO GANGER',
      `  - nin: "${reserved}"`,
      '    navn: UKJENT FELT',
    ].join('\n');
    const r = parseTeamFile(yaml, '.nhn/testpersons.yaml');
    expect(r.persons.map((p) => p.name)).toEqual(['GOD']);
    expect(r.problems).toEqual([
      '.nhn/testpersons.yaml:6: /persons/2/nin must match pattern "^\\d{11}$"',
      ".nhn/testpersons.yaml:15: /persons/6 must have required property 'name'",
      ".nhn/testpersons.yaml:15: /persons/6 must NOT have additional properties 'navn'",
      `.nhn/testpersons.yaml:4: persons[1] (${real.slice(0, 6)}*****) is not synthetic (month + 65 or + 80): a PREG or real person has no place in a test-person list`,
      `.nhn/testpersons.yaml:8: persons[3] (${good.slice(0, 6)}*****) is not a valid identity number: wrong check digits`,
      `.nhn/testpersons.yaml:10: persons[4] (${reserved.slice(0, 6)}*****): sex male does not match the number (female)`,
      `.nhn/testpersons.yaml:13: persons[5] (${good.slice(0, 6)}*****) is listed twice (first as persons[0])`,
    ]);
    expect(r.problems.join('\n')).not.toContain(real);
  });

  it('says where the file is broken, in Norwegian when asked', () => {
    expect(parseTeamFile('persons:\n  - nin: [\n', 't.yaml', 'nb').problems[0]).toMatch(/^t\.yaml:\d+: ikke gyldig YAML: /);
    expect(parseTeamFile('{"people": []}', 't.json').problems).toEqual(["t.json:1: / must have required property 'persons'"]);
  });
});

describe('persons: merging, recently used, insert formats', () => {
  const team: TestPerson = { nin: '04886897869', name: 'RELEVANT MILJØGIFT', source: 'team', note: 'vår favoritt' };
  const live: TestPerson = { nin: '23814898407', name: 'ALLSIDIG LUKT', source: 'live', registers: { krr: true } };

  it('keeps one entry per number, the team first, labelled with every source, facts filled in', () => {
    const merged = mergePersons([catalog, [team], [live]]);
    expect(merged).toHaveLength(catalog.length);
    const miljogift = merged.find((p) => p.nin === team.nin)!;
    expect(miljogift).toMatchObject({ source: 'team', sources: ['team', 'catalog'], note: 'vår favoritt', birthDate: '1968-08-04', children: 3 });
    expect(merged.find((p) => p.nin === live.nin)!.sources).toEqual(['catalog', 'live']);
  });

  it('puts recently used persons first, most recent first', () => {
    let recent: string[] = [];
    recent = remember(recent, byName('LAV FELL').nin);
    recent = remember(recent, byName('ALLSIDIG LUKT').nin);
    recent = remember(recent, byName('LAV FELL').nin);
    expect(
      mergePersons([catalog], recent)
        .slice(0, 3)
        .map((p) => p.name),
    ).toEqual(['LAV FELL', 'ALLSIDIG LUKT', '(unnamed Tenor person)']);
    expect(
      remember(
        Array.from({ length: 25 }, (_, i) => String(i)),
        'x',
      ),
    ).toHaveLength(20);
  });

  it('formats a person as a bare number, a FHIR identifier, a KITH Ident and a string literal', () => {
    const p = byName('LAV FELL');
    expect(formatPerson(p, 'bare', 'java')).toBe('22875298279');
    expect(formatPerson(p, 'string-literal', 'csharp')).toBe('"22875298279"');
    expect(stringLiteral(p.nin, 'python')).toBe("'22875298279'");
    expect(stringLiteral(p.nin, 'properties')).toBe('22875298279');
    expect(JSON.parse(formatPerson(p, 'fhir-identifier', 'json', '    '))).toEqual({ system: 'urn:oid:2.16.578.1.12.4.1.4.1', value: '22875298279' });
    expect(formatPerson(p, 'fhir-identifier', 'json', '  ').split('\n')[1]).toBe('    "system": "urn:oid:2.16.578.1.12.4.1.4.1",');
    expect(formatPerson(p, 'kith-ident', 'xml')).toBe(
      '<Ident>\n  <Id>22875298279</Id>\n  <TypeId V="FNR" DN="Fødselsnummer" S="2.16.578.1.12.4.1.1.8116"/>\n</Ident>',
    );
    const d = { ...p, nin: makeNin(44, 88, 68, 977) };
    expect(formatPerson(d, 'kith-ident', 'xml')).toContain('V="DNR"');
    expect(formatPerson(d, 'fhir-identifier', 'json')).toContain('urn:oid:2.16.578.1.12.4.1.4.2');
    expect([defaultFormatFor('xml'), defaultFormatFor('json'), defaultFormatFor('java'), defaultFormatFor('properties')]).toEqual([
      'kith-ident',
      'fhir-identifier',
      'string-literal',
      'bare',
    ]);
  });
});

describe('persons: sources, debounce, cancellation and the live fallback', () => {
  /** Timers under the test's control: nothing runs until `fire()`. */
  function manualTimers() {
    const pending = new Map<number, () => void>();
    let next = 0;
    return {
      set: (fn: () => void) => (pending.set(++next, fn), next),
      clear: (h: unknown) => void pending.delete(h as number),
      fire: () => [...pending.entries()].forEach(([h, fn]) => (pending.delete(h), fn())),
      get count() {
        return pending.size;
      },
    };
  }
  const local = new ListSource(
    'catalog',
    'SyntPop catalog',
    () => ({ persons: catalog }),
    () => TODAY,
  );

  function liveSource(behaviour: (q: string, signal: AbortSignal) => Promise<{ persons: TestPerson[]; message?: string }>) {
    const calls: string[] = [];
    const source: PersonSource = { id: 'live', label: 'Persontjenesten', search: (q, signal) => (calls.push(q.text), behaviour(q.text, signal)) };
    return { source, calls };
  }

  function session(sources: PersonSource[], timers = manualTimers()) {
    const updates: SearchUpdate[] = [];
    const s = createSearchSession({ sources: () => sources, recent: () => [], language: () => 'en', onUpdate: (u) => updates.push(u), timers });
    return { s, updates, timers };
  }

  it('answers from local sources at once and from the live source only after the debounce, merged', async () => {
    const found: TestPerson = { nin: makeNin(1, 81, 80, 123), name: 'LEVENDE LUKT', source: 'live' };
    const live = liveSource(async () => ({ persons: [found] }));
    const { s, updates, timers } = session([local, live.source]);
    void s.update(parseQuery('lukt'));
    void s.update(parseQuery('lukt 1948'));
    const done = s.update(parseQuery('lukt 19'));
    await Promise.resolve();
    await new Promise((r) => setImmediate(r));
    expect(live.calls).toEqual([]);
    expect(timers.count).toBe(1);
    expect(updates.at(-1)).toMatchObject({ busy: true, messages: [] });
    timers.fire();
    await done;
    expect(live.calls).toEqual(['lukt 19']);
    expect(updates.at(-1)!.busy).toBe(false);
    expect(updates.at(-1)!.persons.map((p) => [p.name, p.sources])).toEqual([['LEVENDE LUKT', ['live']]]);
  });

  it('cancels a live search when the user types on, and ignores its late answer', async () => {
    let seen: AbortSignal | undefined;
    let release!: () => void;
    const live = liveSource((q, signal) =>
      q === 'fell'
        ? ((seen = signal), new Promise((r) => (release = () => r({ persons: [{ nin: '1', name: 'STALE', source: 'live' }] }))))
        : Promise.resolve({ persons: [] }),
    );
    const { s, updates, timers } = session([local, live.source]);
    void s.update(parseQuery('fell'));
    await new Promise((r) => setImmediate(r));
    timers.fire();
    await new Promise((r) => setImmediate(r));
    const next = s.update(parseQuery('leopard'));
    expect(seen!.aborted).toBe(true);
    release();
    await new Promise((r) => setImmediate(r));
    timers.fire();
    await next;
    await new Promise((r) => setImmediate(r));
    expect(updates.flatMap((u) => u.persons.map((p) => p.name))).not.toContain('STALE');
    expect(updates.at(-1)!.persons.map((p) => p.name)).toEqual(['AKTVERDIG LEOPARD']);
  });

  it('shows why the live source did not answer, beside the local results; a throwing source does not break the rest', async () => {
    const refusing = liveSource(async () => ({ persons: [], message: 'Live search is off: it contacts NHN only when the setting nhn.allowDownloads is on.' }));
    const { s, updates, timers } = session([local, refusing.source]);
    const done = s.update(parseQuery('fell'));
    await new Promise((r) => setImmediate(r));
    timers.fire();
    await done;
    expect(updates.at(-1)).toMatchObject({
      busy: false,
      messages: ['Live search: Live search is off: it contacts NHN only when the setting nhn.allowDownloads is on. Showing the local test persons.'],
    });
    expect(updates.at(-1)!.persons.map((p) => p.name)).toEqual(['LAV FELL']);

    const broken: PersonSource = { id: 'team', label: 'team file', search: async () => Promise.reject(new Error('disk on fire')) };
    const second = session([local, broken]);
    await second.s.update(parseQuery('fell'));
    expect(second.updates.at(-1)).toMatchObject({ busy: false, messages: ['team file: disk on fire'] });
    expect(second.updates.at(-1)!.persons.map((p) => p.name)).toEqual(['LAV FELL']);
  });

  it('registers one source per id; disposing unregisters', () => {
    const registry = createRegistry();
    const a = liveSource(async () => ({ persons: [] }));
    const b = liveSource(async () => ({ persons: [] }));
    registry.register(local);
    registry.register(a.source);
    const handle = registry.register(b.source);
    expect(registry.list()).toEqual([local, b.source]);
    handle.dispose();
    expect(registry.list()).toEqual([local]);
  });
});

describe('persons: replacing a flagged number', () => {
  const real = makeNin(23, 4, 85, 207);
  const text = `a = "${real}"\nb = ${real.slice(0, 6)} ${real.slice(6)}\nc = 9${real}\nd = ${real}`;
  const first = rangeOf(text, real);

  it('reads the number back only when it still matches the mask', () => {
    expect(numberAt(text, first, `${real.slice(0, 6)}*****`)).toBe(real);
    expect(numberAt(text, first, '010101*****')).toBeUndefined();
    expect(numberAt(text, rangeOf(text, 'a = '), `${real.slice(0, 6)}*****`)).toBeUndefined();
    expect(isReplaceRequest({ uri: 'file:///x', range: first, masked: 'x' })).toBe(true);
    expect(isReplaceRequest(undefined)).toBe(false);
  });

  it("finds every standalone occurrence, plain or spaced, and keeps each one's form", () => {
    expect(occurrencesOf(text, real).map((o) => o.spaced)).toEqual([false, true, false]);
    const edits = replacementsIn(text, real, '22875298279');
    expect(edits.map((e) => e.newText)).toEqual(['22875298279', '228752 98279', '22875298279']);
    expect(edits[0].range).toEqual(first);
    expect(edits[2].range).toEqual(rangeOf(text, real, 2));
    const one = replacementsIn(text, real, '22875298279', { start: text.indexOf(real), end: text.indexOf(real) + 11 });
    expect(one).toHaveLength(1);
  });
});
