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
  const picked = s.select(ranked, terms);
  const list = picked.list.map((r) => {
    const rec = read(`d/${Math.floor(r.page / meta.chunk)}.json`)[r.page % meta.chunk];
    return { ...r, title: rec.t, kind: rec.k, url: rec.u };
  });
  list.toneless = picked.toneless;
  return list;
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
  // With tone marks: the pages that have the words as typed, among those found without.
  const toned = search('thủ tục khai sinh');
  assert.strictEqual(toned.toneless, false);
  assert.strictEqual(toned[0].title, plain[0].title);
  const plainPages = plain.map((x) => x.page);
  assert.ok(toned.every((x) => plainPages.includes(x.page)));
});

test('đ folds to d', () => {
  const r = search('dang ky');
  assert.ok(r.some((x) => x.title === 'Đăng ký khai tử'));
});

test('old and new tone placement find the same pages, as exact matches', () => {
  for (const [a, b] of [['hòa', 'hoà'], ['hóa', 'hoá'], ['thủy', 'thuỷ']]) {
    const x = search(a);
    const y = search(b);
    assert.ok(x.length > 0, a);
    assert.strictEqual(x.toneless, false, a);
    assert.deepStrictEqual(x.map((r) => r.page), y.map((r) => r.page), `${a} ${b}`);
  }
});

test('a query with tone marks shows only the pages with those tones', () => {
  // "đường" (road, line) and "dưỡng" (nuôi dưỡng, on the welfare procedure) fold alike.
  const plain = search('duong');
  assert.ok(plain.some((x) => /trợ cấp xã hội/.test(x.title)), 'duong finds dưỡng');
  const r = search('đường');
  assert.ok(r.length > 0);
  assert.strictEqual(r.toneless, false);
  assert.ok(r.every((x) => x.exact === 1));
  assert.ok(!r.some((x) => /trợ cấp xã hội/.test(x.title)), 'đường does not list dưỡng');
  // A word still being typed may lack its tone: "đươn" is "đường" begun.
  assert.ok(search('đươn').length > 0);
  assert.strictEqual(search('đươn').toneless, false);
  // Words without marks in the query match any spelling beside the marked one.
  const mixed = search('duong dây nóng');
  assert.ok(mixed.length > 0);
  assert.strictEqual(mixed.toneless, false);
});

test('with no exact-tone match, the tone-less matches are shown and flagged', () => {
  // No page has "khái" (or "khải"); many have "khai".
  const r = search('khái');
  assert.ok(r.length > 0);
  assert.strictEqual(r.toneless, true);
  assert.deepStrictEqual(r.map((x) => x.page), search('khai').map((x) => x.page));
  // Nothing at all: no notice either.
  const none = search('đzzq');
  assert.strictEqual(none.length, 0);
  assert.strictEqual(none.toneless, false);
});

test('the whole text is searched: words far into a plan, a procedure\'s dossier', () => {
  // Past the first 1,500 bytes of the body of the 2026 procedures plan.
  const r = search('đường dây nóng');
  assert.ok(r.some((x) => x.url.includes('ke-hoach-kiem-soat-tthc-2026')), 'deep in a plan');
  // Only in the subjects and the dossier of the welfare procedure (front matter).
  const d = search('nuôi dưỡng');
  assert.ok(d.some((x) => /trợ cấp xã hội/.test(x.title)), 'in the dossier');
});

test('postings decode as src/output/search/postings.rs writes them', () => {
  assert.deepStrictEqual(s.decode('023HYC', true), [[0, 1], [1, 1], [2, 17], [40, 1]]);
  assert.deepStrictEqual(s.decode('31Z0', false), [3, 4, 100]);
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
