// Generates Enki.Infrastructure/Geography/Data/* from the shared geography sources
// and the official commune list (@etalab/decoupage-administratif).
// Usage: node generate.mjs [sourceDir] [outputDir]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const sourceDir = process.argv[2] ?? '/work/shared/geo';
const outputDir = process.argv[3] ?? path.resolve(here, '../../Enki.Infrastructure/Geography/Data');

// Commune outlines: 4 decimals (~10 m), finer than the simplification of the 2018 outlines;
// 5 decimals would cost +2.6 MB for no practical gain.
const OUTLINE_DECIMALS = Number(process.env.OUTLINE_DECIMALS ?? 4);
// Department outlines are for display only: 3 decimals (~100 m) keeps the map payload small.
const MAP_DECIMALS = 3;

const require = createRequire(import.meta.url);
const cogDir = path.dirname(require.resolve('@etalab/decoupage-administratif/package.json'));
const readCog = name => JSON.parse(fs.readFileSync(path.join(cogDir, 'data', name), 'utf8'));

fs.mkdirSync(outputDir, { recursive: true });
const gzip = buffer => zlib.gzipSync(buffer, { level: 9 });
const tsv = (header, rows) => [header, ...rows].map(r => r.join('\t')).join('\n') + '\n';
const write = (name, content) => {
  fs.writeFileSync(path.join(outputDir, name), content);
  console.log(`${name}: ${fs.statSync(path.join(outputDir, name)).size} bytes`);
};

// --- Defence zones and the department -> zone table -------------------------------
const zoneLines = fs.readFileSync(path.join(sourceDir, 'zones-de-defense.csv'), 'utf8')
  .split(/\r?\n/).slice(1).filter(l => l.trim() !== '');
const zoneOfDepartment = new Map();
const zones = new Map();
for (const line of zoneLines) {
  const [departement, code, nom, siege] = line.split(';');
  zoneOfDepartment.set(departement, code);
  zones.set(code, [code, nom, siege]);
}
write('zones.tsv', tsv(['code', 'nom', 'siege'], [...zones.values()]));

// --- Regions, departments, communes (current COG) ---------------------------------
const regions = readCog('regions.json');
write('regions.tsv', tsv(['code', 'nom'], regions.map(r => [r.code, r.nom])));

const departments = readCog('departements.json');
write('departments.tsv', tsv(['code', 'nom', 'region', 'zone'],
  departments.map(d => [d.code, d.nom, d.region, zoneOfDepartment.get(d.code) ?? ''])));
const missingZone = [...zoneOfDepartment.keys()].filter(c => !departments.some(d => d.code === c));
if (missingZone.length) console.warn(`zone table lists unknown departments: ${missingZone}`);

const cog = readCog('communes.json');
const current = cog.filter(c => c.type === 'commune-actuelle');
const currentCodes = new Set(current.map(c => c.code));
write('communes.tsv.gz', gzip(tsv(['insee', 'nom', 'departement', 'region', 'population'],
  current.map(c => [c.code, c.nom, c.departement, c.region, c.population ?? 0]))));

// --- Commune outlines, keyed by current INSEE code ---------------------------------
// A 2018 code is either still current, a delegated/associated commune (-> chefLieu)
// or a municipal arrondissement (-> commune).
const successor = new Map();
for (const c of cog) {
  if (c.type === 'commune-deleguee' || c.type === 'commune-associee') successor.set(c.code, c.chefLieu);
  else if (c.type === 'arrondissement-municipal') successor.set(c.code, c.commune);
}
const resolveCurrent = code => currentCodes.has(code) ? code
  : (successor.has(code) && currentCodes.has(successor.get(code)) ? successor.get(code) : null);

const polygonsByCommune = new Map();
const unmapped = [];
let remapped = 0;
const communeDir = path.join(sourceDir, 'communes-par-departement');
for (const file of fs.readdirSync(communeDir).sort()) {
  const collection = JSON.parse(fs.readFileSync(path.join(communeDir, file), 'utf8'));
  for (const feature of collection.features) {
    const code = feature.properties.code;
    const target = resolveCurrent(code);
    if (target === null) { unmapped.push(`${code} ${feature.properties.nom}`); continue; }
    if (target !== code) remapped++;
    const g = feature.geometry;
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    if (!polygonsByCommune.has(target)) polygonsByCommune.set(target, []);
    polygonsByCommune.get(target).push(...polygons);
  }
}

// Quantizes a ring, drops repeated points and the closing point; null if it collapsed.
const quantizeRing = (ring, decimals) => {
  const scale = 10 ** decimals;
  const out = [];
  for (const [x, y] of ring) {
    const p = [Math.round(x * scale), Math.round(y * scale)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  if (out.length > 1 && out[0][0] === out[out.length - 1][0] && out[0][1] === out[out.length - 1][1]) out.pop();
  return out.length >= 3 ? out : null;
};

// Binary layout (all integers are LEB128 varints, signed ones zigzag-encoded):
// decimals, communeCount, then per commune: 5 ASCII bytes INSEE code, polygonCount,
// per polygon: ringCount (shell first), per ring: pointCount, then (dx, dy) deltas
// from the previous point of the whole stream. Rings are implicitly closed.
const bytes = [];
const varint = v => { while (v >= 0x80) { bytes.push((v & 0x7f) | 0x80); v = Math.floor(v / 128); } bytes.push(v); };
const zigzag = v => varint(v >= 0 ? v * 2 : -v * 2 - 1);
let prevX = 0, prevY = 0, droppedRings = 0, points = 0;
const communeCodes = [...polygonsByCommune.keys()].sort();
varint(OUTLINE_DECIMALS);
varint(communeCodes.length);
for (const code of communeCodes) {
  for (const ch of code) bytes.push(ch.charCodeAt(0));
  const polygons = polygonsByCommune.get(code)
    .map(p => p.map(r => quantizeRing(r, OUTLINE_DECIMALS)))
    .map(rings => rings[0] === null ? null : rings.filter(r => r !== null))
    .filter(p => p !== null);
  droppedRings += polygonsByCommune.get(code).reduce((n, p) => n + p.length, 0)
    - polygons.reduce((n, p) => n + p.length, 0);
  varint(polygons.length);
  for (const rings of polygons) {
    varint(rings.length);
    for (const ring of rings) {
      varint(ring.length);
      points += ring.length;
      for (const [x, y] of ring) { zigzag(x - prevX); zigzag(y - prevY); prevX = x; prevY = y; }
    }
  }
}
write('commune-outlines.bin.gz', gzip(Buffer.from(bytes)));

// --- Department outlines for the map ------------------------------------------------
const map = JSON.parse(fs.readFileSync(path.join(sourceDir, 'departements-avec-outre-mer.geojson'), 'utf8'));
const mapFeatures = map.features.map(f => {
  const polygons = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates)
    .map(p => p.map(r => quantizeRing(r, MAP_DECIMALS)))
    .filter(rings => rings[0] !== null)
    .map(rings => rings.filter(r => r !== null)
      .map(r => [...r, r[0]].map(([x, y]) => [x / 10 ** MAP_DECIMALS, y / 10 ** MAP_DECIMALS])));
  return {
    type: 'Feature',
    properties: { code: f.properties.code, name: f.properties.nom },
    geometry: polygons.length === 1
      ? { type: 'Polygon', coordinates: polygons[0] }
      : { type: 'MultiPolygon', coordinates: polygons },
  };
});
write('departement-outlines.geojson.gz', gzip(JSON.stringify({ type: 'FeatureCollection', features: mapFeatures })));

// --- Report ---------------------------------------------------------------------------
const withoutOutline = current.filter(c => !polygonsByCommune.has(c.code));
const byDepartment = withoutOutline.reduce((m, c) => m.set(c.departement, (m.get(c.departement) ?? 0) + 1), new Map());
console.log(`zones ${zones.size}, regions ${regions.length}, departments ${departments.length}, current communes ${current.length}`);
console.log(`outline points ${points}, rings dropped by quantization ${droppedRings}`);
console.log(`2018 outline codes remapped to their current commune: ${remapped}`);
console.log(`2018 outline codes with no current commune: ${unmapped.length}`);
for (const u of unmapped) console.log(`  ${u}`);
console.log(`current communes without outline: ${withoutOutline.length} ` +
  `(${[...byDepartment].map(([d, n]) => `${d}:${n}`).join(', ')})`);
const metropolitanOrDrom = withoutOutline.filter(c => c.departement.length === 2 || ['971', '972', '973', '974', '976'].includes(c.departement));
for (const c of metropolitanOrDrom) console.log(`  ${c.code} ${c.nom}`);
