// Folding and ranking of themes/cong-thong-tin/static/js/tim-kiem.js, on the index that
// congbo built for the example site (SEARCH_SITE = the built output folder). Run by
// tests/search.rs: node --test tests/search_js/
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const s = require('../../themes/cong-thong-tin/static/js/tim-kiem.js');

const site = process.env.SEARCH_SITE;
const read = (p) => JSON.parse(fs.readFileSync(path.join(site, 'search', p), 'utf8'));

// What the page does: the shards a query needs, ranked, with the records of the results.
function search(query) {
  const meta = read('meta.json');
  const terms = s.parse(query);
  const wanted = new Set();
  terms.forEach((t, i) => {
    s.shardsFor(meta.shards, t.f, t.prefix).forEach((n) => wanted.add(n));
    if (i + 1 < terms.length) {
      s.shardsFor(meta.shards, t.f + ' ' + terms[i + 1].f, terms[i + 1].prefix).forEach((n) => wanted.add(n));
    }
  });
  const ranked = s.rank(terms, [...wanted].map((n) => read(`s/${n}.json`)), meta);
  return ranked.filter((r) => r.all).map((r) => {
    const rec = read(`d/${Math.floor(r.page / meta.chunk)}.json`)[r.page % meta.chunk];
    return { ...r, title: rec.t, kind: rec.k, url: rec.u };
  });
}

test('folding: no tones, đ as d, the same for old and new tone placement', () => {
  assert.strictEqual(s.fold('đường'), 'duong');
  assert.strictEqual(s.fold('Thủ tục'.toLowerCase()), 'thu tuc');
  assert.deepStrictEqual(s.sig('hóa'), s.sig('hoá'));
  assert.deepStrictEqual(s.sig('thủy'), s.sig('thuỷ'));
  assert.notDeepStrictEqual(s.sig('hóa'), s.sig('hòa'));
});

test('parse: codes whole, the last word a prefix while typing', () => {
  const t = s.parse('Nghị định 61/2018/NĐ-CP');
  assert.deepStrictEqual(t.map((x) => x.f), ['nghi', 'dinh', '61/2018/nd-cp']);
  assert.deepStrictEqual(t.map((x) => x.prefix), [false, false, true]);
  assert.strictEqual(s.parse('khai sinh ').pop().prefix, false);
  assert.strictEqual(s.parse('khai si').pop().prefix, true);
});

test('the same pages with and without tone marks', () => {
  for (const q of ['dang ky khai tu', 'đăng ký khai tử', 'Đăng Ký Khai Tử ']) {
    const r = search(q);
    assert.ok(r.length > 0, q);
    assert.strictEqual(r[0].title, 'Đăng ký khai tử', q);
  }
  for (const q of ['thu tuc khai tu', 'thủ tục khai tử']) {
    assert.ok(search(q).slice(0, 3).some((x) => x.title === 'Đăng ký khai tử'), q);
  }
  const plain = search('thu tuc khai sinh');
  assert.ok(plain.length > 0);
  assert.match(plain[0].title, /khai sinh/);
  assert.deepStrictEqual(
    search('thủ tục khai sinh').map((x) => x.page).sort(),
    plain.map((x) => x.page).sort(),
  );
});

test('đ folds to d', () => {
  const r = search('dang ky');
  assert.ok(r.some((x) => x.title === 'Đăng ký khai tử'));
});

test('old and new tone placement find the same pages', () => {
  const a = search('hòa').map((x) => x.page);
  const b = search('hoà').map((x) => x.page);
  assert.ok(a.length > 0);
  assert.deepStrictEqual(a, b);
});

test('exact tone marks rank first when the query has them', () => {
  // "khai tử" (death) and "khai sinh" both fold "khai"; "tu" also folds "tư", "từ", "tự".
  const r = search('tử');
  const firstNot = r.findIndex((x) => x.exact === 0);
  const lastExact = r.map((x) => x.exact > 0).lastIndexOf(true);
  assert.ok(lastExact >= 0, 'some page has "tử"');
  assert.ok(firstNot === -1 || firstNot > lastExact, 'every exact match comes before the others');
});

test('all words required; the phrase first', () => {
  const r = search('khai sinh');
  assert.ok(r.length > 0);
  for (const x of r) assert.strictEqual(x.terms, 2);
  assert.ok(r[0].pairs >= 1, 'the first result has the words side by side');
});

test('procedure codes and document numbers are found and rank high', () => {
  const c = search('1.004561');
  assert.strictEqual(c[0].title, 'Đăng ký khai tử');
  const n = search('61/2018/NĐ-CP');
  assert.strictEqual(n[0].kind, 'document');
  const typed = search('61/2018/nd');
  assert.strictEqual(typed[0].kind, 'document');
});

test('prefix of the last word while typing', () => {
  const r = search('dang ky kh');
  assert.ok(r.some((x) => x.title === 'Đăng ký khai tử'));
});

test('highlighting marks the query words in a title', () => {
  const parts = s.marks('Đăng ký khai tử', s.parse('dang ky'));
  assert.deepStrictEqual(parts.filter((p) => p[1]).map((p) => p[0]), ['Đăng', 'ký']);
});
