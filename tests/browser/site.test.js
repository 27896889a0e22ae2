// The book as a published site (see site.sh): served under its sub-path and at the root of a host, every page and
// asset loads, search works, the 404 page renders with working links and styles, and deep links reach their heading.
// Also the print rules that concern a reader of the site: whole listings, no screen controls, answers in print.
'use strict';
const { test, describe, before, beforeEach, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { serve } = require('./server.js');

const ARTIFACTS = path.resolve(process.env.ARTIFACTS || path.join(__dirname, '../artifacts'));
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** The path a build's 404 page was made for: book.toml's site-url, or the MDBOOK_OUTPUT__HTML__SITE_URL override. */
function siteUrl(dir) {
    const html = fs.readFileSync(path.join(dir, '404.html'), 'utf8');
    const m = html.match(/<base href="([^"]+)">/);
    assert.ok(m, `${dir}/404.html has no <base href>: is site-url set?`);
    return m[1];
}

const MOUNTS = [
    { name: 'under its sub-path', dir: process.env.SUB_BOOK },
    { name: 'at the root of the host', dir: process.env.ROOT_BOOK },
].map(m => {
    assert.ok(m.dir && fs.existsSync(path.join(m.dir, 'index.html')), `no built book for "${m.name}": run site.sh`);
    return { ...m, base: siteUrl(m.dir) };
});

let browser;
before(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
});
after(async () => browser?.close());

test('the sub-path build is made for a sub-path, the root build for "/"', () => {
    assert.match(MOUNTS[0].base, /^\/[^/]+\/$/);
    assert.equal(MOUNTS[1].base, '/');
});

for (const mount of MOUNTS) {
    describe(`served ${mount.name} (${mount.base})`, () => {
        let site;
        const problems = [];
        before(async () => {
            site = await serve(path.resolve(mount.dir), { base: mount.base, notFoundPage: true });
        });
        beforeEach(() => {
            problems.length = 0;
        });
        after(() => site?.server.close());

        /** A context that records every failed request, every HTTP error and every request leaving 127.0.0.1. */
        async function newContext(options = {}) {
            const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
            const host = new URL(site.url).host;
            await context.route(u => !['data:', 'blob:'].includes(u.protocol) && u.host !== host, route => {
                problems.push(`left 127.0.0.1: ${route.request().url()}`);
                return route.abort();
            });
            // A request cut short by leaving the page (net::ERR_ABORTED, e.g. the favicon) is not a failure; a missing
            // file is, through its HTTP status below.
            context.on('requestfailed', r => r.failure()?.errorText !== 'net::ERR_ABORTED'
                && problems.push(`failed: ${r.url()} (${r.failure()?.errorText})`));
            context.on('response', r => {
                if (r.status() >= 400 && !r.url().includes('/no/such/')) {
                    problems.push(`HTTP ${r.status()}: ${r.url()}`);
                }
            });
            return context;
        }

        async function open(context, rel, errors) {
            const page = await context.newPage();
            page.on('console', m => m.type() === 'error' && errors.push(`${rel}: ${m.text()}`));
            page.on('pageerror', e => errors.push(`${rel}: ${e.message}`));
            const response = await page.goto(site.url + rel, { waitUntil: 'load' });
            return { page, response };
        }

        test('every page and every asset loads (HTTP 200), and every link stays under the base path', async () => {
            const context = await newContext();
            const errors = [];
            const { page: index } = await open(context, '', errors);
            const pages = await index.$$eval('#mdbook-sidebar a[href]', as => as.map(a => a.href));
            await index.close();
            const rels = [...new Set(pages.map(u => new URL(u).pathname))].map(p => {
                assert.ok(p.startsWith(mount.base), `sidebar link ${p} outside ${mount.base}`);
                return p.slice(mount.base.length);
            });
            assert.ok(rels.length >= 45, `only ${rels.length} pages in the sidebar`);
            const outside = [];
            // One tab for all pages: the console and page errors are tagged with the page being visited.
            let current = '';
            const page = await context.newPage();
            page.on('console', m => m.type() === 'error' && errors.push(`${current}: ${m.text()}`));
            page.on('pageerror', e => errors.push(`${current}: ${e.message}`));
            for (const rel of [...rels, 'print.html', 'toc.html']) {
                current = rel;
                if (rel === 'print.html') {
                    await page.addInitScript(() => { window.print = () => {}; });
                }
                const response = await page.goto(site.url + rel, { waitUntil: 'networkidle' });
                assert.equal(response.status(), 200, rel);
                const links = await page.$$eval('a[href]', (as, host) => as.map(a => new URL(a.href))
                    .filter(u => u.host === host).map(u => u.pathname), new URL(site.url).host);
                outside.push(...links.filter(p => !p.startsWith(mount.base)).map(p => `${rel}: ${p}`));
            }
            await context.close();
            assert.deepEqual(errors, []);
            assert.deepEqual(outside, []);
            assert.deepEqual(problems, []);
        });

        test('search from a page in a sub-directory finds a chapter, and the result opens', async () => {
            const context = await newContext();
            const errors = [];
            const { page } = await open(context, 'mid/m01-select.html', errors);
            await page.click('#mdbook-search-toggle');
            await page.fill('#mdbook-searchbar', 'hchan');
            // mdBook searches on keyup (or when its index arrives): fill() alone races the index's loading.
            await page.press('#mdbook-searchbar', 'End');
            const hit = page.locator('#mdbook-searchresults li a[href*="junior/j04-channels.html"]').first();
            await hit.waitFor();
            const [response] = await Promise.all([page.waitForNavigation(), hit.click()]);
            assert.equal(response.status(), 200);
            assert.ok(new URL(page.url()).pathname.startsWith(`${mount.base}junior/j04-channels.html`), page.url());
            assert.match(await page.textContent('main h1'), /^J04/);
            await context.close();
            assert.deepEqual(errors, []);
            assert.deepEqual(problems, []);
        });

        test('a missing page deep in the tree gets the 404 page, styled, with working links and search', async () => {
            const context = await newContext();
            const errors = [];
            const { page, response } = await open(context, 'no/such/deeply/nested/page.html', errors);
            assert.equal(response.status(), 404);
            await page.waitForLoadState('networkidle');
            assert.equal((await page.textContent('main h1')).trim(), 'Page not found');
            // Styled: mdBook's stylesheets, its fonts and the book's theme all applied.
            const style = await page.evaluate(() => ({
                font: getComputedStyle(document.body).fontFamily,
                sidebar: getComputedStyle(document.querySelector('#mdbook-sidebar')).position,
                sheets: [...document.querySelectorAll('link[rel="stylesheet"]')].filter(l => !l.disabled && !l.sheet)
                    .map(l => l.href),
                fonts: [...document.fonts].filter(f => f.status === 'loaded').length,
            }));
            assert.match(style.font, /Open Sans/);
            assert.equal(style.sidebar, 'fixed');
            assert.deepEqual(style.sheets, []);
            assert.ok(style.fonts > 0, 'no web font loaded');
            const sidebarLinks = await page.$$eval('#mdbook-sidebar a[href]', as => as.length);
            assert.ok(sidebarLinks >= 45, `the 404 page's sidebar has ${sidebarLinks} links`);
            // Every link of the page body and of the sidebar answers 200 (the heading's self-link aside).
            const links = await page.$$eval('main a[href]:not(.header), #mdbook-sidebar a[href]', as => [...new Set(
                as.map(a => a.href.split('#')[0]))]);
            assert.ok(links.length >= 50);
            const bad = [];
            for (const href of links) {
                const r = await context.request.get(href);
                if (r.status() !== 200 || !new URL(href).pathname.startsWith(mount.base)) {
                    bad.push(`${href}: ${r.status()}`);
                }
            }
            assert.deepEqual(bad, []);
            if (mount.base !== '/') {
                await page.screenshot({ path: path.join(ARTIFACTS, 'site-404-subpath.png') });
            }
            await page.click('#mdbook-search-toggle');
            await page.fill('#mdbook-searchbar', 'hchan');
            // mdBook searches on keyup (or when its index arrives): fill() alone races the index's loading.
            await page.press('#mdbook-searchbar', 'End');
            await page.locator('#mdbook-searchresults li a').first().waitFor();
            const result = await page.$eval('#mdbook-searchresults li a', a => a.href);
            assert.equal((await context.request.get(result.split('#')[0])).status(), 200, result);
            const [nav] = await Promise.all([page.waitForNavigation(),
                page.click('main a[href$="introduction.html"]')]);
            assert.equal(nav.status(), 200);
            assert.equal(new URL(page.url()).pathname, `${mount.base}introduction.html`);
            await context.close();
            // Chromium logs the 404 status of the missing page itself; any other failed request is in `problems`.
            assert.deepEqual(errors.filter(e => !e.endsWith('status of 404 (Not Found)')), []);
            assert.deepEqual(problems, []);
        });

        test('deep links to anchors scroll to their heading, typed in or followed from another page', async () => {
            const context = await newContext();
            const errors = [];
            const inView = async (page, id) => {
                // Wait until the scroll position settles (mdBook and the fonts may shift the page after load).
                let last = -1;
                for (let i = 0; i < 20; i++) {
                    const y = await page.evaluate(() => window.scrollY);
                    if (y === last) {
                        break;
                    }
                    last = y;
                    await page.waitForTimeout(100);
                }
                return page.evaluate(h => {
                    const el = document.getElementById(h);
                    const bottom = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
                    return { top: el.getBoundingClientRect().top, scrollY: window.scrollY, bottom };
                }, id);
            };
            for (const [rel, id] of [['junior/j05-buffering.html', 'the-buffered-channel-is-a-bounded-queue'],
                ['mid/m01-select.html', 'follow-up-questions'], ['introduction.html', 'how-a-chapter-is-laid-out']]) {
                const { page } = await open(context, `${rel}#${id}`, errors);
                const at = await inView(page, id);
                assert.ok(at.scrollY > 300, `${rel}#${id}: the page did not scroll (${JSON.stringify(at)})`);
                // At the top of the window, or lower when the page cannot scroll further.
                assert.ok(at.top >= 0 && (at.top < 150 || (at.bottom && at.top < 700)),
                    `${rel}#${id}: heading at ${at.top}px from the top`);
                await page.close();
            }
            const { page } = await open(context, 'mid/m24-handling-concurrency.html', errors);
            await Promise.all([page.waitForNavigation(),
                page.click('main a[href="m18-pitfalls.html#blocking-inside-async-code"]')]);
            assert.equal(new URL(page.url()).pathname, `${mount.base}mid/m18-pitfalls.html`);
            const at = await inView(page, 'blocking-inside-async-code');
            assert.ok(at.scrollY > 300 && at.top >= 0 && at.top < 150, JSON.stringify(at));
            await context.close();
            assert.deepEqual(errors, []);
            assert.deepEqual(problems, []);
        });
    });
}

describe('print', () => {
    let site;
    before(async () => {
        site = await serve(path.resolve(MOUNTS[1].dir));
    });
    after(() => site?.server.close());

    test('the print page shows every hidden listing line and no screen controls, and has a contents list', async () => {
        const context = await browser.newContext();
        const page = await context.newPage();
        const errors = [];
        page.on('pageerror', e => errors.push(e.message));
        page.on('console', m => m.type() === 'error' && errors.push(m.text()));
        page.on('requestfailed', r => errors.push(`failed: ${r.url()}`));
        await page.addInitScript(() => { window.print = () => {}; });
        await page.goto(`${site.url}print.html`, { waitUntil: 'networkidle' });
        // book.js marks the blocks with hidden lines, theme/print.js adds the contents.
        await page.waitForFunction(() => document.querySelector('code.hide-boring')
            && document.querySelector('.print-toc a'), null, { timeout: 30_000 }).catch(() => {});
        assert.deepEqual(errors, []);
        await page.emulateMedia({ media: 'print' });
        const r = await page.evaluate(() => {
            const visible = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
            const boring = [...document.querySelectorAll('code .boring')];
            const controls = [...document.querySelectorAll('#mdbook-sidebar, #mdbook-menu-bar, pre > .buttons, '
                + '.play-button, .nav-chapters, .iv-reveal, .reader-button, #mdbook-search-wrapper')].filter(visible);
            const toc = [...document.querySelectorAll('.print-toc a')].map(a => a.getAttribute('href'));
            return { boring: boring.length, shown: boring.filter(visible).length, hidingBlocks:
                document.querySelectorAll('code.hide-boring').length, controls: controls.map(c => c.id || c.className),
            toc, targets: toc.filter(h => document.getElementById(h.slice(1))).length,
            h1: document.querySelectorAll('main h1').length };
        });
        assert.ok(r.boring > 1000 && r.hidingBlocks > 50, JSON.stringify(r).slice(0, 200));
        assert.equal(r.shown, r.boring, 'hidden listing lines on paper');
        assert.deepEqual(r.controls, []);
        assert.equal(r.toc.length, r.h1 - 1, 'one contents entry per chapter');
        assert.equal(r.targets, r.toc.length, 'every contents entry links to a heading of the page');
        await page.emulateMedia({ media: 'screen' });
        assert.ok(await page.locator('code.hide-boring .boring').first().isHidden(), 'on screen the lines stay hidden');
        await context.close();
    });

    test('interview mode does not hide the answers when a chapter is printed', async () => {
        const context = await browser.newContext();
        await context.addInitScript(() => localStorage.setItem('gcq-interview-mode', 'on'));
        const page = await context.newPage();
        await page.goto(`${site.url}junior/j05-buffering.html`, { waitUntil: 'load' });
        assert.ok(await page.evaluate(() => document.documentElement.classList.contains('interview-mode')));
        const hiddenOnScreen = await page.evaluate(() => [...document.querySelectorAll('main h2#short-answer ~ *')]
            .some(el => el.getClientRects().length === 0));
        assert.ok(hiddenOnScreen, 'interview mode hides something on screen');
        await page.emulateMedia({ media: 'print' });
        const inPrint = await page.evaluate(() => {
            const els = [...document.querySelectorAll('main h2 ~ *')]
                .filter(el => !el.matches('.iv-reveal, .practised-footer, script'));
            return { checked: els.length, hidden: els.filter(el => el.getClientRects().length === 0)
                .map(el => `${el.tagName}.${el.className}`) };
        });
        assert.ok(inPrint.checked >= 5, JSON.stringify(inPrint));
        assert.deepEqual(inPrint.hidden, [], 'nothing of the answers is hidden in print');
        await context.close();
    });
});
