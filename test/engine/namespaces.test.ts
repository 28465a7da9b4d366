import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { NAMESPACES, namespaceInfo, namespaceLabel, successorOf, versionsOf } from '../../server/src/engine/namespaces/catalog';
import { catalogEntriesFor, coverOf, namespaceRulesCheck } from '../../server/src/engine/namespaces/check';
import { BUILTIN_RULES, createEngine, DEFAULT_SETTINGS } from '../../server/src/engine';
import { compileDataFile } from '../../server/src/build/data-files';

const FIXTURES = path.resolve(__dirname, '../../../shared/fixtures/nhn-schemas');

function xsdFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? xsdFiles(full) : name.endsWith('.xsd') ? [full] : [];
  });
}

describe('namespace catalog', () => {
  const targets = new Map<string, string>();
  for (const file of xsdFiles(FIXTURES)) {
    const ns = /targetNamespace="([^"]+)"/.exec(readFileSync(file, 'utf8'))?.[1];
    if (ns) targets.set(ns, path.relative(FIXTURES, file));
  }

  it('covers every targetNamespace in the NHN schema fixtures', () => {
    expect(targets.size).toBeGreaterThan(100);
    const missing = [...targets].filter(([ns]) => !namespaceInfo(ns)).map(([ns, file]) => `${ns} (${file})`);
    expect(missing).toEqual([]);
  });

  it('marks 2.4-era e-resept versions with a successor outdated, later superseded ones superseded, unchanged ones current', () => {
    expect(namespaceInfo('http://www.kith.no/xmlstds/eresept/m1/2010-05-01')).toMatchObject({
      status: 'outdated',
      successor: 'http://www.kith.no/xmlstds/eresept/m1/2013-10-08',
      release: '2.4',
    });
    expect(namespaceInfo('http://www.kith.no/xmlstds/eresept/m1/2013-10-08')?.status).toBe('current');
    expect(namespaceInfo('http://www.kith.no/xmlstds/eresept/m96/2015-05-01')).toMatchObject({
      status: 'superseded',
      successor: 'http://www.ehelse.no/xmlstds/eresept/m96/2021-02-01',
    });
    for (const unchanged of ['m3/2010-05-01', 'm14/2008-12-12', 'm22/2006-10-06']) {
      expect(namespaceInfo(`http://www.kith.no/xmlstds/eresept/${unchanged}`)?.status, unchanged).toBe('current');
    }
    // The extension namespace is its own message, not a newer M1.
    expect(namespaceInfo('http://www.kith.no/xmlstds/eresept/m1/2013-10-08/extension/1')?.status).toBe('current');
  });

  it('derives every e-resept status from the fixtures: newest is current, 2010 or earlier with a successor is outdated', () => {
    const eresept = NAMESPACES.filter((e) => e.standard === 'e-resept');
    expect(eresept.map((e) => e.uri).sort()).toEqual([...targets.keys()].filter((ns) => ns.includes('/eresept/') && !ns.includes('forskrivningsmodul')).sort());
    for (const e of eresept) {
      const newest = versionsOf(e.uri).at(-1)!;
      const expected = e === newest ? 'current' : e.version <= '2010-12-31' ? 'outdated' : 'superseded';
      expect(e.status, e.uri).toBe(expected);
      if (e !== newest) expect(e.successor, e.uri).toBe(newest.uri);
    }
  });

  it('derives older e-resept versions the schema set lacks, and nothing else', () => {
    expect(namespaceInfo('http://www.kith.no/xmlstds/eresept/m96/2009-03-18')).toMatchObject({
      status: 'outdated',
      message: 'M9.6',
      successor: 'http://www.ehelse.no/xmlstds/eresept/m96/2021-02-01',
    });
    expect(namespaceInfo('http://www.kith.no/xmlstds/eresept/m30/2012-01-01')).toMatchObject({
      status: 'superseded',
      successor: 'http://www.kith.no/xmlstds/eresept/m30/2014-12-01',
    });
    expect(namespaceLabel('http://www.kith.no/xmlstds/eresept/m96/2009-03-18')).toBe('e-resept M9.6 2009-03-18');
    for (const unknown of [
      'http://www.kith.no/xmlstds/eresept/m1/2030-01-01',
      'http://www.kith.no/xmlstds/eresept/m99/2009-01-01',
      'http://www.kith.no/xmlstds/labsvar/1999-01-01',
    ]) {
      expect(namespaceInfo(unknown), unknown).toBeUndefined();
    }
  });

  it('names namespaces the way people do', () => {
    expect(namespaceLabel('http://www.kith.no/xmlstds/dialog/2013-01-23')).toBe('Dialogmelding 1.1');
    expect(namespaceLabel('http://www.kith.no/xmlstds/msghead/2006-05-24')).toBe('MsgHead 1.2');
    expect(namespaceLabel('http://www.kith.no/xmlstds/apprec/2004-11-21')).toBe('AppRec 1.0');
    expect(namespaceLabel('http://www.kith.no/xmlstds/eresept/m1/2013-10-08')).toBe('e-resept M1 Resept 2013-10-08');
    expect(namespaceLabel('urn:example:unknown')).toBe('urn:example:unknown');
    expect(successorOf('http://www.kith.no/xmlstds/dialog/2006-10-11')?.version).toBe('1.1');
    expect(namespaceInfo('http://www.kith.no/xmlstds/eresept/forskrivningsmodul/epjapi/2019-07-26')?.status).toBe('outdated');
    expect(namespaceInfo('http://www.kith.no/xmlstds/eresept/forskrivningsmodul/export/2019-11-13')?.status).toBe('current');
  });

  it('covers the NAV schemas in the fixtures, each by its own targetNamespace', () => {
    const nav = path.resolve(FIXTURES, '../nav-schemas');
    for (const file of xsdFiles(nav)) {
      const ns = /targetNamespace="([^"]+)"/.exec(readFileSync(file, 'latin1'))?.[1];
      expect(ns && namespaceInfo(ns), path.basename(file)).toBeDefined();
    }
    expect(namespaceLabel('http://www.kith.no/xmlstds/HelseOpplysningerArbeidsuforhet/2013-10-01')).toBe(
      'Sykmelding (HelseOpplysningerArbeidsuforhet) 2013-10-01',
    );
    expect(namespaceInfo('http://www.kith.no/xmlstds/HelseOpplysningerArbeidsuforhet/2013-10-01')).toMatchObject({ standard: 'nav', status: 'current' });
    // The 2022 draft does not replace the sykmelding in use: both stay current, neither names a successor.
    expect(namespaceInfo('http://www.kith.no/xmlstds/HelseOpplysningerArbeidsuforhet/2022-05-03')).toMatchObject({
      status: 'current',
      message: expect.stringContaining('draft'),
    });
    expect(namespaceLabel('http://www.kith.no/xmlstds/legeerklaring/2008-06-06')).toBe('Legeerklæring 2008-06-06');
    expect(namespaceInfo('http://www.trygdeetaten.no/xml/eiff/1/')?.message).toBe('EI_fellesformat (NAV envelope)');
  });

  it('names Svarrapport 1.3 and 1.4, the newest current', () => {
    expect(namespaceLabel('http://www.kith.no/xmlstds/labsvar/2008-12-01')).toBe('Svarrapport (labsvar) 1.3');
    expect(namespaceInfo('http://www.kith.no/xmlstds/labsvar/2008-12-01')).toMatchObject({
      status: 'superseded',
      successor: 'http://www.kith.no/xmlstds/labsvar/2012-02-15',
    });
    expect(namespaceInfo('http://www.kith.no/xmlstds/labsvar/2012-02-15')).toMatchObject({ status: 'current' });
  });

  it('names Henvisning, Epikrise, Rekvisisjon and the PLO family: newest current, the others superseded (information)', () => {
    const families: [string, string, string[]][] = [
      [
        'Henvisning',
        'http://www.ehelse.no/xmlstds/henvisning/2017-11-30',
        ['http://www.kith.no/xmlstds/henvisning/2005-07-08', 'http://www.kith.no/xmlstds/henvisning/2012-02-15'],
      ],
      ['Epikrise', 'http://www.kith.no/xmlstds/epikrise/2012-02-15', ['http://www.kith.no/xmlstds/epikrise/2006-09-23']],
      [
        'Rekvisisjon',
        'http://www.kith.no/xmlstds/rekvisisjon/2012-02-15',
        ['http://www.kith.no/xmlstds/rekvisisjon/2005-05-20', 'http://www.kith.no/xmlstds/rekvisisjon/2008-12-01'],
      ],
      ['PLO poKomponent', 'http://www.kith.no/xmlstds/po/poKomponent/2012-04-01', ['http://www.kith.no/xmlstds/po/poKomponent/2009-06-30']],
      [
        'PLO Pasientlogistikk',
        'http://www.kith.no/xmlstds/po/Pasientlogistikk/2012-04-01',
        ['http://www.kith.no/xmlstds/po/Pasientlogistikk/2008-02-20', 'http://www.kith.no/xmlstds/po/Pasientlogistikk/2009-06-30'],
      ],
      ['PLO MeldingFravar', 'http://www.kith.no/xmlstds/po/MeldingFravar/2009-06-30', ['http://www.kith.no/xmlstds/po/MeldingFravar/2008-02-20']],
      [
        'PLO OrienteringOmTjenestetilbud',
        'http://www.kith.no/xmlstds/po/OrienteringOmTjenestetilbud/2012-04-01',
        ['http://www.kith.no/xmlstds/po/OrienteringOmTjenestetilbud/2008-02-20', 'http://www.kith.no/xmlstds/po/OrienteringOmTjenestetilbud/2009-06-30'],
      ],
      [
        'PLO Innleggelsesrapport',
        'http://www.kith.no/xmlstds/po/Innleggelsesrapport/2012-04-01',
        ['http://www.kith.no/xmlstds/po/Innleggelsesrapport/2008-02-20', 'http://www.kith.no/xmlstds/po/Innleggelsesrapport/2009-06-30'],
      ],
      [
        'PLO TverrfagligEpikrise',
        'http://www.kith.no/xmlstds/po/TverrfagligEpikrise/2012-04-01',
        ['http://www.kith.no/xmlstds/po/TverrfagligEpikrise/2008-02-20', 'http://www.kith.no/xmlstds/po/TverrfagligEpikrise/2009-06-30'],
      ],
      [
        'PLO HelseopplysningerVedSoknad',
        'http://www.kith.no/xmlstds/po/HelseopplysningerVedSoknad/2012-04-01',
        ['http://www.kith.no/xmlstds/po/HelseopplysningerVedSoknad/2009-06-30'],
      ],
    ];
    for (const [message, newest, older] of families) {
      expect(namespaceInfo(newest), newest).toMatchObject({ message, status: 'current' });
      expect(namespaceInfo(newest)?.schema, `${newest} has no public XSD`).toBeUndefined();
      for (const uri of older) expect(namespaceInfo(uri), uri).toMatchObject({ message, status: 'superseded', successor: newest });
      expect(
        versionsOf(newest)
          .map((e) => e.uri)
          .sort(),
      ).toEqual([newest, ...older].sort());
    }
    expect(namespaceLabel('http://www.kith.no/xmlstds/po/Pasientlogistikk/2012-04-01')).toBe('PLO Pasientlogistikk 2012-04-01 (PLO 1.6)');
  });

  it('no namespace rule fires on a superseded KITH message: superseded is information for e-resept only', async () => {
    const { findingsFor } = await import('../helpers/engine');
    const text =
      '<MsgHead xmlns="http://www.kith.no/xmlstds/msghead/2006-05-24"><x xmlns:h="http://www.kith.no/xmlstds/henvisning/2005-07-08" xmlns:p="http://www.kith.no/xmlstds/po/MeldingFravar/2008-02-20"/></MsgHead>';
    expect((await findingsFor(text, 'xml')).filter((f) => f.ruleId.startsWith('namespace/'))).toEqual([]);
  });

  it('rejects a catalog whose successor is not current, with the line of the entry', () => {
    const bad = [
      'namespaces:',
      '  - uri: http://example.org/a/1',
      '    standard: kith',
      '    message: A',
      "    version: '1'",
      '    status: superseded',
      '    successor: http://example.org/a/9',
    ].join('\n');
    expect(() => compileDataFile(bad, 'schemas/namespaces.yaml')).toThrow(/namespaces\.yaml:2: successor/);
    expect(() => compileDataFile('namespaces:\n  - uri: x\n', 'schemas/namespaces.yaml')).toThrow(/namespaces\.yaml/);
  });
});

describe('namespace rules gate', () => {
  it('covers every URI a rule matches with a few strings', () => {
    expect(
      coverOf(['http://www.kith.no/xmlstds/msghead/2006-05-24', 'http://www.ehelse.no/xmlstds/apprec/2012-02-15', 'http://www.nav.no/xml/eiff/2/']),
    ).toEqual(['xmlstds', 'eiff']);
    expect(coverOf(['urn:x:y'])).toEqual(['urn:x:y']);
    for (const rule of BUILTIN_RULES.filter((r) => r.match.catalog)) {
      const uris = catalogEntriesFor(rule).map((e) => e.uri);
      const cover = coverOf(uris);
      expect(cover.length).toBeLessThan(5);
      for (const uri of uris)
        expect(
          cover.some((c) => uri.includes(c)),
          `${rule.id}: ${uri}`,
        ).toBe(true);
    }
  });

  it('runs no rule pattern over a text without the gate strings, and finds an outdated e-resept namespace in one with them', async () => {
    const engine = createEngine({}, { checks: [namespaceRulesCheck(BUILTIN_RULES)] });
    const options = { today: '2026-12-07', language: 'en' as const, settings: { ...DEFAULT_SETTINGS } };
    const plain = 'var url = "https://example.org/api";\n'.repeat(200);
    expect((await engine.analyze({ uri: 'file:///a.cs', languageId: 'csharp', text: plain }, options)).findings).toEqual([]);
    const gates = engine.textPasses();
    expect(gates).toBeGreaterThan(0);
    expect(gates).toBeLessThan(3);
    const outdated = NAMESPACES.find((e) => e.status === 'outdated' && e.standard === 'e-resept')!;
    const withUri = `${plain}var ns = "${outdated.uri}";\n`;
    const found = (await engine.analyze({ uri: 'file:///b.cs', languageId: 'csharp', text: withUri }, options)).findings;
    expect(found.map((f) => f.range.start.line)).toContain(200);
  });
});
