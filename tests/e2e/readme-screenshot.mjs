// Writes docs/form.png, the README's picture of the form: the Python-sample body
// (tests/e2e/data/python-sample-body.json) imported into a desktop-wide page.
// Run after `make site`: SITE_DIR=target/site node tests/e2e/readme-screenshot.mjs
// (then `pngquant --force --quality 70-90 --output docs/form.png docs/form.png` keeps it small).
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, serveSite, launch, openPage } from './harness.mjs';

const text = readFileSync(join(ROOT, 'tests/e2e/data/python-sample-body.json'), 'utf8');
const out = join(ROOT, 'docs', 'form.png');
const site = await serveSite();
const browser = await launch();
try {
  const { page, context } = await openPage(browser, site.url, { timezoneId: 'Asia/Shanghai', viewport: { width: 1180, height: 1400 } });
  await page.fill('#f-org', 'o15475450989191');
  await page.fill('#f-fw', '5f0c3f0e2c9ab60017a3a0d1');
  await page.click('#import-panel > summary');
  await page.fill('#import-text', text);
  await page.click('#import-button');
  await page.click('#import-panel > summary'); // closed again: the form is the subject
  await page.evaluate(() => document.getElementById('g-trees').scrollIntoView({ block: 'start' }));
  await mkdir(join(ROOT, 'docs'), { recursive: true });
  await page.screenshot({ path: out });
  await context.close();
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await site.close();
}
