// Checks of the PDF edition (book/book.pdf, made by build.sh), against the book's own sources: SUMMARY.md for the
// chapter titles and the built print page (book/print.html) for the listings and their labels. A few pages are
// rendered to tests/artifacts/pdf/ for a human to look at.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { pageTexts, normalize, chapterPages, TITLE } = require('./text.js');

const ROOT = path.resolve(__dirname, '../..');
const BOOK = path.resolve(process.env.BOOK_DIR || path.join(ROOT, 'book'));
const PDF = path.join(BOOK, 'book.pdf');
const ARTIFACTS = path.resolve(process.env.ARTIFACTS || path.join(ROOT, 'tests/artifacts'), 'pdf');

const texts = pageTexts(PDF);
// The whole text without the running header and page numbers, so that a line continued on the next page reads on.
const all = normalize(texts.map((t, i) => t.split('\n')
    .filter(l => l.trim() !== TITLE && l.trim() !== `${i + 1} / ${texts.length}`).join('\n')).join('\n'));
const info = execFileSync('pdfinfo', [PDF], { encoding: 'utf8' });
const html = fs.readFileSync(path.join(BOOK, 'print.html'), 'utf8');

/** The chapters with a page, in SUMMARY order, with their titles as the reader sees them (inline Markdown removed). */
const chapters = fs.readFileSync(path.join(ROOT, 'src/SUMMARY.md'), 'utf8').split('\n')
    .map(line => line.match(/^\s*(?:- )?\[(.+)\]\((\S+\.md)\)\s*$/))
    .filter(Boolean)
    .map(([, title, file]) => ({ file, title: title.replace(/`/g, '').replace(/\*\*?|__?/g, '') }));

const decode = s => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    .replace(/&#x27;/g, "'").replace(/&amp;/g, '&');
const plain = s => decode(s.replace(/<[^>]+>/g, ''));

test('the page count is sane for the number of chapters, on A4 pages', () => {
    const pages = Number(info.match(/^Pages:\s+(\d+)/m)[1]);
    assert.equal(pages, texts.length);
    assert.ok(chapters.length >= 40, `only ${chapters.length} chapters in SUMMARY.md`);
    // Today about 7.5 pages a chapter (400 pages for 54): far fewer means lost content or tiny type, far more a
    // broken layout.
    assert.ok(pages >= 4 * chapters.length && pages <= 20 * chapters.length,
        `${pages} pages for ${chapters.length} chapters`);
    assert.match(info, /^Page size:\s+59[56]\.\d+ x 84[12]\.\d+ pts \(A4\)/m);
});

test('every chapter title of SUMMARY.md opens a page of its own, in order', () => {
    const starts = chapterPages(texts, chapters.map(c => c.title));
    assert.equal(starts.length, chapters.length);
    assert.ok(starts.every((p, i) => i === 0 || p > starts[i - 1]));
});

test('the contents come first and give each chapter the page it starts on', () => {
    const first = normalize(texts[0]);
    assert.ok(first.startsWith(normalize(TITLE) + normalize('Contents')), `page 1: ${texts[0].slice(0, 120)}`);
    const starts = chapterPages(texts, chapters.map(c => c.title));
    // The contents pages without their running header and page number.
    const toc = texts.slice(0, starts[0] - 1).map((t, i) => normalize(t).slice(normalize(TITLE).length)
        .slice(0, -`${i + 1}/${texts.length}`.length)).join('');
    chapters.forEach((c, i) => {
        const at = toc.indexOf(normalize(c.title));
        assert.ok(at >= 0, `${c.title} is not in the contents`);
        const page = toc.slice(at + normalize(c.title).length).match(/^\d+/);
        assert.equal(Number(page && page[0]), starts[i], `contents entry for ${c.title}`);
    });
});

test('every page has its running header and its page number', () => {
    const bad = texts.map((t, i) => [i + 1, t.split('\n').map(l => l.trim())])
        .filter(([n, lines]) => !lines.includes(TITLE) || !lines.includes(`${n} / ${texts.length}`));
    assert.deepEqual(bad.map(([n]) => n), []);
});

test('listings are whole: every line mdBook hides on screen is printed', () => {
    const boring = [...new Set([...html.matchAll(/<span class="boring">([^<]*)<\/span>/g)]
        .map(m => decode(m[1]).trim()).filter(l => l.length >= 12))];
    assert.ok(boring.length > 500, `only ${boring.length} hidden lines found in print.html`);
    const missing = boring.filter(l => !all.includes(normalize(l)));
    assert.deepEqual(missing.slice(0, 10), [], `${missing.length} of ${boring.length} hidden lines are not in the PDF`);
});

test('every verified-behaviour label is printed', () => {
    // Compared line by line: the print CSS adds words of its own between a label's lines (the "Output" caption of
    // a text block, the class mark), which the HTML does not contain.
    const labels = [...html.matchAll(/<div class="listing-behaviour[^"]*"[^>]*>([\s\S]*?)<\/div>/g)]
        .map(m => plain(m[1]).split('\n').map(normalize).filter(l => l.length > 0));
    assert.ok(labels.length > 100, `only ${labels.length} labels in print.html`);
    const shown = ls => ls.join(' / ');
    const missing = labels.filter(ls => !ls.every(l => all.includes(l)));
    assert.deepEqual(missing.slice(0, 5).map(shown), [], `${missing.length} of ${labels.length} labels are not in the PDF`);
    // A label is read in one piece: never split over two pages.
    const pages = texts.map(normalize);
    const split = labels.filter(ls => !pages.some(p => ls.every(l => p.includes(l))));
    assert.deepEqual(split.slice(0, 5).map(shown), [], `${split.length} of ${labels.length} labels are split over two pages`);
});

test('pages rendered for review in tests/artifacts/pdf/', () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const starts = chapterPages(texts, chapters.map(c => c.title));
    const j05 = starts[chapters.findIndex(c => c.file.includes('j05-'))];
    const pick = { contents: 1, 'j05-first': j05, 'j05-listing': j05 + 1, 'j05-label': j05 + 2, last: texts.length };
    for (const [name, page] of Object.entries(pick)) {
        execFileSync('pdftoppm', ['-f', String(page), '-l', String(page), '-r', '80', '-png', '-singlefile', PDF,
            path.join(ARTIFACTS, name)]);
        assert.ok(fs.statSync(path.join(ARTIFACTS, `${name}.png`)).size > 10_000, `${name}.png is blank`);
    }
});
