// The search page in headless Chromium, on a built example site:
//   node tests/browser/search.mjs DIR
// Types queries with and without tone marks into /tim-kiem/ and checks the results (title,
// kind, highlighted words), a filter by kind, the header form going to the search page, and
// counts the bytes a query fetches. Exits 1 on any failure.
import { launch } from './axe.mjs';
import { serve } from './server.mjs';

/** Types `q` and waits until the list shows its results. */
async function type(page, q) {
  await page.fill('#q', '');
  await page.locator('#q').pressSequentially(q, { delay: 5 });
  await page.waitForFunction((q) => document.getElementById('search-results').getAttribute('data-query') === q, q, { timeout: 5000 });
}

const CASES = [
  // [typed, a title expected among the first three results]
  ['dang ky khai tu', 'Đăng ký khai tử'],
  ['đăng ký khai tử', 'Đăng ký khai tử'],
  ['thu tuc khai sinh', 'Đăng ký khai sinh'],
  ['thủ tục khai sinh', 'Đăng ký khai sinh'],
  ['1.004561', 'Đăng ký khai tử'],
  ['61/2018/NĐ-CP', 'Nghị định về thực hiện cơ chế một cửa'],
  ['chung thuc ban sa', 'Chứng thực bản sao'],
];

// A site's own search.html made before the tone notice (no #search-toneless): a query
// that falls back to tone-less matches still lists them.
async function oldTemplate(dir) {
  const server = await serve(dir);
  const browser = await launch();
  const page = await (await browser.newContext({ viewport: { width: 360, height: 800 } })).newPage();
  await page.goto(server.url + '/tim-kiem/', { waitUntil: 'load' });
  let ok = true;
  try {
    await type(page, 'khái');
    ok = (await page.$$('#search-results li')).length > 0;
  } catch {
    ok = false;
  }
  await browser.close();
  server.close();
  console.log(ok ? 'ok   an old search.html lists tone-less matches' : 'FAIL an old search.html shows no results');
  process.exit(ok ? 0 : 1);
}

async function main() {
  const dir = process.argv[2];
  if (process.argv[3] === 'old-template') return oldTemplate(dir);
  const server = await serve(dir);
  const browser = await launch();
  const page = await (await browser.newContext({ viewport: { width: 360, height: 800 } })).newPage();
  let failures = 0;
  const fail = (what) => { failures++; console.log(`FAIL ${what}`); };
  let bytes = 0;
  page.on('response', async (r) => {
    if (r.url().includes('/search/')) bytes += (await r.body().catch(() => Buffer.alloc(0))).length;
  });
  await page.goto(server.url + '/tim-kiem/', { waitUntil: 'load' });
  const results = async () => page.$$eval('#search-results li', (lis) => lis.map((li) => ({
    title: li.querySelector('h2').innerText,
    meta: li.querySelector('.search-meta').innerText,
    marked: [...li.querySelectorAll('mark')].map((m) => m.innerText),
  })));
  for (const [q, want] of CASES) {
    bytes = 0;
    try {
      await type(page, q);
      const r = await results();
      if (!r.slice(0, 3).some((x) => x.title.includes(want))) throw new Error();
      if (!r[0].marked.length && !r[0].meta.length) fail(`${q}: the first result shows no highlighted word nor kind`);
      console.log(`ok   "${q}" → ${r[0].title} (${r[0].meta}); ${r.length} shown, ${bytes} bytes fetched`);
    } catch {
      fail(`"${q}": "${want}" is not among the first three: ${JSON.stringify((await results()).map((x) => x.title))}`);
    }
  }
  // Highlighting: the words typed without tone marks are marked in the title.
  await type(page, 'dang ky khai tu');
  const marked = (await results())[0].marked;
  if (!marked.includes('Đăng') || !marked.includes('tử')) fail(`highlighted words: ${JSON.stringify(marked)}`);
  // A filter by kind keeps only that kind.
  await type(page, 'khai');
  await page.selectOption('#search-kind', 'news');
  await page.waitForFunction(() => {
    const metas = [...document.querySelectorAll('#search-results .search-meta')].map((m) => m.innerText);
    return metas.length > 0 && metas.every((m) => m.startsWith('Tin tức'));
  }, null, { timeout: 5000 }).catch(() => fail('the kind filter did not keep news only'));
  // Tone marks: exact spellings only; with none, the tone-less matches under a line.
  const toneless = () => page.$eval('#search-toneless', (e) => !e.hidden && e.offsetHeight > 0);
  await type(page, 'khái');
  if (!(await results()).length || !(await toneless())) fail('"khái": no tone-less results under the notice');
  await type(page, 'đường');
  if (await toneless()) fail('"đường": the tone-less notice shows though pages have "đường"');
  if ((await results()).some((x) => /trợ cấp xã hội/i.test(x.title))) fail('"đường" lists a page with only "dưỡng"');
  // No result: a message says so.
  await page.selectOption('#search-kind', '');
  await type(page, 'xyzzyqw');
  await page.waitForFunction(() => /Không tìm thấy/.test(document.getElementById('search-status').innerText), null, { timeout: 5000 })
    .catch(() => fail('no message for a query without results'));
  // The header form of any page goes to the search page with the query.
  await page.goto(server.url + '/', { waitUntil: 'load' });
  await page.fill('#header-q', 'khai tu');
  await Promise.all([page.waitForURL(/\/tim-kiem\/\?q=/), page.press('#header-q', 'Enter')]);
  await page.waitForFunction(() => document.querySelectorAll('#search-results li').length > 0, null, { timeout: 5000 })
    .catch(() => fail('the header form did not show results on the search page'));
  await browser.close();
  server.close();
  console.log(`search page: ${CASES.length} queries, ${failures} failures`);
  process.exit(failures ? 1 : 0);
}

main().catch((e) => { console.error(e); process.exit(2); });
