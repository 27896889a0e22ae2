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
// searchindex.js: issue 10's budget. mdBook 0.5.4 wrote 6.89 MB for the book of 2026-11-30 (820 sections): a bug in
// its index library (elasticlunr-rs 3.0.2 indexes every title and body word again as a breadcrumb), every listing's
// code and every behaviour label indexed and stored, and elasticlunr's verbose JSON. theme/searchindex.js, run after
// every build, rebuilds it from the pages (prose, headings, tables and captions; no code, no labels) in a compact form
// the file expands when it loads: 1,025,989 bytes for that book (the prose kept for the teasers 745 KB, the index
// 210 KB), which leaves room for Parts IV-VI (about 35% more text).
const SEARCH_INDEX_BUDGET = 1_500_000;
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

/** The book's levels as the pages see them (the #book-levels table, or the sidebar's parts). */
async function bookLevels(context) {
    const page = await open(context, 'index.html');
    const levels = await page.evaluate(() => window.bookReader.levels());
    await page.close();
    assert.ok(levels.length >= 2, JSON.stringify(levels));
    return levels;
}

/** Pages whose file name starts with an entry id of a known level (j05-…, m01-…), sub-pages included. */
const idPage = levels => {
    const letters = levels.map(l => l.letter.toLowerCase()).join('');
    return rel => new RegExp(`/[${letters}]\\d\\d-[^/]*\\.html$`).test(`/${rel}`);
};

/** The questions of SUMMARY.md: entries whose title starts with an id and that are not nested (sub-pages). */
function summaryQuestions(levels) {
    const letters = levels.map(l => l.letter).join('');
    const text = fs.readFileSync(path.join(__dirname, '../../src/SUMMARY.md'), 'utf8');
    return text.split('\n').map(line => new RegExp(`^[-*] \\[([${letters}])\\d\\d · [^\\]]*\\]\\(([^)]*)\\)`).exec(line))
        .filter(Boolean).map(m => ({ letter: m[1], written: m[2] !== '' }));
}

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
    // mdBook searches on keyup (or when its index finishes loading); fill() sends no key, so press one.
    await page.press('#mdbook-searchbar', 'End');
    await page.waitForSelector('#mdbook-searchresults li a');
    const hrefs = await page.$$eval('#mdbook-searchresults li a', as => as.map(a => a.getAttribute('href')));
    assert.ok(hrefs.some(h => h.includes('junior/j04-channels.html')), `results: ${hrefs.join(', ')}`);
    await context.close();
});

test('search: a reader\'s queries find the sections about them, with teasers and links that work', async () => {
    const context = await newContext();
    const errors = [];
    const page = await open(context, 'index.html', errors);
    await page.click('#mdbook-search-toggle');
    const search = async term => {
        await page.fill('#mdbook-searchbar', term);
        await page.press('#mdbook-searchbar', 'End');
        await page.waitForFunction(t => new URLSearchParams(location.search).get('search') === t
            && document.querySelector('#mdbook-searchresults li a'), term);
        return page.$$eval('#mdbook-searchresults li', lis => lis.map(li => ({
            href: li.querySelector('a').getAttribute('href'),
            crumbs: li.querySelector('a').textContent,
            teaser: li.querySelector('.teaser').textContent,
            marked: [...li.querySelectorAll('.teaser em')].map(e => e.textContent),
        })));
    };
    // [query, a page among the first results, how many first results may come before it, a word each of the first
    // five teasers marks]
    const queries = [
        ['WaitGroup', 'mid/m22-waitgroup-reuse.html', 5, /waitgroup/i],
        ['deadlock', 'senior/s11-deadlocks.html', 5, /deadlock/i],
        ['CancellationToken', 'mid/m05-context.html', 3, /cancellationtoken/i],
        // A Go API name: one token with its dot, as the reader types it.
        ['time.After', 'mid/m02-timeouts.html', 3, /time\.after/i],
    ];
    const links = new Set();
    for (const [term, want, within, mark] of queries) {
        const results = await search(term);
        const pages = results.map(r => r.href.replace(/[?#].*/, ''));
        assert.ok(pages.slice(0, within).includes(want), `${term}: ${want} not in the first ${within}: ${pages}`);
        for (const r of results.slice(0, 5)) {
            assert.ok(r.marked.some(m => mark.test(m)), `${term}: teaser of ${r.href} marks ${r.marked}: ${r.teaser}`);
            assert.ok(r.crumbs.includes(' » '), `${term}: the link text is the breadcrumbs: ${r.crumbs}`);
            links.add(r.href);
        }
        // The stored text is prose: no listing code, no behaviour label in any teaser.
        for (const r of results) {
            assert.doesNotMatch(r.teaser, /Verified in each of|fn main\(\)|func main\(\)|cargo run -p/,
                `${term}: ${r.href}`);
        }
        if (term === 'WaitGroup') {
            await page.screenshot({ path: path.join(ARTIFACTS, 'search-results.png') });
        }
    }
    // Each link opens its page at an element with the linked id; the highlight parameter is mdBook's.
    for (const href of links) {
        const url = new URL(href, page.url());
        assert.equal(url.searchParams.get('highlight') !== null, true, href);
        const response = await context.request.get(url.origin + url.pathname);
        assert.equal(response.status(), 200, href);
        const id = decodeURIComponent(url.hash.slice(1));
        assert.ok(id === '' || (await response.text()).includes(`id="${id}"`), `${href}: no element with id ${id}`);
    }
    assert.ok(links.size >= 10, `only ${links.size} distinct links`);
    // Following a result lands on the section, with the searched word marked in the page.
    await page.fill('#mdbook-searchbar', 'CancellationToken');
    await page.press('#mdbook-searchbar', 'End');
    await page.waitForSelector('#mdbook-searchresults li a[href*="mid/m05-context.html"]');
    await page.click('#mdbook-searchresults li a[href*="mid/m05-context.html"]');
    await page.waitForURL(/m05-context\.html/);
    assert.ok(await page.locator('main mark').count() > 0, 'the searched word is marked in the page');
    assert.deepEqual(errors, []);
    await context.close();
});

/** The built book's search index, as the browser gets it (searchindex-*.js sets window.search). */
function loadSearchIndex() {
    const file = fs.readdirSync(BOOK).find(f => /^searchindex.*\.js$/.test(f));
    const sandbox = { window: { search: {} } };
    require('node:vm').runInNewContext(fs.readFileSync(path.join(BOOK, file), 'utf8'), sandbox);
    return sandbox.window.search;
}

test('after the index rebuild (theme/searchindex.js), search still finds sections by breadcrumb and by body words',
    async () => {
        const search = loadSearchIndex();
        assert.equal(search.index.repairedBy, 'theme/searchindex.js', 'the post-build step did not run on this book');
        const docOf = anchor => search.index.documentStore.docs[search.doc_urls.indexOf(anchor)];
        // "Myths" is in this section's breadcrumbs (the chapter's title) and nowhere in its own heading or text:
        // only the rebuilt breadcrumbs field can find it.
        const crumbOnly = docOf('appendix/go-myths.html#channels');
        assert.match(crumbOnly.breadcrumbs, /myths/i);
        assert.doesNotMatch(`${crumbOnly.title} ${crumbOnly.body}`, /myth/i);
        // "hchan" is in the body of the chapter on channels, not in its breadcrumbs.
        const bodyAnchor = 'junior/j04-channels.html#creating-and-using-a-channel';
        const bodyOnly = docOf(bodyAnchor);
        assert.match(bodyOnly.body, /hchan/);
        assert.doesNotMatch(bodyOnly.breadcrumbs, /hchan/i);
        // The stored text of a section is its prose: J05's section on a full buffer keeps its sentences, not its
        // listing's code nor its behaviour label, both on the page.
        const j05 = 'junior/j05-buffering.html#when-the-buffer-is-full-and-nobody-receives';
        const html = fs.readFileSync(path.join(BOOK, 'junior/j05-buffering.html'), 'utf8');
        assert.match(docOf(j05).body, /Note the drop\(rx\) at the end\./);
        for (const left of ['sync_channel::&lt;i32&gt;(2)', 'consecutive 400 ms windows']) {
            assert.ok(html.includes(left), `the page has ${left}`);
            assert.ok(!docOf(j05).body.includes(left.replace('&lt;', '<').replace('&gt;', '>')), left);
        }

        const context = await newContext();
        const page = await open(context, 'index.html');
        await page.click('#mdbook-search-toggle');
        const results = async term => {
            await page.fill('#mdbook-searchbar', term);
            await page.press('#mdbook-searchbar', 'End');
            await page.waitForFunction(t => new URLSearchParams(location.search).get('search') === t
                && document.querySelector('#mdbook-searchresults li a'), term);
            // Result links carry the search term (page.html?highlight=myths#anchor): compare without it.
            return page.$$eval('#mdbook-searchresults li a', as => as.map(a => a.getAttribute('href')
                .replace(/\?[^#]*/, '')));
        };
        const myths = await results('myths');
        assert.ok(myths.some(h => h.endsWith('appendix/go-myths.html#channels')), `myths: ${myths.join(', ')}`);
        const hchan = await results('hchan');
        assert.ok(hchan.some(h => h.endsWith(bodyAnchor)), `hchan: ${hchan.join(', ')}`);
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
    for (const s of ['go-vs-rust', 'pitfalls']) {
        assert.ok(!(await page.locator(`.iv-body[data-section="${s}"]`).isVisible()), `${s} hidden`);
    }
    assert.ok(await page.locator('.iv-body[data-section="follow-up"] .fu-item > strong').first().isVisible(),
        'the follow-up questions stay visible');
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
    assert.match(await page.textContent('#reader-progress-count'), /^1 of \d+ questions practised/);
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

test('a phone-sized viewport never scrolls sideways, on any page', async () => {
    const context = await newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const pages = await sidebarPages(context);
    assert.ok(pages.length >= 45);
    const wide = [];
    const page = await context.newPage();
    for (const rel of pages) {
        await page.goto(site.url + rel, { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready);
        // mdBook hides horizontal overflow on <body>, which would mask a page wider than the screen: measure the
        // content, and also what the reader can scroll.
        const [scroll, client, content, box] = await page.evaluate(() => {
            const c = document.querySelector('#mdbook-content');
            return [document.documentElement.scrollWidth, document.documentElement.clientWidth, c.scrollWidth,
                c.clientWidth];
        });
        if (scroll > client + 1) {
            wide.push(`${rel}: the page is ${scroll} px wide, the screen ${client} px`);
        }
        if (content > box + 1) {
            wide.push(`${rel}: the content is ${content} px wide in a ${box} px box`);
        }
        if (rel === CHAPTER) {
            await page.screenshot({ path: path.join(ARTIFACTS, 'chapter-phone.png') });
        }
    }
    await page.close();
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

test('weight: every chapter page is at most 300 KB before fonts; the search index is under budget', async t => {
    const pages = fs.readdirSync(BOOK, { recursive: true }).filter(f => f.endsWith('.html'))
        .filter(f => !['print.html', 'toc.html', '404.html'].includes(f));
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
    // The same page in a fresh browser context: what it really transfers before fonts (our server does not
    // compress), so scripts loaded later by other scripts count too.
    const context = await newContext();
    const page = await context.newPage();
    const responses = [];
    page.on('response', r => responses.push(r));
    await page.goto(site.url + top.rel, { waitUntil: 'networkidle' });
    let transferred = 0;
    let fonts = 0;
    for (const r of responses) {
        const type = r.headers()['content-type'] || '';
        const bytes = (await r.body()).length;
        if (/font/.test(type)) {
            fonts += bytes;
        } else {
            transferred += bytes;
        }
    }
    await context.close();
    const index = fs.readdirSync(BOOK).find(f => /^searchindex.*\.js$/.test(f));
    const indexBytes = fs.statSync(path.join(BOOK, index)).size;
    const report = { largest: top.rel, htmlBytes: top.html, htmlJsCssBytes: top.raw, gzipBytes: top.gz,
        measuredInBrowserBytes: transferred, fontBytes: fonts, searchIndex: index, searchIndexBytes: indexBytes };
    fs.writeFileSync(path.join(ARTIFACTS, 'page-size.json'), JSON.stringify(report, null, 2));
    t.diagnostic(`weight: ${JSON.stringify(report)}`);
    assert.ok(top.raw <= 300_000, `${top.rel}: ${top.raw} bytes of HTML + JS + CSS`);
    assert.ok(transferred <= 300_000, `${top.rel}: the browser loaded ${transferred} bytes before fonts`);
    assert.ok(indexBytes < SEARCH_INDEX_BUDGET, `${index}: ${indexBytes} bytes (budget ${SEARCH_INDEX_BUDGET})`);
});

// ================================ content that fits ================================

/** In the page: what sticks out of the content column, with hidden listing lines shown. */
function overflowIn() {
    document.querySelectorAll('code.hide-boring').forEach(c => c.classList.remove('hide-boring'));
    const mainEl = document.querySelector('#mdbook-content main');
    const column = mainEl.getBoundingClientRect();
    const name = e => {
        const id = e.id ? `#${e.id}` : '';
        const text = (e.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 60);
        return `<${e.tagName.toLowerCase()}${id}> "${text}"`;
    };
    const out = [];
    for (const e of mainEl.querySelectorAll('*')) {
        const r = e.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) {
            continue;
        }
        if (r.right > column.right + 1 || r.left < column.left - 1) {
            // Only report the outermost culprit (its children move with it).
            if (!out.some(o => o.el.contains(e))) {
                out.push({ el: e, what: `${name(e)} spans ${Math.round(r.left)}–${Math.round(r.right)} px, column `
                    + `${Math.round(column.left)}–${Math.round(column.right)} px` });
            }
        }
    }
    // Boxes that scroll sideways inside themselves: code blocks and tables must fit without that at this width.
    for (const e of mainEl.querySelectorAll('pre > code, .table-wrapper, pre')) {
        if (e.scrollWidth > e.clientWidth + 1) {
            out.push({ el: e, what: `${name(e)} scrolls sideways (${e.scrollWidth} > ${e.clientWidth} px)` });
        }
    }
    return out.map(o => o.what);
}

test('at 1280 px nothing overflows the content column on any page: code, hidden lines and tables fit', async () => {
    const context = await newContext({ viewport: { width: 1280, height: 900 } });
    const pages = await sidebarPages(context);
    assert.ok(pages.length >= 45);
    const problems = [];
    const page = await context.newPage();
    for (const rel of pages) {
        await page.goto(site.url + rel, { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready);
        const found = await page.evaluate(overflowIn);
        found.forEach(f => problems.push(`${rel}: ${f}`));
        const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth,
            document.documentElement.clientWidth]);
        if (scroll > client + 1) {
            problems.push(`${rel}: the page scrolls sideways (${scroll} > ${client})`);
        }
    }
    await page.close();
    // What a reader sees: the tables the issue named, and a chapter with its widest listing.
    const shots = [['mid/m13-atomics.html', 'main table', 'table-m13.png'],
        ['go-rust-map.html', 'main table', 'table-map.png'], ['junior/j15-toolbox.html', 'main table', 'table-j15.png'],
        ['mid/m09-timers.html', 'pre', 'code-m09.png'],
        // A label's long panic message wraps inside the label.
        ['rust/x05-bridging.html', '.listing-behaviour.behaviour-panic', 'label-panic-wrapped.png']];
    for (const [rel, selector, file] of shots) {
        const shot = await open(context, rel);
        await shot.locator(selector).first().scrollIntoViewIfNeeded();
        await shot.screenshot({ path: path.join(ARTIFACTS, file) });
        await shot.close();
    }
    await context.close();
    assert.deepEqual(problems, []);
});

// ================================ code that works outside the page ================================

test('the copy button copies the whole listing, hidden lines included, exactly as its file', async () => {
    const context = await newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
    const page = await open(context, CHAPTER);
    const pre = page.locator('pre.playground').first();
    const visible = await pre.locator('code').evaluate(c => c.innerText);
    assert.ok(!visible.includes('fn main'), 'the excerpt hides fn main');
    assert.ok(!/^ {4}\S/m.test(visible.split('\n').filter(l => l.trim())[0]), 'the excerpt is shown dedented');
    await pre.hover();
    await pre.locator('.clip-button').click();
    await page.waitForFunction(() => document.querySelector('pre.playground .clip-button.tooltipped'));
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const file = fs.readFileSync(path.join(__dirname, '../../listings/j05/rendezvous-handoff/src/main.rs'), 'utf8')
        .split('\n').filter(l => !/\bANCHOR(_END)?:/.test(l)).join('\n');
    assert.equal(copied.trimEnd(), file.trimEnd(), 'clipboard = the listing file without its ANCHOR lines');
    assert.match(copied, /^use std::sync::mpsc;/);
    assert.match(copied, /\nfn main\(\) \{\n {4}\/\/ Capacity 0/, 'the body keeps its indentation inside fn main');
    // The eye button shows the whole program with its real indentation.
    await pre.hover();
    await pre.locator('.buttons button[title="Show hidden lines"]').click();
    const whole = await pre.locator('code').evaluate(c => c.innerText);
    assert.equal(whole.trimEnd(), file.trimEnd());
    await context.close();
});

test('a later excerpt of a listing copies the whole program, which the page carries once', async () => {
    const context = await newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
    const page = await open(context, CHAPTER);
    // J05 shows two parts of listing j05-capacity: the first block holds the whole program (the rest as hidden
    // lines), the second only its part.
    const blocks = page.locator('pre:has(> code.listing-j05-capacity)');
    assert.equal(await blocks.count(), 2);
    const second = blocks.nth(1);
    assert.equal(await second.locator('code.listing-excerpt').count(), 1);
    assert.equal(await second.locator('.boring').count(), 0, 'the excerpt carries no hidden lines');
    assert.equal(await second.locator('.buttons button[title="Show hidden lines"]').count(), 0);
    const visible = await second.locator('code').evaluate(c => c.innerText);
    assert.ok(!visible.includes('fn main'), visible);
    assert.ok(!/^ {4}\S/m.test(visible.split('\n').filter(l => l.trim())[0]), `shown dedented: ${visible}`);
    await second.hover();
    await second.locator('.clip-button').click();
    await page.waitForFunction(() => [...document.querySelectorAll('pre .clip-button.tooltipped')].length > 0);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const file = fs.readFileSync(path.join(__dirname, '../../listings/j05/capacity/src/main.rs'), 'utf8')
        .split('\n').filter(l => !/\bANCHOR(_END)?:/.test(l)).join('\n');
    assert.equal(copied.trimEnd(), file.trimEnd(), 'clipboard = the whole listing file without its ANCHOR lines');
    // Run is on the first block, which holds the program; it sends the program.
    assert.equal(await second.locator('.play-button').count(), 0);
    assert.equal(await blocks.nth(0).locator('.play-button').count(), 1);
    assert.equal((await page.evaluate(() => window.playground_text(document.querySelector(
        'pre:has(> code.listing-j05-capacity)'), true))).trimEnd(), file.trimEnd());
    await context.close();
});

test('every page carries each Rust listing\'s text once: its first block whole, later blocks only their part', () => {
    const pages = fs.readdirSync(BOOK, { recursive: true }).filter(f => f.endsWith('.html'))
        .filter(f => !['print.html', 'toc.html', '404.html'].includes(f));
    const problems = [];
    let excerpts = 0;
    for (const rel of pages) {
        const html = fs.readFileSync(path.join(BOOK, rel), 'utf8');
        const seen = new Set();
        for (const m of html.matchAll(/<code class="(language-rust [^"]*\blisting-[a-z0-9-]+[^"]*)">([\s\S]*?)<\/code>/g)) {
            const classes = m[1].split(/\s+/);
            const name = classes.find(c => c.startsWith('listing-') && c !== 'listing-excerpt');
            const excerpt = classes.includes('listing-excerpt');
            if (excerpt) {
                excerpts += 1;
                if (!seen.has(name)) {
                    problems.push(`${rel}: an excerpt of ${name} before its whole text`);
                }
                if (m[2].includes('class="boring"')) {
                    problems.push(`${rel}: an excerpt of ${name} carries hidden lines`);
                }
            } else if (seen.has(name)) {
                problems.push(`${rel}: ${name} carried twice`);
            }
            seen.add(name);
        }
    }
    assert.ok(excerpts > 50, `only ${excerpts} excerpts`);
    assert.deepEqual(problems, []);
});

test('every code block names its language and is highlighted', async () => {
    const context = await newContext();
    const problems = [];
    for (const rel of [CHAPTER, 'mid/m01-select.html', 'introduction.html', 'reading-listings.html']) {
        const page = await open(context, rel);
        const blocks = await page.$$eval('#mdbook-content main pre', pres => pres.map(pre => {
            const code = pre.querySelector(':scope > code');
            const label = getComputedStyle(pre, '::before').content;
            return { cls: code ? code.className : '', label, spans: code ? code.querySelectorAll('[class^="hljs-"]').length : 0,
                visible: pre.offsetParent !== null };
        }));
        for (const b of blocks) {
            if (!b.visible) {
                continue;
            }
            if (!b.label || b.label === 'none' || b.label === 'normal') {
                problems.push(`${rel}: a block without a language label (${b.cls})`);
            }
            if (/language-(rust|go)\b/.test(b.cls) && b.spans === 0) {
                problems.push(`${rel}: a ${b.cls} block is not highlighted`);
            }
        }
        if (rel === CHAPTER) {
            const labels = new Set(blocks.map(b => b.label));
            assert.ok(labels.has('"Rust"') && labels.has('"Go"'), [...labels].join(', '));
        }
        await page.close();
    }
    await context.close();
    assert.deepEqual(problems, []);
});

test('links out: API mentions link to versioned reference docs (checked in every built page)', () => {
    const lock = fs.readFileSync(path.join(__dirname, '../../Cargo.lock'), 'utf8');
    const locked = Object.fromEntries([...lock.matchAll(/name = "([^"]+)"\nversion = "([^"]+)"/g)].map(m => [m[1], m[2]]));
    const toolchain = /channel = "([^"]+)"/.exec(fs.readFileSync(path.join(__dirname, '../../rust-toolchain.toml'), 'utf8'))[1];
    const go = /^go-version = "([^"]+)"/m.exec(fs.readFileSync(path.join(__dirname, '../../src/api-links.toml'), 'utf8'))[1];
    const problems = [];
    let api = 0;
    const pages = fs.readdirSync(BOOK, { recursive: true }).filter(f => f.endsWith('.html') && f !== 'print.html');
    for (const rel of pages) {
        const text = fs.readFileSync(path.join(BOOK, rel), 'utf8');
        const body = text.slice(text.indexOf('<main>'), text.indexOf('</main>'));
        for (const [, href] of body.matchAll(/<a href="(https?:[^"]+)"><code/g)) {
            api++;
            const u = new URL(href.replace(/&amp;/g, '&'));
            const ok = (u.host === 'doc.rust-lang.org' && u.pathname.startsWith(`/${toolchain}/std/`))
                || (u.host === 'docs.rs' && locked[u.pathname.split('/')[1]] === u.pathname.split('/')[2])
                || (u.host === 'pkg.go.dev' && u.pathname.endsWith(`@${go}`));
            if (!ok) {
                problems.push(`${rel}: ${href}`);
            }
        }
    }
    assert.ok(api >= 100, `only ${api} API links`);
    assert.deepEqual(problems, []);
});

// ================================ interview mode as a drill ================================

test('interview mode: follow-up answers hidden and revealed one at a time; summaries and sidebar headings hidden', async () => {
    const context = await newContext();
    const page = await open(context, CHAPTER);
    await page.click('#reader-interview-toggle');
    const items = page.locator('.iv-body[data-section="follow-up"] .fu-item');
    const n = await items.count();
    assert.ok(n >= 3, `${n} follow-up items`);
    for (let i = 0; i < n; i++) {
        assert.ok(await items.nth(i).locator('> strong').isVisible(), `question ${i + 1} visible`);
        assert.ok(!(await items.nth(i).locator('.fu-answer').isVisible()), `answer ${i + 1} hidden`);
    }
    await items.nth(1).locator('.fu-reveal').click();
    assert.ok(await items.nth(1).locator('.fu-answer').isVisible(), 'the second answer is revealed');
    assert.ok(!(await items.nth(0).locator('.fu-answer').isVisible()), 'the first stays hidden');
    assert.ok(!(await items.nth(2).locator('.fu-answer').isVisible()), 'the third stays hidden');
    assert.equal(await items.nth(1).locator('.fu-reveal').isVisible(), false, 'its button goes away');

    // The sidebar lists the page's headings; the deep answer's sub-headings are hidden until it is revealed.
    const subHeading = page.locator('#mdbook-sidebar a.header-in-summary[href="#the-buffered-channel-is-a-bounded-queue"]');
    await subHeading.waitFor({ state: 'attached' });
    assert.ok(!(await subHeading.isVisible()), 'a deep-answer sub-heading is hidden in the sidebar');
    await page.screenshot({ path: path.join(ARTIFACTS, 'chapter-interview-followups.png'), fullPage: false });
    await page.click('.iv-reveal[data-section="deep"] button');
    assert.ok(await subHeading.isVisible(), 'revealing the deep answer shows its sub-headings');

    // Overview pages: the question links stay, the summaries go.
    await page.goto(site.url + 'junior/overview.html');
    const entries = page.locator('.chapter-list li');
    assert.ok(await entries.count() >= 18);
    assert.ok(await entries.first().locator('a').first().isVisible());
    const summaries = page.locator('.chapter-list .iv-summary');
    assert.ok(await summaries.count() >= 18, 'each entry has a summary');
    assert.equal(await summaries.first().isVisible(), false, 'summaries are hidden in interview mode');
    await page.screenshot({ path: path.join(ARTIFACTS, 'overview-interview.png') });
    await page.click('#reader-interview-toggle');
    assert.ok(await summaries.first().isVisible(), 'and shown again without it');
    await context.close();
});

test('every follow-up of every question is a bold question followed by an answer', async () => {
    const context = await newContext();
    const levels = await bookLevels(context);
    // The cheat sheet's pages (the reference level) are not questions: they have no follow-ups.
    const reference = levels.filter(l => l.slug === 'reference').map(l => l.letter.toLowerCase());
    const pages = (await sidebarPages(context)).filter(idPage(levels))
        .filter(rel => !reference.some(c => new RegExp(`(^|/)${c}\\d\\d-`).test(rel)));
    const problems = [];
    const page = await context.newPage();
    for (const rel of pages) {
        await page.goto(site.url + rel, { waitUntil: 'domcontentloaded' });
        const shape = await page.evaluate(() => {
            const body = document.querySelector('.iv-body[data-section="follow-up"]');
            if (!body) {
                return null;
            }
            const items = Array.from(body.querySelectorAll(':scope > ul > li, :scope > ol > li'));
            return { items: items.length, split: body.querySelectorAll('.fu-item').length };
        });
        if (!shape || shape.items === 0) {
            problems.push(`${rel}: no follow-up questions`);
        } else if (shape.split !== shape.items) {
            problems.push(`${rel}: ${shape.items - shape.split} of ${shape.items} follow-ups are not "- **Question?** Answer"`);
        }
    }
    await context.close();
    assert.deepEqual(problems, []);
});

test('progress counts the questions of SUMMARY, per level, with ticks on the overview pages', async () => {
    const context = await newContext();
    const levels = await bookLevels(context);
    const expected = summaryQuestions(levels);
    const page = await open(context, CHAPTER);
    const p = await page.evaluate(() => window.bookReader.progress());
    assert.equal(p.total, expected.length, 'every question counts, sub-pages do not');
    assert.equal(p.written, expected.filter(q => q.written).length);
    for (const l of p.levels) {
        assert.equal(l.total, expected.filter(q => q.letter === l.letter).length, `level ${l.letter}`);
    }
    // J01's measured-costs page is not a question: no practised button there.
    const costs = await open(context, 'junior/j01-costs.html');
    assert.equal(await costs.locator('.practised-button').count(), 0);
    await costs.close();

    await page.click('.chapter-meta .practised-button');
    await page.click('#reader-progress-toggle');
    const count = await page.textContent('#reader-progress-count');
    assert.ok(count.startsWith(`1 of ${expected.length} questions practised`), count);
    const rows = await page.$$eval('#reader-progress-levels li', lis => lis.map(li => [li.dataset.level, li.textContent]));
    const letter = CHAPTER.split('/').pop()[0].toUpperCase();
    const own = rows.find(([l]) => l === letter);
    assert.ok(own && own[1].includes(`1 of ${expected.filter(q => q.letter === letter).length}`), JSON.stringify(rows));
    await page.screenshot({ path: path.join(ARTIFACTS, 'progress-popup.png') });

    await page.goto(site.url + 'junior/overview.html');
    const tick = page.locator(`.chapter-list a[href$="${CHAPTER.split('/').pop()}"]`).first();
    assert.equal(await tick.evaluate(a => a.classList.contains('practised')), true);
    assert.equal(await tick.evaluate(a => getComputedStyle(a, '::after').content), '"✓"');
    assert.equal(await page.locator('.chapter-list a.practised').count(), 1);
    await context.close();
});

test('phone toolbar: every button has an accessible name; no chapter numbers in the sidebar', async () => {
    const context = await newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await open(context, CHAPTER);
    const unnamed = await page.$$eval('#mdbook-menu-bar button, #mdbook-menu-bar a', els => els
        .filter(e => e.offsetParent !== null)
        .filter(e => !(e.getAttribute('aria-label') || e.getAttribute('title') || e.textContent.trim()))
        .map(e => e.outerHTML.slice(0, 80)));
    assert.deepEqual(unnamed, []);
    assert.equal(await page.getAttribute('#reader-interview-toggle', 'aria-label'), 'Interview mode');
    assert.equal(await page.getAttribute('#reader-progress-toggle', 'aria-label'), 'Progress');
    await page.screenshot({ path: path.join(ARTIFACTS, 'phone-toolbar.png'), clip: { x: 0, y: 0, width: 390, height: 120 } });
    const numbered = await page.$$eval('#mdbook-sidebar .chapter-link-wrapper', ws => ws
        .map(w => w.textContent.trim()).filter(t => /^\d+(\.\d+)*\.\s/.test(t)));
    assert.deepEqual(numbered, [], 'written and unwritten entries alike show no section number');
    await context.close();
});

test('the introduction says which parts are written, as SUMMARY does', async () => {
    const context = await newContext();
    const levels = await bookLevels(context);
    const expected = summaryQuestions(levels);
    const page = await open(context, 'introduction.html');
    const text = await page.textContent('main');
    const m = /(\d+) of the book’s (\d+) questions are written/.exec(text.replace(/'/g, '’'));
    assert.ok(m, 'the introduction states how much is written');
    assert.equal(Number(m[1]), expected.filter(q => q.written).length);
    assert.equal(Number(m[2]), expected.length);
    await context.close();
});

test('labels: each behaviour class has its own mark, and no failure class is marked with a tick', async () => {
    const context = await newContext();
    const page = await open(context, CHAPTER);
    const marks = await page.$$eval('.behaviour-badge', bs => bs.map(b => ({
        kind: b.dataset.behaviour, mark: getComputedStyle(b, '::before').content, text: b.textContent,
    })));
    const byKind = new Map(marks.map(m => [m.kind, m.mark]));
    assert.ok(byKind.size >= 4, [...byKind.keys()].join(', '));
    assert.equal(new Set(byKind.values()).size, byKind.size, JSON.stringify([...byKind]));
    for (const m of marks) {
        assert.ok(m.mark && m.mark !== 'none', `${m.kind} has a mark`);
        if (m.kind !== 'output' && m.kind !== 'invariant') {
            assert.ok(!/[✔✓]/.test(m.mark), `${m.kind}: ${m.mark}`);
        }
    }
    await page.evaluate(() => document.querySelector('.listing-behaviour.behaviour-deadlock').scrollIntoView());
    await page.screenshot({ path: path.join(ARTIFACTS, 'label-deadlock.png') });
    await context.close();
});
