// The browser editor with accounts, in headless Chromium:
//   node tests/browser/editor-accounts.mjs URL NAME PASSWORD
// URL: a running `congbo serve --edit` whose site has the publisher account NAME and the
// news item content/tin-tuc/mot.md ("Tin một", body "Bản đầu tiên.").
// - axe-core (WCAG 2.1 A and AA) finds no violation on the login page, the versions page,
//   one version and the trash at 360 px and 1280 px;
// - the editor page sends the browser to log in, and back after the login;
// - the page is edited through the form, then its first version restored from the versions
//   page, and the site serves the restored text.
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

/** Fetches `url` until its text matches `re` (the site rebuilds after a save). */
async function until(page, url, re) {
  for (let i = 0; i < 150; i += 1) {
    const r = await page.request.get(url);
    if (r.status() === 200 && re.test(await r.text())) return true;
    await page.waitForTimeout(100);
  }
  return false;
}

async function main() {
  const [base, name, password] = process.argv.slice(2);
  const browser = await launch();
  try {
    const ctx = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await ctx.newPage();
    // Asked for an edit page, the browser is sent to log in, then back.
    await page.goto(base + '/_soan-thao/sua/tin-tuc/mot.md');
    if (!/\/_soan-thao\/dang-nhap/.test(page.url())) fail(`not sent to the login page: ${page.url()}`);
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      await axe(page, `login page at ${width} px`);
    }
    await page.getByLabel('Tên đăng nhập').fill(name);
    await page.getByLabel('Mật khẩu').fill(password);
    await Promise.all([page.waitForURL(/\/_soan-thao\/sua\/tin-tuc\/mot\.md/), page.click('button[name=dang-nhap]')]);
    console.log('ok   logged in and back at the page asked for');

    // An edit, published.
    await page.fill('textarea[name=body]', 'Bản sửa trong trình duyệt.');
    await Promise.all([page.waitForURL(/da-luu=1/), page.click('button[type=submit][name=xuat-ban]')]);
    if (!(await until(page, base + '/tin-tuc/mot/', /Bản sửa trong trình duyệt/))) fail('the edit never showed on the site');
    else console.log('ok   the edit shows on the site');

    // The versions page, one version, and its restore.
    await page.goto(base + '/_soan-thao/sua/tin-tuc/mot.md');
    await Promise.all([page.waitForURL(/lich-su/), page.click('text=Các bản trước của trang này')]);
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      await axe(page, `versions page at ${width} px`);
    }
    const links = page.locator('a[href*="?ban="]');
    if ((await links.count()) < 1) fail('no earlier version listed');
    await Promise.all([page.waitForURL(/\?ban=/), links.last().click()]);
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      await axe(page, `one version at ${width} px`);
    }
    if (!/Bản đầu tiên\./.test(await page.textContent('main'))) fail('the oldest version does not show the first text');
    await Promise.all([page.waitForURL(/\/_soan-thao\/sua\/.*da-luu=1/), page.click('button[name=khoi-phuc]')]);
    if (!/Đã lưu/.test(await page.textContent('main'))) fail('no "saved" after the restore');
    if (!(await until(page, base + '/tin-tuc/mot/', /Bản đầu tiên\./))) fail('the restored text never showed on the site');
    else console.log('ok   the restored version shows on the site');

    // The trash, empty and then with the page in it.
    await page.goto(base + '/_soan-thao/thung-rac');
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      await axe(page, `empty trash at ${width} px`);
    }
    await page.goto(base + '/_soan-thao/sua/tin-tuc/mot.md');
    await Promise.all([page.waitForURL(/thung-rac$/), page.click('button[name=xoa]')]);
    if (!/Tin một/.test(await page.textContent('main'))) fail('the deleted page is not in the trash');
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      await axe(page, `trash at ${width} px`);
    }
    await ctx.close();
  } finally {
    await browser.close();
  }
  console.log(`editor with accounts: ${failures} failures`);
  process.exit(failures ? 1 : 0);
}

main().catch((e) => { console.error(e); process.exit(2); });
