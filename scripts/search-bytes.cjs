// Bytes a search query fetches, as the search page fetches them (tim-kiem.js): meta.json,
// the shards of its words and word pairs, the record chunks of the first ten results.
// Usage: node scripts/search-bytes.cjs <built site folder> "query one" "query two" …
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const s = require('../themes/cong-thong-tin/static/js/tim-kiem.js');

const [site, ...queries] = process.argv.slice(2);
if (!site || !queries.length) {
  console.error('usage: node scripts/search-bytes.cjs <site output folder> <query>…');
  process.exit(2);
}
const file = (p) => fs.readFileSync(path.join(site, 'search', p));
const meta = JSON.parse(file('meta.json'));

for (const q of queries) {
  const terms = s.parse(q);
  const wanted = new Set();
  terms.forEach((t, i) => {
    s.shardsFor(meta.shards, t.f, t.prefix).forEach((n) => wanted.add(`s/${n}.json`));
    if (i + 1 < terms.length) {
      const pair = t.f + ' ' + terms[i + 1].f;
      s.shardsFor(meta.shards, pair, terms[i + 1].prefix).forEach((n) => wanted.add(`s/${n}.json`));
    }
  });
  const shards = [...wanted].map((p) => JSON.parse(file(p)));
  const picked = s.select(s.rank(terms, shards, meta), terms);
  const chunks = new Set(picked.list.slice(0, 10).map((r) => `d/${Math.floor(r.page / meta.chunk)}.json`));
  const fetched = ['meta.json', ...wanted, ...chunks];
  let raw = 0;
  let gz = 0;
  for (const p of fetched) {
    const b = file(p);
    raw += b.length;
    gz += zlib.gzipSync(b, { level: 6 }).length;
  }
  const kb = (n) => (n / 1024).toFixed(0);
  console.log(`${q}\t${picked.list.length} results${picked.toneless ? ' (tone-less)' : ''}\t` +
    `${fetched.length} files\t${kb(raw)} KB raw\t${kb(gz)} KB gzip`);
}
