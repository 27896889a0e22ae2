// The PDF edition: prints the built book's print page with headless Chromium (see build.sh).
// Usage: node pdf.js BOOK_DIR OUT.pdf
// Two passes: the first finds the page on which each chapter starts (pdftotext), the second prints the contents
// with those page numbers. The chapters start on a new page each, so the numbers do not move between the passes.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { chromium } = require('playwright-core');
const { serve } = require('../browser/server.js');
const { pageTexts, chapterPages, TITLE } = require('./text.js');

const [bookDir, out] = process.argv.slice(2).map(p => p && path.resolve(p));
if (!bookDir || !out) {
    console.error('usage: node pdf.js BOOK_DIR OUT.pdf');
    process.exit(2);
}

const HEADER = '<div style="font-size:9px; width:100%; padding:0 12mm; color:#666; font-family:sans-serif;">'
    + `${TITLE}</div>`;
const FOOTER = '<div style="font-size:10px; width:100%; text-align:center; color:#444; font-family:sans-serif;">'
    + '<span class="pageNumber"></span> / <span class="totalPages"></span></div>';
const OPTIONS = {
    format: 'A4', printBackground: true, displayHeaderFooter: true, headerTemplate: HEADER, footerTemplate: FOOTER,
    margin: { top: '16mm', bottom: '16mm', left: '12mm', right: '12mm' }, outline: true, tagged: true,
};

async function main() {
    const site = await serve(bookDir);
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
    try {
        const page = await browser.newPage();
        const errors = [];
        page.on('pageerror', e => errors.push(e.message));
        page.on('console', m => m.type() === 'error' || m.type() === 'warning' ? errors.push(m.text()) : null);
        // The print page calls window.print() once loaded: here the PDF is made by page.pdf instead.
        await page.addInitScript(() => { window.print = () => {}; });
        // Nothing leaves 127.0.0.1 (the playground's crate list is answered by theme/head.hbs).
        await page.route(u => new URL(u.href).host !== new URL(site.url).host, r => r.abort());
        // The print page is 2 MB of HTML: on a loaded machine the network goes idle long before it is parsed, so
        // wait for its load event (the contents are built by then) and only then for the network.
        await page.goto(site.url + 'print.html', { waitUntil: 'load', timeout: 120_000 });
        await page.waitForLoadState('networkidle');
        await page.waitForSelector('.print-toc a', { state: 'attached', timeout: 120_000 }).catch(() => {});
        await page.evaluate(() => document.fonts.ready);
        const entries = await page.$$eval('.print-toc a', as => as.map(a => ({
            href: a.getAttribute('href'),
            heading: document.getElementById(a.getAttribute('href').slice(1)).textContent,
        })));
        if (!entries.length || errors.length) {
            throw new Error(`the print page has no contents or has errors: ${errors.join(' | ') || 'no .print-toc'}`);
        }

        const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'book-pdf-'));
        const first = path.join(tmp, 'pass1.pdf');
        await page.pdf({ ...OPTIONS, path: first });
        const starts = chapterPages(pageTexts(first), entries.map(e => e.heading));
        await page.$$eval('.print-toc .print-toc-page', (spans, nums) => spans.forEach((s, i) => {
            s.textContent = String(nums[i]);
        }), starts);
        await page.pdf({ ...OPTIONS, path: out });
        const again = chapterPages(pageTexts(out), entries.map(e => e.heading));
        if (JSON.stringify(again) !== JSON.stringify(starts)) {
            throw new Error('the chapters moved between the two passes: the contents would point to wrong pages');
        }
        fs.rmSync(tmp, { recursive: true, force: true });
        const pages = execFileSync('pdfinfo', [out], { encoding: 'utf8' }).match(/^Pages:\s+(\d+)/m)[1];
        console.log(`${out}: ${pages} pages, ${entries.length} chapters, ${fs.statSync(out).size} bytes`);
    } finally {
        await browser.close();
        site.server.close();
    }
}

main().catch(e => {
    console.error(e.stack || String(e));
    process.exit(1);
});
