// The browser editor of `congbo serve --edit` in headless Chromium:
//   node tests/browser/editor.mjs URL     URL: the running server (http://127.0.0.1:PORT)
// - axe-core (WCAG 2.1 A and AA) finds no violation on the list and the new-news form at
//   360 px and 1280 px;
// - a news item is created through the form (typed, then "Xuất bản"), the browser lands on
//   its edit form saying it was saved, and the item is then served on the site;
// - a save refused for an impossible date keeps the typed text and shows the error.
// Prints one line per check; exits 1 on any failure.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { launch } from './axe.mjs';

const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let failures = 0;
function fail(what) {
  failures += 1;
  console.log(`FAIL ${what}`);
}

async function axe(page, where) {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    TAGS,
  );
  for (const v of result.violations) {
    for (const n of v.nodes) fail(`${where}: axe ${v.id}: ${v.help} at ${n.target.join(' ')}`);
  }
  if (!result.violations.length) console.log(`ok   ${where}: 0 axe violations`);
}

async function main() {
  const base = process.argv[2];
  const browser = await launch();
  try {
    for (const width of [360, 1280]) {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      for (const path of ['/_soan-thao/', '/_soan-thao/moi/tin-tuc']) {
        await page.goto(base + path);
        await axe(page, `${path} at ${width} px`);
      }
      await page.close();
    }

    const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
    await page.goto(base + '/_soan-thao/moi/tin-tuc');
    await page.fill('input[name=title]', 'Hội nghị đối thoại với thanh niên');
    await page.fill('input[name=date]', '30/02/2026');
    await page.fill('textarea[name=body]', 'Chiều nay, UBND xã đối thoại với đoàn viên thanh niên.');
    await Promise.all([page.waitForLoadState('load'), page.click('button[type=submit][name=luu]')]);
    const refused = await page.evaluate(() => ({
      title: document.querySelector('input[name=title]')?.value,
      body: document.querySelector('textarea[name=body]')?.value,
      error: document.querySelector('.co-loi .loi')?.textContent || '',
    }));
    if (refused.title !== 'Hội nghị đối thoại với thanh niên' || !/đối thoại với đoàn viên/.test(refused.body)) {
      fail(`a refused save lost the typed text: ${JSON.stringify(refused)}`);
    } else if (!/30\/02\/2026/.test(refused.error)) {
      fail(`no error at the date field: ${JSON.stringify(refused)}`);
    } else {
      console.log('ok   a bad date keeps the typed text and shows the error at its field');
    }
    await page.fill('input[name=date]', '20/01/2026');
    await Promise.all([page.waitForURL(/\/_soan-thao\/sua\//), page.click('button[type=submit][name=xuat-ban]')]);
    const saved = await page.textContent('main');
    if (!/Đã lưu/.test(saved)) fail(`no "saved" after publishing: ${page.url()}`);
    else console.log(`ok   created and published: ${page.url()}`);

    const url = base + '/tin-tuc/hoi-nghi-doi-thoai-voi-thanh-nien/';
    let seen = false;
    // Fetched, not navigated to: the editor page open in the tab reloads itself when the
    // rebuild ends (live reload), which would interrupt a navigation started meanwhile.
    for (let i = 0; i < 150 && !seen; i += 1) {
      const r = await page.request.get(url);
      seen = r.status() === 200 && /đối thoại với đoàn viên thanh niên/.test(await r.text());
      if (!seen) await page.waitForTimeout(100);
    }
    if (!seen) fail(`${url} never showed the new item`);
    else console.log(`ok   ${url} shows the new item`);
  } finally {
    await browser.close();
  }
  console.log(`editor: ${failures} failures`);
  process.exit(failures ? 1 : 0);
}

main().catch((e) => { console.error(e); process.exit(2); });
