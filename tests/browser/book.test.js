// Browser checks of the built book (see run.sh). BOOK_DIR: the mdBook output; ARTIFACTS: where screenshots go.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { chromium } = require('playwright-core');
const { serve } = require('./server.js');

const BOOK = path.resolve(process.env.BOOK_DIR || path.join(__dirname, '../../book'));
const ARTIFACTS = path.resolve(process.env.ARTIFACTS || path.join(__dirname, '../artifacts'));
const CHAPTER = 'junior/j05-buffering.html';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

let site;
let browser;
const offsite = [];

const isLocal = url => {
    const u = new URL(url);
    return ['data:', 'blob:', 'about:'].includes(u.protocol) || u.host === new URL(site.url).host;
};

before(async () => {
    assert.ok(fs.existsSync(path.join(BOOK, 'index.html')), `no built book in ${BOOK}`);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    site = await serve(BOOK);
    // launch() starts Chromium with a fresh, throw-away profile (its own temporary --user-data-dir).
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
});

after(async () => {
    await browser?.close();
    site?.server.close();
});

/** A new isolated context (own localStorage); every request that would leave 127.0.0.1 is recorded and blocked. */
async function newContext(options = {}) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
    await context.route(url => !isLocal(url.href), route => {
        offsite.push(route.request().url());
        return route.abort();
    });
    return context;
}

/** Opens `rel` and collects console errors and page errors. */
async function open(context, rel, errors = []) {
    const page = await context.newPage();
    page.on('console', msg => {
        if (msg.type() === 'error') {
            errors.push(`${rel}: ${msg.text()}`);
        }
    });
    page.on('pageerror', err => errors.push(`${rel}: ${err.message}`));
    page.on('dialog', dialog => dialog.accept());
    await page.goto(site.url + rel, { waitUntil: 'load' });
    return page;
}

/** Every page of the sidebar, as paths relative to the book's root. */
async function sidebarPages(context) {
    const page = await open(context, 'index.html');
    const hrefs = await page.$$eval('#mdbook-sidebar a[href]', links => links
        .filter(a => !a.classList.contains('header-in-summary'))
        .map(a => new URL(a.href).pathname));
    await page.close();
    return [...new Set(hrefs.map(h => h.replace(/^\//, '')))].filter(h => h.endsWith('.html'));
}

const questionPage = rel => /\/[jmspcr]\d\d-[^/]*\.html$/.test(`/${rel}`);

test('every page from the sidebar opens without console errors and without leaving 127.0.0.1', async () => {
    const context = await newContext();
    const pages = await sidebarPages(context);
    assert.ok(pages.length >= 45, `only ${pages.length} pages in the sidebar`);
    const errors = [];
    const requests = [];
    context.on('request', r => requests.push(r.url()));
    for (const rel of [...pages, 'print.html', '404.html']) {
        const page = await open(context, rel, errors);
        await page.waitForLoadState('networkidle');
        await page.close();
    }
    await context.close();
    assert.deepEqual(errors, []);
    const away = requests.filter(u => !isLocal(u));
    assert.deepEqual(away, [], 'requests to other hosts');
    assert.deepEqual(offsite, [], 'blocked requests to other hosts');
    assert.ok(requests.some(u => u.includes('/toc-')), 'the pages load their local toc.js');
});

test('internal links and anchors of the built HTML resolve (offline)', () => {
    const files = [];
    const walk = dir => fs.readdirSync(dir, { withFileTypes: true }).forEach(d => {
        const p = path.join(dir, d.name);
        if (d.isDirectory()) {
            walk(p);
        } else if (/\.html$|^toc-.*\.js$/.test(d.name)) {
            files.push(p);
        }
    });
    walk(BOOK);
    const ids = new Map();
    const idsOf = file => {
        if (!ids.has(file)) {
            const text = fs.readFileSync(file, 'utf8');
            ids.set(file, new Set([...text.matchAll(/\sid="([^"]+)"/g)].map(m => m[1])));
        }
        return ids.get(file);
    };
    const broken = [];
    let checked = 0;
    for (const file of files) {
        const text = fs.readFileSync(file, 'utf8');
        // toc.js links are relative to the book's root; page links to their own directory (no <base> is used).
        const base = file.endsWith('.js') ? BOOK : path.dirname(file);
        for (const [, raw] of text.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
            const href = raw.replace(/&amp;/g, '&');
            if (/^(https?:|mailto:|data:|javascript:)/.test(href) || href.includes('{{')) {
                continue;
            }
            const [target, frag] = href.split('#');
            const dest = target === '' ? file : path.join(base, decodeURIComponent(target.split('?')[0]));
            checked++;
            if (!fs.existsSync(dest)) {
                broken.push(`${path.relative(BOOK, file)}: ${href} (no such file)`);
            } else if (frag && dest.endsWith('.html') && !idsOf(dest).has(decodeURIComponent(frag))) {
                broken.push(`${path.relative(BOOK, file)}: ${href} (no such anchor)`);
            }
        }
    }
    assert.ok(checked > 1000, `only ${checked} links checked`);
    assert.deepEqual(broken, []);
});

test('search finds a chapter by a word from its body', async () => {
    const context = await newContext();
    const page = await open(context, 'index.html');
    await page.click('#mdbook-search-toggle');
    await page.fill('#mdbook-searchbar', 'hchan');
    await page.waitForSelector('#mdbook-searchresults li a');
    const hrefs = await page.$$eval('#mdbook-searchresults li a', as => as.map(a => a.getAttribute('href')));
    assert.ok(hrefs.some(h => h.includes('junior/j04-channels.html')), `results: ${hrefs.join(', ')}`);
    await context.close();
});

test('interview mode hides the answers, reveals them one by one, survives a reload and can be reset', async () => {
    const context = await newContext();
    const errors = [];
    const page = await open(context, CHAPTER, errors);
    const short = page.locator('.iv-body[data-section="short"] > p').first();
    const deep = page.locator('.iv-body[data-section="deep"] > *').first();
    assert.ok(await short.isVisible(), 'answers are visible by default');
    await page.screenshot({ path: path.join(ARTIFACTS, 'chapter-light.png') });

    await page.click('#reader-interview-toggle');
    assert.equal(await page.getAttribute('#reader-interview-toggle', 'aria-pressed'), 'true');
    assert.ok(!(await short.isVisible()) && !(await deep.isVisible()), 'interview mode hides both answers');
    assert.ok(await page.locator('blockquote').first().isVisible(), 'the question stays visible');
    for (const s of ['go-vs-rust', 'pitfalls', 'follow-up']) {
        assert.ok(!(await page.locator(`.iv-body[data-section="${s}"]`).isVisible()), `${s} hidden`);
    }
    await page.screenshot({ path: path.join(ARTIFACTS, 'chapter-interview.png') });

    await page.click('.iv-reveal[data-section="short"] button');
    assert.ok(await short.isVisible(), 'the short answer is revealed');
    assert.ok(!(await deep.isVisible()), 'the deep answer stays hidden');
    await page.click('.iv-reveal[data-section="deep"] button');
    assert.ok(await deep.isVisible(), 'the deep answer is revealed');

    await page.reload({ waitUntil: 'load' });
    assert.equal(await page.getAttribute('#reader-interview-toggle', 'aria-pressed'), 'true', 'mode survives reload');
    assert.ok(!(await short.isVisible()), 'after a reload the answers are hidden again');
    assert.equal(await page.evaluate(() => localStorage.getItem('gcq-interview-mode')), 'on');

    await page.click('#reader-progress-toggle');
    await page.click('#reader-reset-interview');
    assert.ok(await short.isVisible(), 'reset shows the answers');
    assert.equal(await page.evaluate(() => localStorage.getItem('gcq-interview-mode')), null);
    assert.deepEqual(errors, []);
    await context.close();
});

test('with JavaScript off a chapter shows every section and no reader buttons', async () => {
    const context = await newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.url + CHAPTER);
    for (const h of ['Short answer', 'Deep answer', 'Go vs Rust', 'Pitfalls', 'Follow-up questions']) {
        const next = page.locator('main h2').filter({ hasText: h }).locator('xpath=following-sibling::*[1]');
        assert.equal(await next.count(), 1, `${h} has content`);
        assert.ok(await next.isVisible(), `${h} is readable`);
    }
    assert.equal(await page.locator('.iv-reveal, .practised-button, .code-pair-tabs').count(), 0);
    assert.ok(await page.locator('.chapter-meta .level-badge').isVisible(), 'the level badge is static HTML');
    await context.close();
});

test('a chapter shows its level and id; the part overview lists the written chapters with a summary', async () => {
    const context = await newContext();
    const page = await open(context, 'mid/m05-context.html');
    assert.equal((await page.textContent('.chapter-meta .level-badge')).trim(), 'Mid');
    assert.equal((await page.textContent('.chapter-meta .entry-id')).trim(), 'M05');
    await page.click('.chapter-overview-link');
    await page.waitForURL(/mid\/overview\.html$/);
    const items = await page.$$eval('.chapter-list > ul > li', lis => lis.map(li => li.textContent));
    assert.equal(items.length, 25);
    assert.ok(items.every(t => /^M\d\d · .+ — .+[.?!:]/s.test(t.trim())), items.find(t => !t.includes(' — ')));
    await page.screenshot({ path: path.join(ARTIFACTS, 'overview-mid.png') });
    await context.close();
});

test('practised marks show in the sidebar after a reload and can be cleared', async () => {
    const context = await newContext();
    const page = await open(context, CHAPTER);
    const link = page.locator(`#mdbook-sidebar a[href$="${CHAPTER}"]`).first();
    assert.equal(await link.evaluate(a => a.classList.contains('practised')), false);
    await page.click('.chapter-meta .practised-button');
    assert.equal(await page.getAttribute('.chapter-meta .practised-button', 'aria-pressed'), 'true');

    await page.goto(site.url + 'mid/m01-select.html');
    const mark = page.locator(`#mdbook-sidebar a[href$="${CHAPTER}"]`).first();
    await mark.waitFor();
    assert.equal(await mark.evaluate(a => a.classList.contains('practised')), true, 'marked on another page');
    assert.equal(await mark.evaluate(a => getComputedStyle(a, '::after').content), '"✓"');
    await page.reload({ waitUntil: 'load' });
    assert.equal(await mark.evaluate(a => a.classList.contains('practised')), true, 'still marked after a reload');
    await page.click('#reader-progress-toggle');
    assert.match(await page.textContent('#reader-progress-count'), /^1 of \d+ pages practised$/);
    await page.click('#reader-clear-progress');
    await page.reload({ waitUntil: 'load' });
    assert.equal(await page.locator('#mdbook-sidebar a.practised').count(), 0, 'cleared');
    assert.equal(await page.evaluate(() => localStorage.getItem('gcq-practised')), null);
    await context.close();
});

const luminance = rgb => {
    const [r, g, b] = rgb.match(/[\d.]+/g).map(Number);
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
};

test('the dark themes apply (navy and coal), labels included', async () => {
    const context = await newContext();
    const page = await open(context, CHAPTER);
    const pick = async theme => {
        const list = page.locator('#mdbook-theme-list');
        for (let i = 0; i < 3 && !(await list.isVisible()); i++) {
            await page.click('#mdbook-theme-toggle');
            await list.waitFor({ state: 'visible', timeout: 2000 }).catch(() => {});
        }
        await page.click(`#mdbook-theme-${theme}`);
    };
    for (const theme of ['navy', 'coal']) {
        await pick(theme);
        assert.ok(await page.evaluate(t => document.documentElement.classList.contains(t), theme));
        const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        assert.ok(luminance(bg) < 0.2, `${theme} background ${bg}`);
        const badge = await page.locator('.behaviour-badge[data-behaviour="deadlock"]').first()
            .evaluate(b => getComputedStyle(b).backgroundColor);
        assert.ok(luminance(badge) > 0.45, `${theme}: a light deadlock badge on the dark page (${badge})`);
    }
    await page.reload({ waitUntil: 'load' });
    assert.ok(await page.evaluate(() => document.documentElement.classList.contains('coal')), 'theme remembered');
    await pick('navy');
    if (await page.locator('#mdbook-theme-list').isVisible()) {
        await page.click('#mdbook-theme-toggle');
    }
    await page.locator('#mdbook-theme-list').waitFor({ state: 'hidden' });
    await page.evaluate(() => {
        const el = document.querySelector('.listing-behaviour.behaviour-deadlock');
        window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 560);
    });
    await page.screenshot({ path: path.join(ARTIFACTS, 'chapter-dark.png') });
    await context.close();
});

test('verified-behaviour labels differ by colour and border, also in print', async () => {
    const context = await newContext();
    const page = await open(context, CHAPTER);
    const styles = async () => page.evaluate(() => Object.fromEntries(['output', 'panic', 'deadlock', 'compile-fail']
        .map(k => [k, document.querySelector(`.listing-behaviour.behaviour-${k}`)])
        .map(([k, el]) => [k, `${getComputedStyle(el).borderLeftStyle} ${getComputedStyle(el).borderLeftColor}`])));
    const screen = await styles();
    assert.equal(new Set(Object.values(screen)).size, 4, JSON.stringify(screen));
    await page.emulateMedia({ media: 'print' });
    const print = await styles();
    assert.equal(new Set(Object.values(print)).size, 4, JSON.stringify(print));
    await context.close();
});

test('a phone-sized viewport has no horizontal scroll on chapter pages', async () => {
    const context = await newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const pages = (await sidebarPages(context)).filter(questionPage);
    assert.ok(pages.length >= 43);
    const wide = [];
    for (const rel of pages) {
        const page = await open(context, rel);
        const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth,
            document.documentElement.clientWidth]);
        if (scroll > client + 1) {
            wide.push(`${rel}: ${scroll} > ${client}`);
        }
        if (rel === CHAPTER) {
            await page.screenshot({ path: path.join(ARTIFACTS, 'chapter-phone.png') });
        }
        await page.close();
    }
    assert.deepEqual(wide, []);
    await context.close();
});

test('Go ↔ Rust pairs become tabs, stacked on a phone', async () => {
    const context = await newContext();
    const page = await open(context, CHAPTER);
    // The book's chapters keep prose between their Go and Rust blocks today; check the pairing on a fixture.
    const natural = await page.locator('.code-pair').count();
    const made = await page.evaluate(() => {
        const box = document.createElement('div');
        box.id = 'pair-fixture';
        const go = document.querySelector('pre code.language-go').closest('pre').cloneNode(true);
        const caption = document.querySelector('.listing-caption').cloneNode(true);
        const rust = document.querySelector('.listing-caption + pre.playground').cloneNode(true);
        const label = document.querySelector('.listing-behaviour').cloneNode(true);
        box.append(go, caption, rust, label);
        document.querySelector('main').prepend(box);
        return window.bookReader.pairCodeBlocks(box);
    });
    assert.equal(made, 1);
    const goPanel = page.locator('#pair-fixture .code-pair-panel[data-lang="go"]');
    const rustPanel = page.locator('#pair-fixture .code-pair-panel[data-lang="rust"]');
    assert.ok(await goPanel.isVisible() && !(await rustPanel.isVisible()));
    await page.click('#pair-fixture .code-pair-tab[data-lang="rust"]');
    assert.ok(!(await goPanel.isVisible()) && await rustPanel.isVisible());
    assert.equal(await rustPanel.locator('.listing-caption, .listing-behaviour').count(), 2, 'caption and label move along');
    await page.setViewportSize({ width: 390, height: 844 });
    assert.ok(await goPanel.isVisible() && await rustPanel.isVisible(), 'stacked on a phone');
    assert.ok(!(await page.locator('#pair-fixture .code-pair-tabs').isVisible()));
    assert.ok(natural >= 0);
    await context.close();
});

test('the playground Run button posts the listing and shows the answer (request mocked)', async () => {
    const context = await newContext();
    const page = await context.newPage();
    const posted = [];
    await page.route('https://play.rust-lang.org/**', async route => {
        const req = route.request();
        posted.push({ url: req.url(), body: req.postDataJSON() });
        await route.fulfill({
            status: 200,
            contentType: 'application/json',
            headers: { 'Access-Control-Allow-Origin': '*' },
            body: JSON.stringify({ result: 'receiver: ready, calling recv\nmocked playground output\n', error: null }),
        });
    });
    await page.goto(site.url + CHAPTER, { waitUntil: 'load' });
    const pre = page.locator('pre.playground').first();
    const run = pre.locator('.play-button');
    await run.waitFor({ state: 'attached' });
    await page.waitForFunction(() => !document.querySelector('pre.playground .play-button').hidden);
    await pre.hover();
    await run.click();
    await pre.locator('code.result').filter({ hasText: 'mocked playground output' }).waitFor();
    assert.equal(posted.length, 1, JSON.stringify(posted.map(p => p.url)));
    assert.equal(posted[0].url, 'https://play.rust-lang.org/evaluate.json');
    assert.equal(posted[0].body.edition, '2024');
    assert.match(posted[0].body.code, /fn main\(\)/);
    assert.match(posted[0].body.code, /sync_channel/);
    // Listings that fail on purpose say what Run shows.
    const notes = await page.$$eval('.run-note', ps => ps.map(p => p.textContent));
    assert.ok(notes.some(n => n.includes('compiler error')), notes.join(' | '));
    assert.ok(notes.some(n => n.includes('panic message')), notes.join(' | '));
    assert.equal(await page.locator('pre:has(code.noplayground) .play-button').count(), 0, 'no Run on deadlocks');
    await context.close();
});

test('size of the largest chapter page (HTML + JS + CSS)', async t => {
    const pages = fs.readdirSync(BOOK, { recursive: true }).filter(f => f.endsWith('.html'))
        .filter(f => questionPage(f));
    const measure = rel => {
        const html = fs.readFileSync(path.join(BOOK, rel));
        const assets = [...html.toString().matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="stylesheet"[^>]*\shref)="([^"]+)"/g)]
            .map(m => path.join(BOOK, path.dirname(rel), m[1]))
            .filter(f => fs.existsSync(f) && /\.(js|css)$/.test(f));
        const files = [html, ...assets.map(f => fs.readFileSync(f))];
        const raw = files.reduce((n, b) => n + b.length, 0);
        const gz = files.reduce((n, b) => n + zlib.gzipSync(b).length, 0);
        return { rel, html: html.length, raw, gz };
    };
    const sizes = pages.map(measure).sort((a, b) => b.raw - a.raw);
    const top = sizes[0];
    // The same page in a fresh browser context: what it really transfers (our server does not compress).
    const context = await newContext();
    const page = await context.newPage();
    const responses = [];
    page.on('response', r => responses.push(r));
    await page.goto(site.url + top.rel, { waitUntil: 'networkidle' });
    let transferred = 0;
    for (const r of responses) {
        const type = r.headers()['content-type'] || '';
        if (/html|javascript|css/.test(type)) {
            transferred += (await r.body()).length;
        }
    }
    await context.close();
    const report = { largest: top.rel, htmlBytes: top.html, htmlJsCssBytes: top.raw, gzipBytes: top.gz,
        measuredInBrowserBytes: transferred };
    fs.writeFileSync(path.join(ARTIFACTS, 'page-size.json'), JSON.stringify(report, null, 2));
    t.diagnostic(`largest chapter page: ${JSON.stringify(report)}`);
    assert.ok(top.raw < 2_000_000, 'under 2 MB');
});
