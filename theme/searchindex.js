#!/usr/bin/env node
// Rebuilds the search index mdBook 0.5.4 writes (searchindex-<hash>.js in the built book). Run it right after every
// `mdbook build`:
//
//   node theme/searchindex.js <book-dir>
//
// mdBook indexes each section (a page's text from one h1–h3 heading to the next) in three fields: title, body and
// breadcrumbs ("J05 · Buffered vs unbuffered channels » Pitfalls"), and stores every section's whole text for the
// result teasers. For this book that was 6.9 MB on 2026-11-30 (820 sections), for three reasons:
//
// - its index library, elasticlunr-rs 3.0.2, never clears its token counts between fields in `Index::add_doc`: the
//   body field also lists the title's words, and the breadcrumbs field lists every title and body word again;
// - the body is all of a section's text: every listing's code (its hidden lines too) and every verified-behaviour
//   label ("Verified in each of 3 runs (each within 10 s): …", 424 of them) is indexed and stored;
// - elasticlunr's JSON is verbose: a trie node per character (`{"docs":{},"df":0}`) and a `{"tf":…}` object per
//   posting.
//
// This script rebuilds the index from the built pages, at the cause:
//
// - The body of a section is its prose, headings, tables and listing captions: code blocks (`pre`), behaviour labels
//   (`div.listing-behaviour`), a caption's run command, benchmark rows and a chapter's level line are left out. A code name the prose
//   mentions (`WaitGroup`, `CancellationToken`, `sync.Once`) is found through the prose.
// - The index is built with the book's shipped elasticlunr.js, mdBook's tokenizer and the index's own pipeline
//   (trimmer, stop words, stemmer), one field at a time, so search finds sections through the words mdBook would
//   have used.
// - The file ships it compactly (terms and postings as strings, section URLs as page + anchor, breadcrumbs that
//   are "page crumbs » title" as that rule) and a few lines of JavaScript in the same file turn it back, when the
//   file loads, into exactly the elasticlunr index and options mdBook's searcher.js reads (`window.search`).
//
// Checks that make it fail loudly rather than index the wrong thing: the sections read from the pages with nothing
// left out must equal mdBook's own (URLs, titles, whole bodies), which proves the HTML reading here is mdBook's; the
// rebuilt title field must equal mdBook's (the tokenizer and pipeline are mdBook's); and the written file, run in a
// sandbox, must give back exactly the index elasticlunr built.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const assert = require('node:assert/strict');

const FIELDS = ['title', 'body', 'breadcrumbs'];
const MARK = 'theme/searchindex.js';
const HEADER = `// Built by ${MARK} from the book's pages (see that script): the compact index and its expansion.`;
// mdbook-html 0.5.4, src/html_handlebars/search.rs `tokenize`: split at Rust's `char::is_whitespace` (Unicode
// White_Space) and '-', lower-case, drop words longer than 80 bytes.
const SPLIT = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000-]/;
const MAX_WORD_BYTES = 80;
// search.rs splits sections at headings up to this level (`heading-split-level`, default 3; book.toml keeps it).
const SPLIT_LEVEL = 3;

function tokenize(text) {
    if (text === null || text === undefined) {
        return [];
    }
    return String(text).split(SPLIT).filter(s => s.length > 0).map(s => s.toLowerCase())
        .filter(s => Buffer.byteLength(s, 'utf8') <= MAX_WORD_BYTES);
}

/**
 * The words a section is found by: mdBook's tokens, and for a token that joins words with punctuation
 * (`sync.WaitGroup`, `tokio_util::sync::CancellationToken`, `Arc<Mutex<T>>`) also its parts of two characters or
 * more, so that "WaitGroup" finds `sync.WaitGroup` while "sync.WaitGroup" still finds it whole.
 */
function searchWords(text) {
    const words = [];
    for (const token of tokenize(text)) {
        words.push(token);
        const parts = token.split(/[^\p{L}\p{N}]+/u).filter(p => p.length >= 2);
        if (parts.length > 1) {
            words.push(...parts);
        }
    }
    return words;
}

/**
 * What the search body leaves out: code, behaviour labels, a caption's run command, benchmark rows and the level
 * line under a chapter's title ("Mid M22 All Mid questions").
 */
function leftOut(name, attrs) {
    const classes = (attrs.class || '').split(/\s+/);
    return name === 'pre'
        || (name === 'div' && ['listing-behaviour', 'bench-row', 'chapter-meta'].some(c => classes.includes(c)))
        || (name === 'code' && classes.includes('listing-run'));
}

// ---------------------------------------------------------------- reading the pages

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track',
    'wbr']);
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text, where) {
    return text.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (m, e) => {
        if (e[0] === '#') {
            return String.fromCodePoint(/^#[xX]/.test(e) ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
        }
        if (!(e in ENTITIES)) {
            throw new Error(`${where}: unknown entity ${m}`);
        }
        return ENTITIES[e];
    });
}

/** The tokens of mdBook's serialized HTML: {open, attrs, isVoid} | {close} | {text}; script and style skipped. */
function* htmlTokens(html, where) {
    const re = /<!--[\s\S]*?-->|<\/([a-zA-Z][\w-]*)\s*>|<([a-zA-Z][\w-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*(\/?)>|[^<]+/y;
    while (re.lastIndex < html.length) {
        const at = re.lastIndex;
        const m = re.exec(html);
        if (!m) {
            throw new Error(`${where}: cannot read the HTML at offset ${at}: ${JSON.stringify(html.slice(at, at + 60))}`);
        }
        if (m[0].startsWith('<!--')) {
            continue;
        }
        if (m[1]) {
            yield { close: m[1].toLowerCase() };
        } else if (m[2]) {
            const name = m[2].toLowerCase();
            if (name === 'script' || name === 'style') {
                // search.rs skips these elements whole, and so does the browser's HTML parser: raw text to `</name`.
                const end = html.toLowerCase().indexOf(`</${name}`, re.lastIndex);
                if (end < 0) {
                    throw new Error(`${where}: <${name}> is never closed`);
                }
                re.lastIndex = html.indexOf('>', end) + 1;
                continue;
            }
            const attrs = {};
            for (const a of m[3].matchAll(/([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g)) {
                attrs[a[1].toLowerCase()] = decodeEntities(a[2] ?? a[3] ?? a[4] ?? '', where);
            }
            yield { open: name, attrs, isVoid: VOID.has(name) || m[4] === '/' };
        } else {
            yield { text: decodeEntities(m[0], where) };
        }
    }
}

/**
 * The search sections of one built page, read the way mdBook 0.5.4's search.rs `index_chapter` reads the chapter:
 * a section starts at every h1–h3 with an id, an opening tag adds a space, text is appended; elements for which
 * `skip(name, attrs)` holds are left out with everything inside them.
 */
function pageSections(html, where, skip = () => false) {
    const start = html.indexOf('<main>');
    const end = html.lastIndexOf('</main>');
    if (start < 0 || end < start) {
        throw new Error(`${where}: no <main> element`);
    }
    const level = name => (/^h[1-6]$/.test(name) ? Number(name[1]) : 0);
    const sections = [];
    const stack = [];
    let id = '';
    let heading = '';
    let body = '';
    let inHeading = false;
    let skipping = 0; // the stack depth of the element being left out, 0 when none
    for (const t of htmlTokens(html.slice(start + '<main>'.length, end), where)) {
        if (t.open) {
            const lvl = level(t.open);
            if (skipping) {
                // inside a left-out element
            } else if (lvl && lvl <= SPLIT_LEVEL && t.attrs.id !== undefined) {
                if (heading !== '') {
                    sections.push({ id, title: heading, body });
                    heading = '';
                    body = '';
                }
                id = t.attrs.id;
                inHeading = true;
            } else if (skip(t.open, t.attrs)) {
                if (!t.isVoid) {
                    skipping = stack.length + 1;
                }
            } else if (inHeading) {
                heading += ' ';
            } else {
                body += ' ';
            }
            if (!t.isVoid) {
                stack.push(t.open);
            }
        } else if (t.close) {
            const open = stack.pop();
            if (open !== t.close) {
                throw new Error(`${where}: </${t.close}> closes <${open}>`);
            }
            if (skipping && stack.length < skipping) {
                skipping = 0;
            } else if (!skipping && level(t.close) && level(t.close) <= SPLIT_LEVEL) {
                inHeading = false;
            }
        } else if (!skipping) {
            if (inHeading) {
                heading += t.text;
            } else {
                body += t.text;
            }
        }
    }
    if (body !== '' || heading !== '') {
        sections.push({ id, title: heading, body });
    }
    // search.rs `add_doc`: trimmed, runs of whitespace collapsed to one space.
    const tidy = s => s.trim().replace(/\s\s+/g, ' ');
    return sections.map(s => ({ id: s.id, title: tidy(s.title), body: tidy(s.body) }));
}

// ---------------------------------------------------------------- the compact file

// Runs in the browser when the file loads (and in this script's check): turns the compact form back into the object
// mdBook's searcher.js reads, `{results_options, search_options, doc_urls, index}`, with `index` in elasticlunr's
// serialized form (`elasticlunr.Index.load`). Written for any browser mdBook supports: no syntax newer than ES2015.
function expand(c) {
    var docs = {};
    var docInfo = {};
    var urls = [];
    var index = {};
    var i;
    for (i = 0; i < c.titles.length; i++) {
        var page = c.pages[c.page[i]];
        var crumbs = c.crumbs[i];
        urls.push(c.anchors[i] === '' ? page.url : page.url + '#' + c.anchors[i]);
        docs[i] = { body: c.bodies[i], breadcrumbs: typeof crumbs === 'string' ? crumbs : page.crumbs + ' » '
            + c.titles[i], id: String(i), title: c.titles[i] };
        docInfo[i] = {};
        for (var f = 0; f < c.fields.length; f++) {
            docInfo[i][c.fields[f]] = c.lengths[f][i];
        }
    }
    c.fields.forEach(function (field, f) {
        var root = { docs: {}, df: 0 };
        var terms = c.terms[f].split(' ');
        var postings = c.postings[f].split(';');
        terms.forEach(function (term, t) {
            var node = root;
            for (var k = 0; k < term.length; k++) {
                if (!(term[k] in node)) {
                    node[term[k]] = { docs: {}, df: 0 };
                }
                node = node[term[k]];
            }
            var ref = 0;
            postings[t].split(',').forEach(function (p) {
                var parts = p.split(':');
                ref += parseInt(parts[0], 36);
                node.docs[ref] = { tf: Math.sqrt(parts.length > 1 ? parseInt(parts[1], 36) : 1) };
                node.df += 1;
            });
        });
        index[field] = { root: root };
    });
    return {
        results_options: c.results_options,
        search_options: c.search_options,
        doc_urls: urls,
        index: { version: c.version, fields: c.fields, ref: 'id', pipeline: c.pipeline, lang: c.lang,
            documentStore: { save: true, docs: docs, docInfo: docInfo, length: c.titles.length },
            index: index, repairedBy: c.repairedBy },
    };
}

/**
 * The compact form (see expand) of the sections and their index: `postings[f]` maps each term of field `f` to its
 * sections, as [section number, count of the term in that field of the section] in increasing section number;
 * `lengths[f][i]` is the number of terms of field `f` in section `i`.
 */
function compact(search, sections, postings, lengths) {
    const pages = [];
    const pageOf = new Map();
    const c = { version: search.index.version, fields: FIELDS, pipeline: search.index.pipeline, lang: search.index.lang,
        repairedBy: MARK, results_options: search.results_options, search_options: search.search_options,
        pages, page: [], anchors: [], titles: [], crumbs: [], bodies: [], lengths, terms: [], postings: [] };
    for (const s of sections) {
        if (!pageOf.has(s.page)) {
            pageOf.set(s.page, pages.length);
            // A page's crumbs: what precedes " » <title>" in its first section's breadcrumbs.
            const suffix = ` » ${s.title}`;
            pages.push({ url: s.page, crumbs: s.breadcrumbs.endsWith(suffix)
                ? s.breadcrumbs.slice(0, -suffix.length) : s.breadcrumbs });
        }
        const page = pages[pageOf.get(s.page)];
        c.page.push(pageOf.get(s.page));
        c.anchors.push(s.id);
        c.titles.push(s.title);
        c.crumbs.push(s.breadcrumbs === `${page.crumbs} » ${s.title}` ? 0 : s.breadcrumbs);
        c.bodies.push(s.body);
    }
    FIELDS.forEach((field, f) => {
        const terms = [...postings[f].keys()].sort();
        if (terms.some(t => t === '' || /\s/.test(t))) {
            throw new Error(`${field}: a term is empty or holds white space`);
        }
        c.terms.push(terms.join(' '));
        c.postings.push(terms.map(term => {
            let last = 0;
            return postings[f].get(term).map(([ref, count]) => {
                const p = (ref - last).toString(36) + (count > 1 ? `:${count.toString(36)}` : '');
                last = ref;
                return p;
            }).join(',');
        }).join(';'));
    });
    return c;
}

/** The postings of an elasticlunr trie (`{root}`), in the form compact() takes them. */
function trieTerms(trie) {
    const postings = new Map();
    const walk = (node, term) => {
        if (node.df > 0) {
            postings.set(term, Object.keys(node.docs).map(Number).sort((a, b) => a - b).map(ref => {
                const n = Math.round(node.docs[ref].tf ** 2);
                assert.equal(node.docs[ref].tf, Math.sqrt(n), `${term}: tf is not the square root of a count`);
                return [ref, n];
            }));
            assert.equal(node.df, postings.get(term).length, `${term}: df is not the number of sections`);
        }
        for (const key of Object.keys(node)) {
            if (key !== 'docs' && key !== 'df') {
                walk(node[key], term + key);
            }
        }
    };
    walk(trie.root, '');
    return postings;
}

function fileText(c) {
    // mdBook's own wrapping (search.rs): the JSON inside a '…' string literal, so that '"' needs no escape.
    const json = JSON.stringify(c).replace(/\\/g, '\\\\').replace(/'/g, "\\'");
    return `${HEADER}\nwindow.search = Object.assign(window.search, (${expand.toString()})(JSON.parse('${json}')));\n`;
}

// ---------------------------------------------------------------- the step

function only(dir, pattern, what) {
    const found = fs.readdirSync(dir).filter(f => pattern.test(f));
    if (found.length !== 1) {
        throw new Error(`${dir}: expected one ${what}, found ${found.length} (${found.join(', ') || 'none'})`);
    }
    return path.join(dir, found[0]);
}

/** Runs a search index file as the browser would and returns window.search. */
function loadIndexFile(file) {
    const sandbox = { window: { search: {} } };
    vm.runInNewContext(fs.readFileSync(file, 'utf8'), sandbox, { filename: file });
    return sandbox.window.search;
}

function rebuild(book) {
    const indexFile = only(book, /^searchindex(-[0-9a-f]+)?\.js$/, 'searchindex-*.js');
    const lunrFile = only(book, /^elasticlunr(-[0-9a-f]+)?\.min\.js$/, 'elasticlunr-*.min.js');
    const before = fs.statSync(indexFile).size;

    if (fs.readFileSync(indexFile, 'utf8').startsWith(HEADER)) {
        return { file: indexFile, before, after: before, already: true };
    }
    const search = loadIndexFile(indexFile);
    const old = search && search.index;
    if (!old || old.version === undefined || !old.documentStore || !old.index) {
        throw new Error(`${indexFile}: not an mdBook search index`);
    }
    if (old.ref !== 'id' || JSON.stringify(old.fields) !== JSON.stringify(FIELDS)) {
        throw new Error(`${indexFile}: unexpected fields ${JSON.stringify(old.fields)} (ref ${old.ref})`);
    }

    // The sections, read from the pages: whole (must be mdBook's) and with code and labels left out (indexed).
    const sections = [];
    const pages = [...new Set(search.doc_urls.map(u => u.split('#')[0]))];
    for (const page of pages) {
        const html = fs.readFileSync(path.join(book, page), 'utf8');
        const whole = pageSections(html, page);
        const prose = pageSections(html, page, leftOut);
        assert.equal(prose.length, whole.length, `${page}: a heading inside a left-out element`);
        whole.forEach((w, k) => sections.push({ page, id: w.id, title: w.title, whole: w.body,
            body: prose[k].body }));
    }
    const docs = old.documentStore.docs;
    const mismatch = (i, what, mine, theirs) => new Error(`${indexFile}: section ${i} (${search.doc_urls[i]}): `
        + `the ${what} read from the page differs from mdBook's, so this script no longer reads pages like `
        + `mdBook 0.5.4's search.rs (a new mdBook?); not rebuilding.\n  here:   ${JSON.stringify(mine.slice(0, 300))}`
        + `\n  mdBook: ${JSON.stringify(String(theirs).slice(0, 300))}`);
    if (sections.length !== search.doc_urls.length) {
        throw new Error(`${indexFile}: ${sections.length} sections in the pages, mdBook indexed `
            + `${search.doc_urls.length}; not rebuilding`);
    }
    sections.forEach((s, i) => {
        const url = s.id === '' ? s.page : `${s.page}#${s.id}`;
        if (url !== search.doc_urls[i]) {
            throw mismatch(i, 'URL', url, search.doc_urls[i]);
        }
        if (s.title !== docs[i].title) {
            throw mismatch(i, 'title', s.title, docs[i].title);
        }
        if (s.whole !== docs[i].body) {
            throw mismatch(i, 'body', s.whole, docs[i].body);
        }
        s.breadcrumbs = docs[i].breadcrumbs;
    });

    // The index: each field of each section run through mdBook's tokenizer and the index's pipeline (trimmer, stop
    // words, stemmer) of the book's elasticlunr.js, its terms counted. Counted here rather than by elasticlunr's
    // `Index.addDoc`, which counts in a plain object: the word "constructor" finds Object.prototype's and counts NaN.
    const sandbox = { window: { search: {} }, console };
    vm.createContext(sandbox);
    vm.runInContext(fs.readFileSync(lunrFile, 'utf8'), sandbox, { filename: lunrFile });
    const lunr = sandbox.window.elasticlunr || sandbox.elasticlunr;
    if (!lunr || typeof lunr.Pipeline !== 'function') {
        throw new Error(`${lunrFile}: did not define elasticlunr`);
    }
    const pipeline = lunr.Pipeline.load(old.pipeline);
    const count = words => {
        const postings = FIELDS.map(() => new Map());
        const lengths = FIELDS.map(() => []);
        sections.forEach((s, i) => FIELDS.forEach((field, f) => {
            const terms = pipeline.run(words(s[field]));
            lengths[f].push(terms.length);
            const counts = new Map();
            terms.forEach(t => counts.set(t, (counts.get(t) || 0) + 1));
            for (const [term, n] of counts) {
                if (!postings[f].has(term)) {
                    postings[f].set(term, []);
                }
                postings[f].get(term).push([i, n]);
            }
        }));
        return { postings, lengths };
    };
    // Same tokenizer and pipeline as mdBook: with mdBook's words, the title field (which its bug never touched) and
    // the title lengths come out as mdBook's.
    const mdBooks = count(tokenize);
    try {
        assert.deepStrictEqual(mdBooks.postings[0], trieTerms(old.index.title));
        sections.forEach((s, i) => assert.equal(mdBooks.lengths[0][i], old.documentStore.docInfo[i].title,
            `section ${i}: title length`));
    } catch (e) {
        throw new Error(`${indexFile}: the title field differs from mdBook's, so this script no longer tokenizes like `
            + `mdBook (a new mdBook or elasticlunr?); not rebuilding.\n${e.message.slice(0, 2000)}`);
    }
    const { postings, lengths } = count(searchWords);

    const text = fileText(compact(search, sections, postings, lengths));
    const tmp = `${indexFile}.tmp`;
    fs.writeFileSync(tmp, text);
    const plain = v => JSON.parse(JSON.stringify(v));
    try {
        const back = loadIndexFile(tmp);
        // The file gives back what it encodes, with the options and URLs mdBook wrote.
        FIELDS.forEach((field, f) => assert.deepStrictEqual(trieTerms(back.index.index[field]), postings[f],
            `the ${field} field`));
        sections.forEach((s, i) => {
            assert.deepStrictEqual(plain(back.index.documentStore.docs[i]),
                { body: s.body, breadcrumbs: s.breadcrumbs, id: String(i), title: s.title });
            FIELDS.forEach((field, f) => assert.equal(back.index.documentStore.docInfo[i][field], lengths[f][i]));
        });
        assert.deepStrictEqual(plain(back.doc_urls), plain(search.doc_urls));
        assert.deepStrictEqual(plain(back.results_options), plain(search.results_options));
        assert.deepStrictEqual(plain(back.search_options), plain(search.search_options));
        for (const key of ['version', 'fields', 'ref', 'pipeline', 'lang']) {
            assert.deepStrictEqual(plain(back.index[key]), plain(old[key]), key);
        }
        assert.equal(back.index.documentStore.length, old.documentStore.length);
        assert.equal(back.index.documentStore.save, true);
    } catch (e) {
        fs.unlinkSync(tmp);
        throw new Error(`${indexFile}: ${e.message}`);
    }
    fs.renameSync(tmp, indexFile);
    const sum = key => sections.reduce((n, s) => n + s[key].length, 0);
    return { file: indexFile, before, after: Buffer.byteLength(text), sections: sections.length,
        wholeChars: sum('whole'), proseChars: sum('body') };
}

if (require.main === module) {
    const book = process.argv[2];
    if (!book || process.argv.length > 3) {
        console.error('usage: node theme/searchindex.js <book-dir>');
        process.exit(2);
    }
    try {
        const r = rebuild(path.resolve(book));
        console.log(r.already ? `${r.file}: already rebuilt (${r.before} bytes)`
            : `${r.file}: search index rebuilt, ${r.before} -> ${r.after} bytes (${r.sections} sections, `
                + `${r.proseChars} of their ${r.wholeChars} characters indexed: code and labels left out)`);
    } catch (e) {
        console.error(`theme/searchindex.js: ${e.message}`);
        process.exit(1);
    }
}

module.exports = { rebuild, tokenize, pageSections, leftOut, expand };
