// Text of a PDF, page by page, through poppler's pdftotext; and the normalisation used to compare it with HTML text.
'use strict';
const { execFileSync } = require('node:child_process');

/** One string per page (pdftotext separates pages with a form feed), in
 * reading order line by line (-layout), so that a wrapped code line and a table row stay together. */
function pageTexts(pdf) {
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'],
        { encoding: 'utf8', maxBuffer: 1 << 28 });
    const pages = text.split('\f');
    if (pages.length && pages[pages.length - 1].trim() === '') {
        pages.pop();
    }
    return pages;
}

/** Compatibility forms folded (ligatures), whitespace and hyphens removed, case folded: the PDF wraps lines where
 * the HTML did not (and pdftotext joins a word broken at its hyphen), and CSS upper-cases some labels. */
const normalize = s => s.normalize('NFKC').replace(/[\s\u00ad\u2010\u2011-]+/g, '').toLowerCase();

/** The running header of every page of the PDF edition (pdf.js). */
const TITLE = 'Go Concurrency Interview Questions, Answered in Rust';

/** The 1-based page on which each chapter starts: the first page, after the previous chapter's, that opens with
 * the chapter's heading (pages begin with the running header, which is skipped). */
function chapterPages(texts, headings) {
    const header = normalize(TITLE);
    const found = [];
    let from = 0;
    for (const heading of headings) {
        const want = normalize(heading);
        let at = -1;
        for (let p = from; p < texts.length; p++) {
            let text = normalize(texts[p]);
            if (text.startsWith(header)) {
                text = text.slice(header.length);
            }
            if (text.startsWith(want)) {
                at = p;
                break;
            }
        }
        if (at < 0) {
            throw new Error(`no page starts with the chapter heading "${heading}" (after page ${from})`);
        }
        found.push(at + 1);
        from = at + 1;
    }
    return found;
}

module.exports = { pageTexts, normalize, chapterPages, TITLE };
