#!/usr/bin/env node
// Repairs the search index mdBook 0.5.4 writes (searchindex-<hash>.js in the built book). Run it right after every
// `mdbook build`:
//
//   node theme/searchindex.js <book-dir>
//
// mdBook indexes each section in three fields: title, body and breadcrumbs ("Mid questions » M01: … » Pitfalls").
// Its index library, elasticlunr-rs 3.0.2, counts tokens in one map for the whole document in `Index::add_doc` and
// never clears it between fields: the body field also lists the title's words, and the breadcrumbs field lists every
// title and body word again. That doubles the index (and makes a body word score as a breadcrumb). This script
// rebuilds the three fields and their lengths from each document's own stored text with the book's shipped
// elasticlunr.js, with mdBook's tokenizer and the index's own pipeline (trimmer, stop words, stemmer), so search
// finds the same pages through the same words. The stored documents stay whole: the result teaser picks the window
// around the searched word from anywhere in the body. Term weights are rounded to four significant digits.
//
// The title field was never affected by the bug: the script rebuilds it too and fails unless it comes out identical
// to mdBook's, which proves the tokenizer and pipeline here are the ones mdBook used.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const assert = require('node:assert/strict');

const FIELDS = ['title', 'body', 'breadcrumbs'];
// mdbook-html 0.5.4, src/html_handlebars/search.rs `tokenize`: split at Rust's `char::is_whitespace` (Unicode
// White_Space) and '-', lower-case, drop words longer than 80 bytes.
const SPLIT = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000-]/;
const MAX_WORD_BYTES = 80;

function tokenize(text) {
    if (text === null || text === undefined) {
        return [];
    }
    return String(text).split(SPLIT).filter(s => s.length > 0).map(s => s.toLowerCase())
        .filter(s => Buffer.byteLength(s, 'utf8') <= MAX_WORD_BYTES);
}

function only(dir, pattern, what) {
    const found = fs.readdirSync(dir).filter(f => pattern.test(f));
    if (found.length !== 1) {
        throw new Error(`${dir}: expected one ${what}, found ${found.length} (${found.join(', ') || 'none'})`);
    }
    return path.join(dir, found[0]);
}

function repair(book) {
    const indexFile = only(book, /^searchindex(-[0-9a-f]+)?\.js$/, 'searchindex-*.js');
    const lunrFile = only(book, /^elasticlunr(-[0-9a-f]+)?\.min\.js$/, 'elasticlunr-*.min.js');
    const before = fs.statSync(indexFile).size;

    // The files are scripts for the browser: run them in a sandbox with the globals they expect.
    const sandbox = { window: { search: {} }, console };
    vm.createContext(sandbox);
    vm.runInContext(fs.readFileSync(lunrFile, 'utf8'), sandbox, { filename: lunrFile });
    const lunr = sandbox.window.elasticlunr || sandbox.elasticlunr;
    if (!lunr || typeof lunr.Index !== 'function') {
        throw new Error(`${lunrFile}: did not define elasticlunr`);
    }
    vm.runInContext(fs.readFileSync(indexFile, 'utf8'), sandbox, { filename: indexFile });
    const search = sandbox.window.search;
    const old = search && search.index;
    if (!old || old.version === undefined || !old.documentStore || !old.index) {
        throw new Error(`${indexFile}: not an mdBook search index`);
    }
    if (old.ref !== 'id' || JSON.stringify(old.fields) !== JSON.stringify(FIELDS)) {
        throw new Error(`${indexFile}: unexpected fields ${JSON.stringify(old.fields)} (ref ${old.ref})`);
    }
    if (old.repairedBy) {
        return { file: indexFile, before, after: before, already: true };
    }

    const fresh = new lunr.Index();
    fresh.setRef('id');
    FIELDS.forEach(f => fresh.addField(f));
    fresh.pipeline = lunr.Pipeline.load(old.pipeline);
    fresh.saveDocument(false);
    const lunrTokenizer = lunr.tokenizer;
    lunr.tokenizer = tokenize;
    try {
        const docs = old.documentStore.docs;
        const refs = Object.keys(docs).sort((a, b) => Number(a) - Number(b));
        for (const ref of refs) {
            const doc = docs[ref];
            fresh.addDoc({ id: ref, title: doc.title, body: doc.body, breadcrumbs: doc.breadcrumbs }, false);
        }
    } finally {
        lunr.tokenizer = lunrTokenizer;
    }
    const built = fresh.toJSON();

    // Same tokenizer and pipeline as mdBook: the untouched title field must come out the same.
    const plain = v => JSON.parse(JSON.stringify(v));
    try {
        assert.deepStrictEqual(plain(built.index.title), plain(old.index.title));
    } catch (e) {
        throw new Error(`${indexFile}: the rebuilt title field differs from mdBook's, so this script no longer `
            + `tokenizes like mdBook (a new mdBook or elasticlunr?); not repairing.\n${e.message.slice(0, 2000)}`);
    }
    for (const [ref, info] of Object.entries(old.documentStore.docInfo)) {
        if (built.documentStore.docInfo[ref].title !== info.title) {
            throw new Error(`${indexFile}: document ${ref}: title length ${built.documentStore.docInfo[ref].title}`
                + `, mdBook counted ${info.title}`);
        }
    }

    // A term's weight in a document is sqrt(count) at full double precision ("tf":1.4142135623730951); four
    // significant digits rank the same and save a tenth of the file.
    const roundTf = node => {
        for (const [key, child] of Object.entries(node)) {
            if (key === 'docs') {
                Object.values(child).forEach(d => { d.tf = Number(d.tf.toPrecision(4)); });
            } else if (key !== 'df') {
                roundTf(child);
            }
        }
    };
    FIELDS.forEach(f => roundTf(built.index[f].root));

    const index = { ...old, index: built.index,
        documentStore: { ...old.documentStore, docInfo: built.documentStore.docInfo },
        repairedBy: 'theme/searchindex.js' };
    const json = JSON.stringify({ ...search, index });
    // mdBook's own wrapping (search.rs): the JSON inside a '…' string literal.
    const text = `window.search = Object.assign(window.search, JSON.parse('${
        json.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'));`;
    fs.writeFileSync(indexFile, text);
    return { file: indexFile, before, after: Buffer.byteLength(text) };
}

if (require.main === module) {
    const book = process.argv[2];
    if (!book || process.argv.length > 3) {
        console.error('usage: node theme/searchindex.js <book-dir>');
        process.exit(2);
    }
    try {
        const r = repair(path.resolve(book));
        console.log(r.already ? `${r.file}: already repaired (${r.before} bytes)`
            : `${r.file}: search index repaired, ${r.before} -> ${r.after} bytes`);
    } catch (e) {
        console.error(`theme/searchindex.js: ${e.message}`);
        process.exit(1);
    }
}

module.exports = { repair, tokenize };
