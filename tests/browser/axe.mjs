// Accessibility checks of a built site in headless Chromium:
//   node tests/browser/axe.mjs DIR            the example site: the pages of PAGES
//   node tests/browser/axe.mjs --corpus DIR   any site (the benchmark corpus): the first
//                                             pages of each page kind found in DIR
// For every page kind, at 360 px and 1280 px wide:
// - axe-core with the WCAG 2.1 A and AA rules: zero violations;
// - `lang="vi"`, the landmarks (banner, navigation, main, contentinfo), one h1;
// - every table has a caption and header cells;
// - no request leaves the site (no third-party anything).
// - the h1 keeps its distance from the header's rule; buttons use the page's font size;
// - a posting sheet's print button shows with JavaScript only (and never on paper), and the
//   host name under its QR code stays on one line;
// - the search page's "more" button hides when there is nothing more.
// Once per page kind: the skip link is the first Tab stop, is visible when focused and moves
// focus to <main>; Tab stops show a focus outline; the page reads without JavaScript.
// Once per site: the header is at most 160 px tall at 360 px and its "Menu" button opens and
// closes the menu by keyboard, without JavaScript too; the home page's layout shift (CLS,
// from Chromium's PerformanceObserver) stays under 0.01; with the example site, PAGES covers
// every page kind (<body class>) the site has.
// Prints one line per page and viewport; exits 1 on any failure.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';

const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const WIDTHS = [360, 1280];

/** One page of each kind in the example site (and the 404 page, by a path that does not exist). */
export const PAGES = [
  ['home', '/'],
  ['section list', '/tin-tuc/'],
  ['paginated list', '/tin-tuc/trang/2/'],
  ['news', '/tin-tuc/huong-ung-ngay-chuyen-doi-so-quoc-gia/'],
  ['news with audio and a video', '/tin-tuc/chu-tich-ubnd-xa-doi-thoai-voi-nhan-dan/'],
  ['plan list', '/ke-hoach/'],
  ['plan', '/ke-hoach/ke-hoach-kiem-soat-tthc-2026/'],
  ['procedure list', '/thu-tuc/'],
  ['procedure', '/thu-tuc/dang-ky-khai-tu/'],
  ['procedure sheet', '/thu-tuc/dang-ky-khai-tu/in/'],
  ['document', '/van-ban/nghi-dinh-61-2018-nd-cp/'],
  ['documents index', '/van-ban/'],
  ['citing pages', '/van-ban/trich-dan/61-2018-nd-cp/'],
  ['question list', '/hoi-dap/'],
  ['question', '/hoi-dap/khai-sinh-truc-tuyen-co-phai-den-xa/'],
  ['anonymous question', '/hoi-dap/ho-tro-mai-tang-nop-o-dau/'],
  ['event list', '/lich/'],
  ['event', '/lich/tiep-cong-dan-thang-12-2026/'],
  ['past all-day event', '/lich/tap-huan-dich-vu-cong-truc-tuyen/'],
  ['survey list', '/khao-sat/'],
  ['open survey', '/khao-sat/sipas-2026/'],
  ['contest list', '/cuoc-thi/'],
  ['closed contest with results', '/cuoc-thi/tim-hieu-cai-cach-hanh-chinh-2026/'],
  ['event month', '/lich/2026-12/'],
  ['bulletin list', '/ban-tin/'],
  ['bulletin', '/ban-tin/so-10-2026/'],
  ['agency list', '/co-quan/'],
  ['agency', '/co-quan/phong-van-hoa-xa-hoi/'],
  ['taxonomy list', '/chu-de/'],
  ['taxonomy term', '/chu-de/chuyen-doi-so/'],
  ['field term', '/linh-vuc/ho-tich/'],
  ['plain page', '/gioi-thieu/'],
  ['contact page', '/lien-he/'],
  ['search', '/tim-kiem/'],
  ['search with results', '/tim-kiem/?q=khai+sinh'],
  ['search without results', '/tim-kiem/?q=qwxzv'],
  ['field sheets', '/linh-vuc/ho-tich/in/'],
  ['index results', '/chi-so/'],
  ['feedback channels', '/phan-anh-kien-nghi/'],
  ['404', '/khong-co-trang-nay/'],
];

/** The page kinds whose <header> and <footer> are not shown on paper or may lack a nav. */
const SHEETS = ['procedure sheet', 'field sheets'];

/** The longest the header may be on a 360 px phone, and the most the home page may shift. */
const HEADER_MAX = 160;
const CLS_MAX = 0.01;

/** Chromium as installed by Debian's `chromium` package, unless CHROME_PATH says otherwise. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
}

/** Landmarks, language, headings and tables, read in the page. */
function structure() {
  const q = (s) => document.querySelectorAll(s).length;
  // Layout tables (the state document's header and signature rows) are not data tables.
  const tables = [...document.querySelectorAll('table:not([role=presentation])')].map((t, i) => ({
    i,
    prose: !!t.closest('.prose'),
    caption: !!(t.caption && t.caption.textContent.trim()),
    th: t.querySelectorAll('th').length,
  }));
  return {
    lang: document.documentElement.getAttribute('lang'),
    banner: q('body > header, [role=banner]'),
    nav: q('nav, [role=navigation]'),
    main: q('main, [role=main]'),
    contentinfo: q('body > footer, [role=contentinfo]'),
    h1: q('h1'),
    tables,
  };
}

function structureProblems(s, isSheet) {
  const p = [];
  if (s.lang !== 'vi') p.push(`<html lang="${s.lang}">, expected "vi"`);
  if (s.main !== 1) p.push(`${s.main} main landmarks, expected 1`);
  if (s.h1 !== 1) p.push(`${s.h1} h1 headings, expected 1`);
  if (!isSheet) {
    if (s.banner < 1) p.push('no banner landmark (header)');
    if (s.nav < 1) p.push('no navigation landmark');
    if (s.contentinfo < 1) p.push('no contentinfo landmark (footer)');
  }
  for (const t of s.tables) {
    // Editors' Markdown tables (in .prose) cannot carry a caption; the theme's must.
    if (!t.caption && !t.prose) p.push(`table ${t.i + 1} has no caption`);
    if (!t.th) p.push(`table ${t.i + 1} has no header cells`);
  }
  return p;
}

/** On a phone (WCAG 1.4.10, reflow): nothing makes the page scroll sideways, and the
 *  header's brand keeps a readable width (beside the search form it once shrank to a word
 *  a line, and the form ran off the screen). */
function reflowProblems() {
  const out = [];
  const width = window.innerWidth;
  const scroll = document.documentElement.scrollWidth;
  if (scroll > width) out.push(`the page is ${scroll}px wide in a ${width}px window: it scrolls sideways`);
  const brand = document.querySelector('.brand-text');
  if (brand && brand.getBoundingClientRect().width < width * 0.4) {
    out.push(`the header's brand text is ${Math.round(brand.getBoundingClientRect().width)}px wide in a ${width}px window`);
  }
  return out;
}

/** Tab through the page: the skip link comes first, is visible, and moves focus to <main>;
 *  the first Tab stops all draw a focus indicator. */
async function keyboardProblems(page) {
  const p = [];
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => {
    const a = document.activeElement;
    const r = a.getBoundingClientRect();
    return {
      skip: a.classList.contains('skip-link'),
      href: a.getAttribute('href'),
      visible: r.width > 1 && r.height > 1 && r.bottom > 0 && r.top < innerHeight,
    };
  });
  if (!first.skip) return ['the first Tab stop is not the skip link'];
  if (!first.visible) p.push('the skip link is not visible when focused');
  await page.keyboard.press('Enter');
  const target = await page.evaluate(() => document.activeElement && document.activeElement.tagName);
  if (target !== 'MAIN') p.push(`Enter on the skip link focuses <${target}>, not <main>`);
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(() => {
      const a = document.activeElement;
      if (!a || a === document.body) return null;
      const cs = getComputedStyle(a);
      const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2;
      const shadow = cs.boxShadow && cs.boxShadow !== 'none';
      return { what: a.outerHTML.slice(0, 80), shown: outline || shadow };
    });
    if (f && !f.shown) p.push(`no visible focus on ${f.what}`);
  }
  return p;
}

/** Whether the share row's copy button and address text are shown (null: no share row). */
function shareState() {
  const row = document.querySelector('.share');
  if (!row) return null;
  const shown = (e) => !!e && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
  return { button: shown(row.querySelector('.share-copy')), address: shown(row.querySelector('.share-address')) };
}

/** Layout problems any page may have: the h1 touching the header's rule (the search page's
 *  and the sheets' did), buttons in the browser's 13 px instead of the page's size. */
function layoutProblems() {
  const out = [];
  const header = document.querySelector('body > header, .site-header');
  const h1 = document.querySelector('main h1');
  if (header && h1 && h1.getClientRects().length) {
    const gap = h1.getBoundingClientRect().top - header.getBoundingClientRect().bottom;
    if (gap < 12) out.push(`the h1 is ${Math.round(gap)}px below the header's rule (at least 12)`);
  }
  const body = parseFloat(getComputedStyle(document.body).fontSize);
  for (const b of document.querySelectorAll('main button')) {
    if (!b.getClientRects().length) continue;
    const size = parseFloat(getComputedStyle(b).fontSize);
    if (size < body) out.push(`a button's text is ${size}px, the page's ${body}px: ${b.outerHTML.slice(0, 80)}`);
  }
  // A label beside its menu sits on the menu's middle line.
  for (const l of document.querySelectorAll('.search-filters label[for]')) {
    const sel = document.getElementById(l.htmlFor);
    if (!sel || !sel.getClientRects().length || !l.getClientRects().length) continue;
    const a = l.getBoundingClientRect();
    const b = sel.getBoundingClientRect();
    const sameLine = a.top < b.bottom && b.top < a.bottom;
    if (sameLine && Math.abs((a.top + a.bottom) / 2 - (b.top + b.bottom) / 2) > 3) {
      out.push(`the label "${l.textContent.trim()}" is out of line with its menu`);
    }
  }
  return out;
}

/** The posting sheets: the print button with JavaScript, the host name on one line. */
async function sheetProblems(page, withJs) {
  const out = [];
  const state = await page.evaluate(() => ({
    button: [...document.querySelectorAll('button[data-print]')].some((e) => e.getClientRects().length > 0),
    hosts: [...document.querySelectorAll('.sheet-host')].map((h) => ({ text: h.textContent, lines: h.getClientRects().length })),
    hint: [...document.querySelectorAll('.print-hint')].some((e) => e.getClientRects().length > 0),
  }));
  if (withJs && !state.button) out.push('no print button with JavaScript');
  if (!withJs && state.button) out.push('a print button without JavaScript, which it needs');
  if (!state.hosts.length) out.push('no address under the QR code');
  for (const h of state.hosts) if (h.lines !== 1) out.push(`the host name ${h.text} is broken over ${h.lines} lines`);
  if (withJs) {
    await page.emulateMedia({ media: 'print' });
    const onPaper = await page.evaluate(() => [...document.querySelectorAll('button[data-print], .print-hint')].some((e) => e.getClientRects().length > 0));
    if (onPaper) out.push('the print button or hint is printed');
    await page.emulateMedia({ media: 'screen' });
  }
  return out;
}

/** What Chromium tells screen readers about the element at `selector`: role, name and
 *  expanded state (a <summary> is a "DisclosureTriangle", read as a button). */
async function axNode(page, selector) {
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
  await cdp.detach();
  const n = nodes[0] || {};
  const prop = (name) => (n.properties || []).find((p) => p.name === name)?.value?.value;
  return { role: n.role?.value, name: n.name?.value, expanded: prop('expanded') };
}
const BUTTON_ROLES = ['button', 'DisclosureTriangle'];

/** Header height and the menu button at 360 px; the menu itself at 1280 px; the home page's
 *  layout shift at both. */
async function headerProblems(browser, server) {
  const out = [];
  const report = {};
  for (const width of WIDTHS) {
    for (const js of [true, false]) {
      const ctx = await browser.newContext({ viewport: { width, height: 740 }, javaScriptEnabled: js });
      const page = await ctx.newPage();
      if (js) {
        // Scripts arrive late, as on a phone's network: the page paints before deferred
        // scripts run, so whatever they move counts (the header's form moved 52 px).
        await page.route(/\.js$/, async (route) => {
          await new Promise((r) => setTimeout(r, 400));
          await route.continue();
        });
        await page.addInitScript(() => {
          window.__cls = 0;
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
          }).observe({ type: 'layout-shift', buffered: true });
        });
      }
      await page.goto(server.url + '/', { waitUntil: 'load' });
      const where = `header @${width}px ${js ? 'with' : 'without'} JavaScript`;
      if (js) {
        // Deferred scripts have run at load; give late shifts a moment to be recorded.
        await page.waitForTimeout(800);
        const cls = await page.evaluate(() => window.__cls);
        report[`cls@${width}`] = Number(cls.toFixed(4));
        if (!(cls < CLS_MAX)) out.push(`${where}: the home page's layout shift is ${cls.toFixed(4)} (at most ${CLS_MAX})`);
      }
      const height = await page.evaluate(() => document.querySelector('.site-header').getBoundingClientRect().height);
      report[`header@${width}${js ? '' : ' nojs'}`] = Math.round(height);
      const fold = await page.evaluate(() => {
        const s = document.querySelector('.main-nav summary');
        const menu = document.querySelector('.main-nav .menu');
        return { button: !!s && s.getClientRects().length > 0, menu: !!menu && menu.getClientRects().length > 0 };
      });
      if (width === WIDTHS[0]) {
        if (height > HEADER_MAX) out.push(`${where}: the header is ${Math.round(height)}px tall (at most ${HEADER_MAX})`);
        if (fold.menu) out.push(`${where}: the menu shows before the button opens it`);
        if (!fold.button) {
          out.push(`${where}: no "Menu" button`);
          await ctx.close();
          continue;
        }
        // By keyboard: Tab reaches the button, which shows focus, says its state, and opens.
        await page.focus('.main-nav summary');
        const before = await page.evaluate(() => {
          const s = document.activeElement;
          const cs = getComputedStyle(s);
          return { tag: s.tagName, outline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2 };
        });
        if (before.tag !== 'SUMMARY') out.push(`${where}: the "Menu" button takes no focus`);
        const ax = await axNode(page, '.main-nav summary');
        if (!BUTTON_ROLES.includes(ax.role) || ax.name !== 'Menu' || ax.expanded !== false) {
          out.push(`${where}: the button reads ${JSON.stringify(ax)}, not a collapsed button "Menu"`);
        }
        await page.keyboard.press('Enter');
        const opened = await page.evaluate(() => [...document.querySelectorAll('.main-nav .menu a')].every((a) => a.getClientRects().length > 0));
        if (!opened) out.push(`${where}: Enter on the "Menu" button does not show every menu entry`);
        const axOpen = await axNode(page, '.main-nav summary');
        if (axOpen.name !== 'Menu' || axOpen.expanded !== true) out.push(`${where}: the open button reads ${JSON.stringify(axOpen)}, not an expanded "Menu"`);
        await page.keyboard.press('Tab');
        const into = await page.evaluate(() => !!document.activeElement.closest('.main-nav .menu'));
        if (!into) out.push(`${where}: Tab from the open button does not go to the menu`);
        await page.focus('.main-nav summary');
        await page.keyboard.press('Enter');
        const closed = await page.evaluate(() => document.querySelector('.main-nav .menu').getClientRects().length === 0);
        if (!closed) out.push(`${where}: Enter again does not close the menu`);
        if (js && !before.outline) {
          // :focus-visible needs a keyboard focus: Tab to it from the search button.
          await page.focus('.header-search button');
          await page.keyboard.press('Tab');
          const ring = await page.evaluate(() => {
            const cs = getComputedStyle(document.activeElement);
            return document.activeElement.tagName === 'SUMMARY' && cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2;
          });
          if (!ring) out.push(`${where}: the "Menu" button shows no focus`);
        }
      } else {
        if (fold.button) out.push(`${where}: a "Menu" button on a wide screen`);
        if (!fold.menu) out.push(`${where}: the menu is not shown`);
      }
      // The search form is there from the start, with or without JavaScript.
      if (!(await page.evaluate(() => !!document.querySelector('.header-search') && document.querySelector('.header-search').getClientRects().length > 0))) {
        out.push(`${where}: the search form is not shown`);
      }
      await ctx.close();
    }
  }
  return { out, report };
}

/** Every built page, as a URL path, with its <body class>. */
function builtPages(dir) {
  const out = [];
  const walk = (d, rel) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name), `${rel}${e.name}/`);
      else if (e.name === 'index.html') {
        const html = fs.readFileSync(path.join(d, e.name), 'utf8');
        if (/<meta http-equiv="refresh"/.test(html)) continue; // a redirect (alias)
        const m = html.match(/<body class="([^"]*)"/);
        if (m) out.push([m[1], rel]);
      }
    }
  };
  walk(dir, '/');
  return out.sort((a, b) => (a[1] < b[1] ? -1 : 1));
}

/** The pages of any site: the first `n` pages of each page kind (<body class>), and the 404. */
function samplePages(dir, n) {
  const byKind = new Map();
  for (const [kind, url] of builtPages(dir)) {
    if (!byKind.has(kind)) byKind.set(kind, []);
    if (byKind.get(kind).length < n) byKind.get(kind).push(url);
  }
  const pages = [];
  for (const [kind, urls] of byKind) urls.forEach((u, i) => pages.push([`${kind} #${i + 1}`, u]));
  pages.push(['404', '/khong-co-trang-nay/']);
  return pages;
}

async function main() {
  const corpus = process.argv[2] === '--corpus';
  const dir = path.resolve(process.argv[corpus ? 3 : 2] || 'public');
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    console.error(`axe.mjs: ${dir} has no index.html; build the site first`);
    process.exit(2);
  }
  const pages = corpus ? samplePages(dir, 2) : PAGES;
  const server = await serve(dir);
  const browser = await launch();
  let failures = 0;
  const fail = (where, what) => {
    failures++;
    console.log(`FAIL ${where}: ${what}`);
  };
  const axeCounts = {};
  if (!corpus) {
    // One page of every kind the example site has.
    const listed = new Set();
    for (const [, url] of PAGES) {
      const f = path.join(dir, url.split('?')[0], 'index.html');
      const m = fs.existsSync(f) && fs.readFileSync(f, 'utf8').match(/<body class="([^"]*)"/);
      if (m) listed.add(m[1]);
    }
    for (const [kind, url] of builtPages(dir)) {
      if (!listed.has(kind)) {
        fail('coverage', `no page of kind "${kind}" (like ${url}) in PAGES`);
        listed.add(kind);
      }
    }
  }
  const header = await headerProblems(browser, server);
  for (const h of header.out) fail('home', h);
  console.log(`measured: ${JSON.stringify(header.report)}`);
  // One context per width (and one without JavaScript), a new tab per page.
  const contexts = {};
  for (const width of WIDTHS) contexts[width] = await browser.newContext({ viewport: { width, height: 800 } });
  const nojs = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
  for (const [kind, url] of pages) {
    const isSheet = SHEETS.includes(kind) || /trang-phieu-niem-yet/.test(kind);
    const file = url.split('?')[0];
    const query = new URL(url, 'http://x').searchParams.get('q');
    if (kind !== '404' && !fs.existsSync(path.join(dir, file, 'index.html'))) {
      fail(kind, `${url} is not in the built site`);
      continue;
    }
    for (const width of WIDTHS) {
      const where = `${kind} ${url} @${width}px`;
      const before = failures;
      const page = await contexts[width].newPage();
      const foreign = [];
      page.on('request', (r) => {
        if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) foreign.push(r.url());
      });
      const res = await page.goto(server.url + url, { waitUntil: 'load' });
      if (kind === '404' ? res.status() !== 404 : res.status() !== 200) {
        fail(where, `HTTP ${res.status()}`);
      }
      if (query !== null) {
        // The search page answers a query in the address: wait for its list.
        await page.waitForFunction((q) => document.getElementById('search-results')?.getAttribute('data-query') === q, query, { timeout: 5000 })
          .catch(() => fail(where, `no answer to the query "${query}"`));
        const st = await page.evaluate(() => ({
          results: document.querySelectorAll('#search-results li').length,
          more: document.getElementById('search-more').getClientRects().length > 0,
        }));
        if (/with results/.test(kind) && !st.results) fail(where, 'no results');
        if (/without results/.test(kind) && st.results) fail(where, `${st.results} results`);
        if (st.more && st.results <= 10) fail(where, `"more results" shows with ${st.results} results`);
      }
      if (/\/tim-kiem\/$/.test(file) && query === null && (await page.evaluate(() => document.getElementById('search-more')?.getClientRects().length > 0))) {
        fail(where, '"more results" shows on an empty search');
      }
      await page.addScriptTag({ content: AXE });
      const result = await page.evaluate(
        (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
        TAGS,
      );
      for (const v of result.violations) {
        for (const n of v.nodes) {
          axeCounts[v.id] = (axeCounts[v.id] || 0) + 1;
          fail(where, `axe ${v.id} (${v.impact}): ${v.help} at ${n.target.join(' ')} :: ${n.failureSummary.replace(/\s+/g, ' ')}`);
        }
      }
      for (const s of structureProblems(await page.evaluate(structure), isSheet)) fail(where, s);
      for (const s of await page.evaluate(layoutProblems)) fail(where, s);
      if (isSheet) for (const s of await sheetProblems(page, true)) fail(where, s);
      for (const u of foreign) fail(where, `request outside the site: ${u}`);
      if (width === WIDTHS[0]) {
        for (const k of await keyboardProblems(page)) fail(where, k);
        for (const r of await page.evaluate(reflowProblems)) fail(where, r);
      }
      if (failures === before) console.log(`ok   ${where}: 0 axe violations`);
      await page.close();
    }
    // Without JavaScript the page shows its text all the same.
    const p = await nojs.newPage();
    await p.goto(server.url + url);
    const text = await p.evaluate(() => document.querySelector('main')?.innerText.trim().length || 0);
    if (text < 40) fail(`${kind} ${url} without JavaScript`, `main shows ${text} characters`);
    if (isSheet) for (const s of await sheetProblems(p, false)) fail(`${kind} ${url} without JavaScript`, s);
    // The share row: without JavaScript the address shows and the copy button does not.
    const share = await p.evaluate(shareState);
    if (share && (share.button || !share.address)) fail(`${kind} ${url} without JavaScript`, `share row ${JSON.stringify(share)}`);
    await p.close();
    if (share) {
      const withJs = await contexts[WIDTHS[0]].newPage();
      await withJs.goto(server.url + url);
      await withJs.waitForLoadState('load');
      const s = await withJs.evaluate(shareState);
      if (!s.button || s.address) fail(`${kind} ${url}`, `share row with JavaScript ${JSON.stringify(s)}`);
      await withJs.close();
    }
  }
  await browser.close();
  server.close();
  const checked = pages.length * WIDTHS.length;
  console.log(`axe violations by rule: ${JSON.stringify(axeCounts)}`);
  console.log(`axe-core ${JSON.parse(fs.readFileSync(require.resolve('axe-core/package.json'), 'utf8')).version}, tags ${TAGS.join(',')}: ${checked} page views, ${failures} failures`);
  process.exit(failures ? 1 : 0);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(e);
    process.exit(2);
  });
}
