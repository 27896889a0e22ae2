// Browser checks of the "predict it" puzzles (theme/puzzles.js, tools/mdbook-listings/src/puzzle.rs): the practice
// pages played with one puzzle of every behaviour class, the score per level kept and reset, the puzzles of the
// chapters in interview mode, and the practice pages without JavaScript and on a phone. See run.sh.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { serve } = require('./server.js');

const BOOK = path.resolve(process.env.BOOK_DIR || path.join(__dirname, '../../book'));
const ARTIFACTS = path.resolve(process.env.ARTIFACTS || path.join(__dirname, '../artifacts'));
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
// Every behaviour class a puzzle can have for an answer.
const CLASSES = ['output', 'invariant', 'panic', 'fatal', 'deadlock', 'spin', 'leak', 'race', 'vet', 'compile-fail', 'outcomes'];

let site;
let browser;

before(async () => {
    assert.ok(fs.existsSync(path.join(BOOK, 'index.html')), `no built book in ${BOOK}`);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    site = await serve(BOOK);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
});

after(async () => {
    await browser?.close();
    site?.server.close();
});

async function open(context, rel, errors) {
    const page = await context.newPage();
    page.on('pageerror', err => errors.push(`${rel}: ${err.message}`));
    page.on('console', msg => msg.type() === 'error' && errors.push(`${rel}: ${msg.text()}`));
    page.on('dialog', dialog => dialog.accept());
    await page.goto(site.url + rel, { waitUntil: 'load' });
    return page;
}

/** The practice pages, from the sidebar: the entries of the "Practice" part. */
async function practicePages(context) {
    const page = await context.newPage();
    await page.goto(`${site.url}index.html`);
    const hrefs = await page.$$eval('#mdbook-sidebar a[href]', as => as
        .filter(a => /^Practice · /.test(a.textContent.trim())).map(a => new URL(a.href).pathname.replace(/^\//, '')));
    await page.close();
    return [...new Set(hrefs)];
}

/** The questions a page carries (the JSON the preprocessor wrote from the declarations). */
const questionsOf = page => page.$$eval('script.book-puzzles', ss => ss.flatMap(s => JSON.parse(s.textContent)));

/** Plays puzzle `q` on `page` inside `scope` (a selector), choosing the right answers if `right`. */
async function playOne(page, scope, q, right) {
    const box = page.locator(`${scope} .puzzle-play[data-puzzle="${q.id}"]`);
    await box.waitFor();
    const wrong = q.classes.find(c => c.class !== q.answer).class;
    await box.locator(`.puzzle-choice[data-class="${right ? q.answer : wrong}"]`).click();
    if (q.ask && q.details.length) {
        const step2 = box.locator('.puzzle-step2');
        await step2.waitFor({ state: 'visible' });
        assert.equal((await step2.locator('.puzzle-prompt').textContent()).trim(), q.ask);
        await step2.locator(`.puzzle-choice[data-detail="${right ? q.detail : (q.detail + 1) % q.details.length}"]`).click();
    }
    return box;
}

test('practice pages: one puzzle of every class played right, one wrong; the verified label and the chapter appear',
    async () => {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        const errors = [];
        const pages = await practicePages(context);
        assert.ok(pages.length >= 4, `practice pages: ${pages.join(', ')}`);
        const played = new Map();
        for (const rel of pages) {
            const page = await open(context, rel, errors);
            const questions = await questionsOf(page);
            assert.ok(questions.length >= 3, `${rel}: only ${questions.length} puzzles`);
            // The no-JS lists are replaced by buttons, the answers wait hidden.
            assert.equal(await page.locator('section.puzzle .puzzle-classes').first().isVisible(), false);
            assert.equal(await page.locator('.puzzle-answer').first().isVisible(), false);
            for (const q of questions) {
                if (played.has(q.answer)) {
                    continue;
                }
                const box = await playOne(page, 'section.puzzle', q, true);
                assert.match(await box.locator('.puzzle-verdict').textContent(), /^Right/, `${rel}: ${q.id}`);
                const section = page.locator(`section.puzzle[data-puzzle="${q.id}"]`);
                // The answer shown is the verified label of the listing's declared class, and links to its chapter.
                const label = section.locator(`.puzzle-answer .listing-behaviour.behaviour-${q.answer}`);
                assert.ok(await label.isVisible(), `${rel}: ${q.id}: no visible ${q.answer} label`);
                const href = await section.locator('.puzzle-answer a[href*="#listing-"]').getAttribute('href');
                assert.ok(href.endsWith(`#listing-${q.id}`), href);
                assert.ok(fs.existsSync(path.join(BOOK, path.dirname(rel), href.split('#')[0])), href);
                played.set(q.answer, `${rel}: ${q.id}`);
            }
            // One wrong answer per page: marked wrong, the right one shown, the label revealed all the same.
            const left = questions.find(q => !Array.from(played.values()).includes(`${rel}: ${q.id}`));
            if (left) {
                const box = await playOne(page, 'section.puzzle', left, false);
                assert.match(await box.locator('.puzzle-verdict').textContent(), /^(Not quite|Half right)/);
                assert.equal(await box.locator(`.puzzle-choice[data-class="${left.answer}"].puzzle-right`).count(), 1);
                assert.ok(await page.locator(`section.puzzle[data-puzzle="${left.id}"] .puzzle-answer`).isVisible());
            }
            if (rel.includes('junior')) {
                await page.screenshot({ path: path.join(ARTIFACTS, 'puzzles-junior-played.png'), fullPage: true });
            }
            await page.close();
        }
        await context.close();
        assert.deepEqual(CLASSES.filter(c => !played.has(c)), [], `classes played: ${[...played.keys()].join(', ')}`);
        assert.deepEqual(errors, []);
    });

test('scores: kept per level across pages, shown in the progress popup, reset per level and all at once', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const errors = [];
    const page = await open(context, 'practice/junior.html', errors);
    const questions = await questionsOf(page);
    const scoreText = () => page.locator('.puzzle-score-text').textContent();
    assert.match(await scoreText(), new RegExp(`^Score: 0 right of 0 answered; ${questions.length} puzzles`));
    await playOne(page, 'section.puzzle', questions[0], true);
    await playOne(page, 'section.puzzle', questions[1], false);
    // "Show the answer" without choosing counts as not solved.
    await page.locator(`.puzzle-play[data-puzzle="${questions[2].id}"] .puzzle-give-up`).click();
    assert.match(await scoreText(), /^Score: 1 right of 3 answered/);
    // A second answer to a played puzzle does not change the score (only the first counts): reload and replay.
    await page.reload();
    assert.match(await scoreText(), /^Score: 1 right of 3 answered/);
    await playOne(page, 'section.puzzle', questions[1], true);
    assert.match(await scoreText(), /^Score: 1 right of 3 answered/);
    // Another level keeps its own score.
    const mid = await open(context, 'practice/mid.html', errors);
    const midQuestions = await questionsOf(mid);
    await playOne(mid, 'section.puzzle', midQuestions[0], true);
    assert.match(await mid.locator('.puzzle-score-text').textContent(), /^Score: 1 right of 1 answered/);
    // The progress popup lists both levels.
    await mid.click('#reader-progress-toggle');
    const rows = await mid.$$eval('#puzzle-progress-levels li', lis => lis.map(li => li.textContent));
    assert.deepEqual(rows.sort(), ['Junior1 of 3', 'Mid1 of 1']);
    await mid.screenshot({ path: path.join(ARTIFACTS, 'puzzles-progress-popup.png') });
    await mid.close();
    // Reset the Junior score: Mid's stays, the Junior puzzles can be played again.
    await page.reload();
    await page.click('.puzzle-reset');
    assert.match(await scoreText(), /^Score: 0 right of 0 answered/);
    assert.equal(await page.locator('.puzzle-done').count(), 0);
    assert.equal(await page.locator('section.puzzle .puzzle-answer').count(), 0, 'the answers went back into hiding');
    const kept = await page.evaluate(() => window.bookPuzzles.scores());
    assert.deepEqual(Object.values(kept).map(v => v.level), ['mid']);
    await playOne(page, 'section.puzzle', questions[0], true);
    assert.match(await scoreText(), /^Score: 1 right of 1 answered/);
    // "Reset puzzle scores" in the popup clears every level.
    await page.click('#reader-progress-toggle');
    await page.click('#puzzle-clear-scores');
    assert.deepEqual(await page.evaluate(() => window.bookPuzzles.scores()), {});
    assert.equal(await page.evaluate(() => localStorage.getItem('gcq-puzzles')), null);
    await context.close();
    assert.deepEqual(errors, []);
});

test('chapters: in interview mode a puzzle listing hides its label behind the question; outside it, nothing changes',
    async () => {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        const errors = [];
        const rel = 'junior/j06-puzzle-cap1.html';
        const page = await open(context, rel, errors);
        const [q] = (await questionsOf(page)).filter(x => x.id === 'j06-go-cap1-puzzle');
        assert.ok(q, 'J06 carries its puzzle');
        const label = page.locator('.listing-behaviour.puzzle-label').first();
        assert.ok(await label.isVisible(), 'the label shows outside interview mode');
        assert.equal(await page.locator('.puzzle-inline').first().isVisible(), false);
        await page.click('#reader-interview-toggle');
        assert.equal(await label.isVisible(), false, 'interview mode hides the puzzle listing\'s label');
        assert.ok(await page.locator('.puzzle-inline').first().isVisible());
        await page.screenshot({ path: path.join(ARTIFACTS, 'puzzles-j06-interview.png') });
        const box = await playOne(page, 'main', q, true);
        assert.match(await box.locator('.puzzle-verdict').textContent(), /^Right/);
        assert.ok(await label.isVisible(), 'the verified label is revealed');
        assert.match(await label.textContent(), /Verified/);
        assert.equal(await box.locator('a[href="#short-answer"]').count(), 1);
        await page.screenshot({ path: path.join(ARTIFACTS, 'puzzles-j06-interview-revealed.png') });
        // The chapter's answer counts for the level, as on the practice page.
        assert.deepEqual(await page.evaluate(() => window.bookPuzzles.scores()),
            { 'j06-go-cap1-puzzle': { level: 'junior', right: true } });
        // A page without a question keeps its labels in interview mode: "How to read the listings" shows J05's
        // deadlock, a puzzle in J05, as its example of a label.
        const reading = await open(context, 'reading-listings.html', errors);
        assert.equal(await reading.locator('script.book-puzzles').count(), 0);
        assert.ok(await reading.locator('.listing-behaviour.behaviour-deadlock').first().isVisible());
        await context.close();
        assert.deepEqual(errors, []);
    });

test('without JavaScript, on a 390 px phone: a readable list, questions first and answers further down', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    const page = await context.newPage();
    const pages = await (async () => {
        const js = await browser.newContext();
        const list = await practicePages(js);
        await js.close();
        return list;
    })();
    for (const rel of pages) {
        await page.goto(site.url + rel, { waitUntil: 'load' });
        const sections = page.locator('section.puzzle');
        const n = await sections.count();
        assert.ok(n >= 3, `${rel}: ${n} puzzles`);
        for (let i = 0; i < n; i++) {
            const s = sections.nth(i);
            assert.ok(await s.locator('pre code').first().isVisible(), `${rel}: puzzle ${i + 1} has no code`);
            assert.ok((await s.locator('.puzzle-classes li').count()) >= 2, `${rel}: puzzle ${i + 1} has no choices`);
            assert.equal(await s.locator('.listing-behaviour').count(), 0, 'no label next to the question');
        }
        // Every answer comes after every question, and says "Verified".
        const lastQuestion = await sections.nth(n - 1).boundingBox();
        const answers = page.locator('.puzzle-answer');
        assert.equal(await answers.count(), n);
        const firstAnswer = await answers.first().boundingBox();
        assert.ok(firstAnswer.y > lastQuestion.y + lastQuestion.height, `${rel}: answers are not below the questions`);
        assert.match(await answers.first().textContent(), /Verified/);
        const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth,
            document.documentElement.clientWidth]);
        assert.ok(scroll <= client, `${rel}: the page scrolls sideways at 390 px (${scroll} > ${client})`);
        const wide = await page.$$eval('main pre, main li, main p', els => els
            .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
            .map(e => `${e.tagName} ${e.textContent.slice(0, 40)}`));
        assert.deepEqual(wide, [], `${rel}: elements wider than the phone`);
        if (rel.includes('junior')) {
            await page.screenshot({ path: path.join(ARTIFACTS, 'puzzles-junior-nojs-390.png') });
            await page.locator('.puzzle-answer').first().scrollIntoViewIfNeeded();
            await page.screenshot({ path: path.join(ARTIFACTS, 'puzzles-junior-nojs-390-answers.png') });
        }
    }
    await context.close();
});

test('a phone with JavaScript, in the navy theme: the buttons fit at 390 px', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await context.addInitScript(() => localStorage.setItem('mdbook-theme', 'navy'));
    const errors = [];
    const page = await open(context, 'practice/senior.html', errors);
    const [q] = (await questionsOf(page)).filter(x => x.ask);
    assert.ok(q, 'a Senior puzzle with a second question');
    await playOne(page, 'section.puzzle', q, true);
    const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth,
        document.documentElement.clientWidth]);
    assert.ok(scroll <= client, `the page scrolls sideways (${scroll} > ${client})`);
    await page.locator(`section.puzzle[data-puzzle="${q.id}"]`).screenshot({
        path: path.join(ARTIFACTS, 'puzzles-senior-phone-navy-played.png'),
    });
    await context.close();
    assert.deepEqual(errors, []);
});
