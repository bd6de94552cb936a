// Accessibility checks of a built site in headless Chromium:
//   node tests/browser/axe.mjs DIR
// For every page kind of the example site, at 360 px and 1280 px wide:
// - axe-core with the WCAG 2.1 A and AA rules: zero violations;
// - `lang="vi"`, the landmarks (banner, navigation, main, contentinfo), one h1;
// - every table has a caption and header cells;
// - no request leaves the site (no third-party anything).
// Once per page kind: the skip link is the first Tab stop, is visible when focused and moves
// focus to <main>; Tab stops show a focus outline; the page reads without JavaScript.
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
  ['plan list', '/ke-hoach/'],
  ['plan', '/ke-hoach/ke-hoach-kiem-soat-tthc-2026/'],
  ['procedure list', '/thu-tuc/'],
  ['procedure', '/thu-tuc/dang-ky-khai-tu/'],
  ['procedure sheet', '/thu-tuc/dang-ky-khai-tu/in/'],
  ['document', '/van-ban/nghi-dinh-61-2018-nd-cp/'],
  ['documents index', '/van-ban/'],
  ['citing pages', '/van-ban/trich-dan/61-2018-nd-cp/'],
  ['agency list', '/co-quan/'],
  ['agency', '/co-quan/phong-van-hoa-xa-hoi/'],
  ['taxonomy list', '/chu-de/'],
  ['taxonomy term', '/chu-de/chuyen-doi-so/'],
  ['field term', '/linh-vuc/ho-tich/'],
  ['plain page', '/gioi-thieu/'],
  ['contact page', '/lien-he/'],
  ['search', '/tim-kiem/'],
  ['404', '/khong-co-trang-nay/'],
];

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

async function main() {
  const dir = path.resolve(process.argv[2] || 'public');
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    console.error(`axe.mjs: ${dir} has no index.html; build the site first`);
    process.exit(2);
  }
  const server = await serve(dir);
  const browser = await launch();
  let failures = 0;
  const fail = (where, what) => {
    failures++;
    console.log(`FAIL ${where}: ${what}`);
  };
  // One context per width (and one without JavaScript), a new tab per page.
  const contexts = {};
  for (const width of WIDTHS) contexts[width] = await browser.newContext({ viewport: { width, height: 800 } });
  const nojs = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
  for (const [kind, url] of PAGES) {
    const isSheet = kind === 'procedure sheet';
    if (kind !== '404' && !fs.existsSync(path.join(dir, url, 'index.html'))) {
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
      await page.addScriptTag({ content: AXE });
      const result = await page.evaluate(
        (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
        TAGS,
      );
      for (const v of result.violations) {
        for (const n of v.nodes) {
          fail(where, `axe ${v.id} (${v.impact}): ${v.help} at ${n.target.join(' ')} :: ${n.failureSummary.replace(/\s+/g, ' ')}`);
        }
      }
      for (const s of structureProblems(await page.evaluate(structure), isSheet)) fail(where, s);
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
  const checked = PAGES.length * WIDTHS.length;
  console.log(`axe-core ${JSON.parse(fs.readFileSync(require.resolve('axe-core/package.json'), 'utf8')).version}, tags ${TAGS.join(',')}: ${checked} page views, ${failures} failures`);
  process.exit(failures ? 1 : 0);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(e);
    process.exit(2);
  });
}
