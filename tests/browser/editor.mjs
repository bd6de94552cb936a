// The browser editor of `congbo serve --edit` in headless Chromium:
//   node tests/browser/editor.mjs URL     URL: the running server (http://127.0.0.1:PORT)
// - axe-core (WCAG 2.1 A and AA) finds no violation on the list and the new-news form at
//   360 px and 1280 px;
// - a news item is created through the form (typed, then "Xuất bản"), the browser lands on
//   its edit form saying it was saved, and the item is then served on the site;
// - a save refused for an impossible date keeps the typed text and shows the error;
// - the conflict page passes axe at both widths;
// - a form attached to a procedure from the upload form is named in its dossier row by
//   the editor, published, and linked on the served procedure.
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
      for (const path of ['/_soan-thao/', '/_soan-thao/moi/tin-tuc', '/_soan-thao/sua/ke-hoach/thu.md']) {
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

    // An image for the new item, sent from its form into its bundle.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
    await page.setInputFiles('#tl-tep', { name: 'Ảnh Hội nghị.png', mimeType: 'image/png', buffer: png });
    await Promise.all([page.waitForURL(/tai-len=anh-hoi-nghi\.png/), page.getByRole('button', { name: 'Tải lên' }).click()]);
    const imageUrl = base + '/tin-tuc/hoi-nghi-doi-thoai-voi-thanh-nien/anh-hoi-nghi.png';
    let image = false;
    for (let i = 0; i < 150 && !image; i += 1) {
      const r = await page.request.get(imageUrl);
      image = r.status() === 200;
      if (!image) await page.waitForTimeout(100);
    }
    if (!image) fail(`${imageUrl} was never served after the upload`);
    else console.log(`ok   the uploaded image is served at ${imageUrl}`);

    // A Word file imported as a new draft, then published.
    const word = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await word.goto(base + '/_soan-thao/moi/ke-hoach');
    await word.setInputFiles('#nw-tep', process.argv[3]);
    await Promise.all([word.waitForURL(/da-nhap=1/), word.getByRole('button', { name: 'Nhập văn bản' }).click()]);
    const draft = await word.isChecked('input[name=draft]');
    if (!draft) fail('the imported page is not a draft');
    await Promise.all([word.waitForLoadState('load'), word.click('button[type=submit][name=xuat-ban]')]);
    if (!/da-luu=1/.test(word.url())) {
      fail(`publishing the imported page was refused: ${await word.textContent('main')}`);
    } else {
      const link = await word.getAttribute('a[href]:has-text("Xem trang trên trang web")', 'href');
      let served = false;
      for (let i = 0; i < 150 && !served && link; i += 1) {
        const r = await word.request.get(new URL(link, base).href);
        served = r.status() === 200;
        if (!served) await word.waitForTimeout(100);
      }
      if (!served) fail(`the imported page was never served (${link})`);
      else console.log(`ok   a Word file imported, published and served at ${link}`);
    }

    // The conflict page (the file changed since the form was opened: here the form's
    // hash is made stale), axe at both widths.
    const clash = await browser.newPage({ viewport: { width: 360, height: 800 } });
    await clash.goto(base + '/_soan-thao/sua/tin-tuc/mot.md');
    await clash.evaluate(() => { document.querySelector('input[name=goc]').value = 'cu'; });
    await clash.fill('textarea[name=body]', 'Bản đang gõ khi tệp đã đổi.');
    await Promise.all([clash.waitForLoadState('load'), clash.click('button[type=submit][name=luu]')]);
    const clashText = await clash.textContent('main');
    const onDisk = await clash.locator('#ban-tren-dia').count();
    if (!/Trang đã bị sửa ở nơi khác/.test(clashText) || !onDisk || !/Bản đang gõ khi tệp đã đổi/.test(await clash.inputValue('textarea[name=body]'))) {
      fail(`no conflict page with the typed text kept: ${clashText.slice(0, 300)}`);
    }
    for (const width of [360, 1280]) {
      await clash.setViewportSize({ width, height: 800 });
      await axe(clash, `the conflict page at ${width} px`);
    }
    await clash.close();

    // A form attached to a procedure: sent from its form for its first dossier row, which
    // the editor fills with the file's name; then published, and linked on the site.
    const proc = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await proc.goto(base + '/_soan-thao/sua/thu-tuc/khai-sinh.md');
    await axe(proc, 'the procedure form with its dossier rows at 1280 px');
    await proc.setInputFiles('#tl-tep', {
      name: 'Tờ khai đăng ký khai sinh.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: fs.readFileSync(process.argv[3]),
    });
    await proc.selectOption('#tl-gan', 'hs-1');
    await Promise.all([proc.waitForURL(/tai-len=to-khai-dang-ky-khai-sinh\.docx/), proc.getByRole('button', { name: 'Tải lên' }).click()]);
    const named = await proc.inputValue('input[name="documents.form"] >> nth=0');
    if (named !== 'to-khai-dang-ky-khai-sinh.docx') fail(`the dossier row was not given the form: "${named}"`);
    else console.log('ok   the uploaded form is named in its dossier row');
    await proc.fill('input[name="documents.copies"] >> nth=0', '1');
    await Promise.all([proc.waitForURL(/da-luu=1/), proc.click('button[type=submit][name=xuat-ban]')]);
    const procUrl = base + '/thu-tuc/khai-sinh/';
    let linked = false;
    for (let i = 0; i < 150 && !linked; i += 1) {
      const r = await proc.request.get(procUrl);
      linked = r.status() === 200 && /href="[^"]*to-khai-dang-ky-khai-sinh\.docx"/.test(await r.text());
      if (!linked) await proc.waitForTimeout(100);
    }
    if (!linked) fail(`${procUrl} never linked the attached form`);
    else console.log(`ok   ${procUrl} links the form attached in the editor`);
    const formFile = await proc.request.get(base + '/thu-tuc/khai-sinh/to-khai-dang-ky-khai-sinh.docx');
    if (formFile.status() !== 200) fail(`the attached form is not served (${formFile.status()})`);
    await proc.close();

    // A plan's tasks in the grid, with the toolbar and the live preview, then published.
    const plan = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await plan.goto(base + '/_soan-thao/sua/ke-hoach/thu.md');
    const rows = await plan.locator('#luoi-nhiem-vu tbody tr').count();
    await plan.click('#luoi-nhiem-vu button[name=them-dong]');
    const last = plan.locator('#luoi-nhiem-vu tbody tr').last();
    await last.locator('input[name=nv-ten]').fill('Tập huấn chữ ký số cho cán bộ');
    await last.locator('input[name=nv-chu-tri]').fill('Văn phòng HĐND và UBND xã');
    await last.locator('input[name=nv-thoi-gian]').fill('Quý III/2026');
    // Up to the first row, by the keyboard.
    for (let i = 0; i < rows; i += 1) {
      await plan.locator('#luoi-nhiem-vu tbody tr').nth(rows - i).getByRole('button', { name: /^Lên/ }).press('Enter');
    }
    const first = await plan.locator('#luoi-nhiem-vu tbody tr').first().locator('input[name=nv-ten]').inputValue();
    if (first !== 'Tập huấn chữ ký số cho cán bộ') fail(`the new row did not move up: ${first}`);
    else console.log('ok   a task row added and moved up in the grid');
    // The toolbar: bold around the selected word.
    await plan.evaluate(() => {
      const b = document.getElementById('f-body');
      b.value = 'Kế hoạch quan trọng.\n\n[[BẢNG NHIỆM VỤ]]\n';
      b.setSelectionRange(9, 19);
    });
    await plan.getByRole('toolbar').getByRole('button', { name: 'Đậm' }).click();
    const body = await plan.inputValue('#f-body');
    if (!body.startsWith('Kế hoạch **quan trọng**.')) fail(`bold did not wrap the selection: ${body}`);
    else console.log('ok   the toolbar wraps the selection in **');
    // The live preview shows the typed task and the bold word, in the site's theme.
    let previewed = false;
    for (let i = 0; i < 100 && !previewed; i += 1) {
      const html = await plan.evaluate(() => document.getElementById('xt-khung').srcdoc || '');
      previewed = /Tập huấn chữ ký số cho cán bộ/.test(html) && /<strong>quan trọng<\/strong>/.test(html);
      if (!previewed) await plan.waitForTimeout(100);
    }
    if (!previewed) {
      const shown = await plan.evaluate(() => [document.getElementById('xt-loi').innerHTML, (document.getElementById('xt-khung').srcdoc || '').length]);
      fail(`the live preview never showed the typed task and text (errors: ${shown[0]}; page: ${shown[1]} bytes)`);
    }
    else console.log('ok   the live preview shows what is typed');
    await axe(plan, 'the plan form with its preview at 1280 px');
    await Promise.all([plan.waitForURL(/da-luu=1/), plan.click('button[type=submit][name=xuat-ban]')]);
    const planUrl = base + '/ke-hoach/thu/';
    let shown = false;
    for (let i = 0; i < 150 && !shown; i += 1) {
      const r = await plan.request.get(planUrl);
      const t = await r.text();
      shown = r.status() === 200 && t.indexOf('Tập huấn chữ ký số cho cán bộ') >= 0 && t.indexOf('Tập huấn') < t.indexOf('Đăng tin về CCHC');
      if (!shown) await plan.waitForTimeout(100);
    }
    if (!shown) fail(`${planUrl} never showed the task from the grid, first`);
    else console.log(`ok   ${planUrl} shows the task added in the grid`);
  } finally {
    await browser.close();
  }
  console.log(`editor: ${failures} failures`);
  process.exit(failures ? 1 : 0);
}

main().catch((e) => { console.error(e); process.exit(2); });
