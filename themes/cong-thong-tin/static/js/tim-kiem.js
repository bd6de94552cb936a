// Tìm kiếm: reads the index congbo writes under search/ (see src/output/search/) and
// fetches only what a query needs: meta.json once, one shard per word (a few under a
// prefix being typed), then the page records of the results shown. No framework.
// Words are cut and folded exactly as src/output/search/tokens.rs does.
(function (root) {
  'use strict';
  var WORD = /[\p{L}\p{N}\p{M}]+/gu;
  var CODE = /[\p{L}\p{N}\p{M}]+(?:[./-][\p{L}\p{N}\p{M}]+)+/gu;
  var TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;

  function fold(w) {
    return w.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').normalize('NFC');
  }
  // A word without its tone (quality marks kept) and its tones: equal for "hoá" and "hóa".
  function sig(w) {
    var d = w.normalize('NFD');
    return { base: d.replace(TONES, '').normalize('NFC'), tones: (d.match(TONES) || []).join('') };
  }
  function hasMarks(w) { return fold(w) !== w; }

  // The query's terms: codes whole (their parts left out), other words alone; the last
  // is a prefix when the query does not end with a space or punctuation.
  function parse(query) {
    var q = query.normalize('NFC').toLowerCase();
    var terms = [];
    var covered = [];
    var m;
    CODE.lastIndex = 0;
    while ((m = CODE.exec(q))) {
      if (!/[0-9]/.test(m[0])) continue;
      covered.push([m.index, m.index + m[0].length]);
      terms.push({ w: m[0], at: m.index });
    }
    WORD.lastIndex = 0;
    while ((m = WORD.exec(q))) {
      var at = m.index;
      if (covered.some(function (c) { return at >= c[0] && at < c[1]; })) continue;
      terms.push({ w: m[0], at: at });
    }
    terms.sort(function (a, b) { return a.at - b.at; });
    var typing = /[\p{L}\p{N}\p{M}]$/u.test(q);
    return terms.map(function (t, i) {
      var f = fold(t.w);
      return {
        w: t.w, f: f, marked: hasMarks(t.w), sig: sig(t.w),
        prefix: typing && i === terms.length - 1 && f.length >= 2
      };
    });
  }

  // The shard prefix a key lives under: the longest that begins it.
  function shardOf(shards, key) {
    var best = -1;
    for (var i = 0; i < shards.length; i++) {
      var p = shards[i];
      if (key.lastIndexOf(p, 0) === 0 && (best < 0 || p.length > shards[best].length)) best = i;
    }
    return best;
  }
  // The shards that can hold a key equal to `key` or, for a prefix, beginning with it.
  function shardsFor(shards, key, prefix) {
    var list = [];
    var own = shardOf(shards, key);
    if (own >= 0) list.push(own);
    if (prefix) {
      for (var i = 0; i < shards.length; i++) {
        if (i !== own && shards[i].lastIndexOf(key, 0) === 0) list.push(i);
      }
    }
    return list;
  }

  // Postings as src/output/search/postings.rs writes them: numbers in groups of five bits,
  // most significant first, one character of DIGITS each (32 added while more follow).
  // A word's postings are gap * 2 + (score != 1), then the score when that bit is set;
  // a pair's are gaps alone. Returns [[page, score]] for a word, [page] for a pair.
  var DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
  var VALUE = [];
  for (var d = 0; d < DIGITS.length; d++) VALUE[DIGITS.charCodeAt(d)] = d;
  function decode(text, scored) {
    var out = [];
    var page = 0;
    var i = 0;
    function number() {
      var v = 0;
      var g;
      do {
        g = VALUE[text.charCodeAt(i++)];
        v = v * 32 + (g & 31);
      } while (g & 32);
      return v;
    }
    while (i < text.length) {
      var v = number();
      if (!scored) {
        page += v;
        out.push(page);
      } else {
        page += Math.floor(v / 2);
        out.push([page, v % 2 ? number() : 1]);
      }
    }
    return out;
  }

  // Whether a spelling (its sig) is the query word's with the tones as typed ("hoá" and
  // "hóa" are one spelling). A word being typed may still lack its tone: "đươn" is
  // "đường" begun, but "đương" typed whole is not "đường".
  function sameTones(t, s, full) {
    if (full) return s.base === t.sig.base && s.tones === t.sig.tones;
    if (s.base.lastIndexOf(t.sig.base, 0) !== 0) return false;
    return s.tones === t.sig.tones || (!t.sig.tones && s.base.length > t.sig.base.length);
  }

  // Ranks pages for parsed terms over loaded shards (objects with w and p maps).
  // Returns [{page, all, terms, pairs, exact, title, score}] best first.
  function rank(terms, shardData, meta) {
    var title = meta.title;
    var hits = {};
    terms.forEach(function (t, ti) {
      shardData.forEach(function (sh) {
        Object.keys(sh.w).forEach(function (k) {
          var full = k === t.f;
          if (!full && !(t.prefix && k.lastIndexOf(t.f, 0) === 0)) return;
          var variants = sh.w[k];
          Object.keys(variants).forEach(function (ex) {
            var exact = t.marked && sameTones(t, sig(ex), full);
            decode(variants[ex], true).forEach(function (ps) {
              var h = hits[ps[0]] || (hits[ps[0]] = { page: ps[0], t: {} });
              var inTitle = ps[1] >= title;
              var tf = ps[1] % title;
              var score = (1 + Math.log(tf)) * (inTitle ? 4 : 1) * (full ? 1 : 0.3);
              var old = h.t[ti];
              if (!old) h.t[ti] = old = { score: 0, exact: false, title: false, full: false };
              old.full = old.full || full;
              old.score = Math.max(old.score, score);
              old.exact = old.exact || exact;
              old.title = old.title || inTitle;
            });
          });
        });
      });
    });
    var pairHits = {};
    for (var i = 0; i + 1 < terms.length; i++) {
      var key = terms[i].f + ' ' + terms[i + 1].f;
      shardData.forEach(function (sh) {
        Object.keys(sh.p).forEach(function (k) {
          if (k === key || (terms[i + 1].prefix && k.lastIndexOf(key, 0) === 0)) {
            decode(sh.p[k], false).forEach(function (p) {
              var set = pairHits[p] || (pairHits[p] = {});
              set[i] = true;
            });
          }
        });
      });
    }
    // Rare words weigh more: a word on every page says little about which one is meant.
    var df = terms.map(function () { return 0; });
    Object.keys(hits).forEach(function (p) {
      // A word being typed counts the pages that have it whole (when some do).
      Object.keys(hits[p].t).forEach(function (ti) { if (hits[p].t[ti].full) df[ti]++; });
    });
    var idf = df.map(function (n) { return Math.log(1 + meta.pages / Math.max(n, 1)); });
    var list = Object.keys(hits).map(function (p) {
      var h = hits[p];
      var pairs = Object.keys(pairHits[p] || {});
      var r = { page: h.page, terms: 0, pairs: pairs.length, exact: 0, title: 0, score: 0 };
      Object.keys(h.t).forEach(function (ti) {
        var x = h.t[ti];
        r.terms++;
        if (x.exact) r.exact++;
        if (x.title) r.title++;
        r.score += x.score * idf[ti];
      });
      // Words side by side as in the query: a phrase weighs as much as its words in a title.
      pairs.forEach(function (i) { r.score += 4 * (idf[+i] + idf[+i + 1]); });
      r.all = r.terms === terms.length;
      return r;
    });
    list.sort(function (a, b) {
      return b.terms - a.terms || b.exact - a.exact || b.score - a.score || a.page - b.page;
    });
    return list;
  }

  // What the page lists of ranked pages: those with every word and, when the query has
  // tone marks, those with its words as typed; only when there are none, every page with
  // the words whatever their tones, and `toneless` says so (the page shows a line).
  function select(list, terms) {
    var all = list.filter(function (r) { return r.all; });
    var marked = terms.filter(function (t) { return t.marked; }).length;
    if (!marked) return { list: all, toneless: false };
    var exact = all.filter(function (r) { return r.exact === marked; });
    if (exact.length) return { list: exact, toneless: false };
    return { list: all, toneless: all.length > 0 };
  }

  // The query words and prefixes a text's words are highlighted for.
  function marks(text, terms) {
    var out = [];
    var last = 0;
    var q = text.normalize('NFC');
    var m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(q))) {
      var f = fold(m[0].toLowerCase());
      var hit = terms.some(function (t) {
        return f === t.f || (t.prefix && f.lastIndexOf(t.f, 0) === 0) ||
          t.f.split(/[./-]/).indexOf(f) >= 0;
      });
      if (!hit) continue;
      if (m.index > last) out.push([q.slice(last, m.index), false]);
      out.push([m[0], true]);
      last = m.index + m[0].length;
    }
    if (last < q.length) out.push([q.slice(last), false]);
    return out;
  }

  var api = {
    fold: fold, sig: sig, parse: parse, shardOf: shardOf, shardsFor: shardsFor, decode: decode,
    rank: rank, select: select, marks: marks
  };
  if (typeof module !== 'undefined' && module.exports) { module.exports = api; return; }

  // ---- The page ----
  var box = document.getElementById('tim-kiem');
  if (!box) return;
  var base = box.getAttribute('data-index');
  var form = box.querySelector('form');
  var input = document.getElementById('q');
  var kindSel = document.getElementById('search-kind');
  var fieldSel = document.getElementById('search-field');
  var status = document.getElementById('search-status');
  var results = document.getElementById('search-results');
  var more = document.getElementById('search-more');
  // A site's own search.html from before the notice has no line for it: then none shows.
  var toneless = document.getElementById('search-toneless') || {};
  var str = function (k) { return box.getAttribute('data-' + k) || ''; };
  var cache = {};
  function get(path) {
    if (!cache[path]) {
      cache[path] = fetch(base + path).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      });
    }
    return cache[path];
  }
  form.hidden = false;
  form.removeAttribute('action');
  box.querySelectorAll('.js-only').forEach(function (e) { e.hidden = false; });
  var shown = 10;
  var current = 0;
  var ranked = [];
  var terms = [];
  var KINDS = { p: 'plan', n: 'news', t: 'procedure', d: 'document', g: 'page', q: 'question', e: 'event', k: 'survey', c: 'contest', b: 'bulletin' };

  function run() {
    var id = ++current;
    var q = input.value;
    var url = new URL(location.href);
    if (q.trim()) url.searchParams.set('q', q); else url.searchParams.delete('q');
    history.replaceState(null, '', url);
    terms = parse(q);
    if (!terms.length) {
      results.textContent = ''; status.textContent = ''; more.hidden = true; toneless.hidden = true;
      results.setAttribute('data-query', q);
      return;
    }
    status.textContent = str('loading');
    get('meta.json').then(function (meta) {
      var wanted = {};
      terms.forEach(function (t, i) {
        shardsFor(meta.shards, t.f, t.prefix).forEach(function (s) { wanted[s] = true; });
        if (i + 1 < terms.length) {
          var pk = t.f + ' ' + terms[i + 1].f;
          shardsFor(meta.shards, pk, terms[i + 1].prefix).forEach(function (s) { wanted[s] = true; });
        }
      });
      var needLoc = kindSel.value || fieldSel.value;
      return Promise.all(Object.keys(wanted).map(function (s) { return get('s/' + s + '.json'); }))
        .then(function (data) {
          return Promise.all([data, needLoc ? get('loc.json') : null]);
        })
        .then(function (both) {
          if (id !== current) return;
          var list = rank(terms, both[0], meta);
          var loc = both[1];
          if (loc) {
            list = list.filter(function (r) {
              var k = loc.k.charAt(r.page);
              return (!kindSel.value || KINDS[k] === kindSel.value) &&
                (!fieldSel.value || loc.f[r.page].indexOf(+fieldSel.value) >= 0);
            });
          }
          var picked = select(list, terms);
          ranked = picked.list;
          toneless.hidden = !picked.toneless;
          shown = 10;
          show(meta, id, q);
        });
    }).catch(function () {
      if (id === current) status.textContent = str('failed');
    });
  }

  // `data-query` says which query the list shows (the browser test waits for it).
  function show(meta, id, q) {
    var page = ranked.slice(0, shown);
    var chunks = {};
    page.forEach(function (r) { chunks[Math.floor(r.page / meta.chunk)] = true; });
    Promise.all(Object.keys(chunks).map(function (c) {
      return get('d/' + c + '.json').then(function (d) { return [c, d]; });
    })).then(function (list) {
      if (id !== current) return;
      var byChunk = {};
      list.forEach(function (x) { byChunk[x[0]] = x[1]; });
      results.textContent = '';
      page.forEach(function (r) {
        var rec = byChunk[Math.floor(r.page / meta.chunk)][r.page % meta.chunk];
        results.appendChild(item(rec));
      });
      status.textContent = ranked.length
        ? str('found').replace('{n}', ranked.length)
        : str('none');
      more.hidden = ranked.length <= shown;
      if (q !== undefined) results.setAttribute('data-query', q);
    });
  }

  function highlighted(el, text) {
    marks(text, terms).forEach(function (part) {
      if (part[1]) {
        var m = document.createElement('mark');
        m.textContent = part[0];
        el.appendChild(m);
      } else {
        el.appendChild(document.createTextNode(part[0]));
      }
    });
  }

  function item(rec) {
    var li = document.createElement('li');
    li.className = 'search-result';
    var h = document.createElement('h2');
    var a = document.createElement('a');
    a.href = rec.u;
    highlighted(a, rec.t);
    h.appendChild(a);
    li.appendChild(h);
    var meta = document.createElement('p');
    meta.className = 'search-meta';
    var bits = [str('kind-' + rec.k)];
    if (rec.n) bits.push(rec.n);
    if (rec.d) bits.push(rec.d.split('-').reverse().join('/'));
    if (rec.f && rec.f.length) bits.push(rec.f.join(', '));
    meta.textContent = bits.join(' · ');
    li.appendChild(meta);
    if (rec.s) {
      var p = document.createElement('p');
      p.className = 'search-snippet';
      highlighted(p, rec.s);
      li.appendChild(p);
    }
    return li;
  }

  var timer;
  input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(run, 120); });
  kindSel.addEventListener('change', run);
  fieldSel.addEventListener('change', run);
  form.addEventListener('submit', function (e) { e.preventDefault(); run(); });
  more.addEventListener('click', function () {
    shown += 10;
    get('meta.json').then(function (meta) { show(meta, current); });
  });
  var initial = new URLSearchParams(location.search).get('q');
  if (initial) { input.value = initial; run(); }
})(this);
