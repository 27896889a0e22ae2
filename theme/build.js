#!/usr/bin/env node
// Builds the JavaScript the book's pages load from theme/ (mdBook 0.5.4 picks these names up as theme overrides or,
// for reader.js, through book.toml's additional-js), keeping a chapter page under 300 KB before fonts:
//
//   theme/highlight.js     mdBook's own Highlight.js 10.1.1 build, only the languages the book's code blocks use
//   theme/book.js          mdBook's own book.js, minified
//   theme/clipboard.min.js theme/src/clipboard.js, minified (a small stand-in for clipboard.js)
//   theme/reader.js        theme/src/reader.js, minified (edit the source, then run this script)
//   theme/reader.css       theme/src/reader.css without comments and indentation
//   theme/puzzles.js       theme/src/puzzles.js, minified (the puzzle scores, in the progress popup of every page)
//   theme/puzzles-play.js  theme/src/puzzles-play.js, minified, and
//   theme/puzzles.css      theme/src/puzzles.css, like reader.css: the "predict it" puzzles, which the preprocessor
//                          puts inline into the pages that have puzzles only
//   theme/listings.css     theme/src/listings.css, the same way
//   theme/print.js         theme/src/print.js, minified (the print page's table of contents)
//   theme/print.css        theme/src/print.css, like reader.css
//   theme/toc.js.hbs       mdBook's own toc.js template (the sidebar, on every page), its script minified
//   theme/css/chrome.css, theme/css/general.css, theme/css/variables.css
//                          mdBook's own style sheets of the same names without comments and indentation
//
//   node theme/build.js [--check]
//
// mdBook's files come from its crate in Cargo's registry (present once `cargo install mdbook --version 0.5.4` has
// run). Terser comes from tests/browser (npm ci there). With --check nothing is written: the script fails if a
// committed file differs from what it would build (tests/browser/run.sh runs it that way).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const os = require('node:os');
const { minify } = require(path.join(__dirname, '../tests/browser/node_modules/terser'));

const MDBOOK = 'mdbook-html-0.5.4';
// rust, go; console → shell (which embeds bash); text → plaintext; toml → ini.
const LANGUAGES = ['rust', 'go', 'bash', 'shell', 'plaintext', 'ini'];

function mdbookFile(rel) {
    const registry = path.join(process.env.CARGO_HOME || path.join(os.homedir(), '.cargo'), 'registry', 'src');
    for (const index of fs.existsSync(registry) ? fs.readdirSync(registry) : []) {
        const file = path.join(registry, index, MDBOOK, 'front-end', rel);
        if (fs.existsSync(file)) {
            return fs.readFileSync(file, 'utf8');
        }
    }
    throw new Error(`${MDBOOK} not found under ${registry} (run: cargo install mdbook --locked --version 0.5.4)`);
}

function trimHighlight(text) {
    const lines = text.split('\n');
    const first = lines.findIndex(l => l.startsWith('hljs.registerLanguage('));
    if (first < 0 || !/Highlight\.js 10\.1\.1/.test(text)) {
        throw new Error('not mdBook\'s Highlight.js 10.1.1 build (one registerLanguage call per line)');
    }
    const found = new Set();
    const kept = lines.slice(first).filter(line => {
        const m = /^hljs\.registerLanguage\("([\w-]+)"/.exec(line);
        if (m && LANGUAGES.includes(m[1])) {
            found.add(m[1]);
            return true;
        }
        return false;
    });
    const missing = LANGUAGES.filter(l => !found.has(l));
    if (missing.length) {
        throw new Error(`highlight.js has no language ${missing.join(', ')}`);
    }
    return `/* Built by theme/build.js from ${MDBOOK}'s highlight.js: languages ${LANGUAGES.join(', ')}. */\n`
        + lines.slice(0, first).join('\n') + '\n' + kept.join('\n') + '\n';
}

/** Comments and layout whitespace out of a style sheet; strings (`content: " on"`) and selectors are kept. */
function compactCss(source, origin) {
    let out = '';
    for (let i = 0; i < source.length;) {
        const c = source[i];
        if (c === '/' && source[i + 1] === '*') {
            const end = source.indexOf('*/', i + 2);
            if (end < 0) {
                throw new Error(`${origin}: unterminated comment`);
            }
            i = end + 2;
        } else if (c === '"' || c === "'") {
            let j = i + 1;
            while (j < source.length && source[j] !== c) {
                j += source[j] === '\\' ? 2 : 1;
            }
            out += source.slice(i, j + 1);
            i = j + 1;
        } else if (/\s/.test(c)) {
            while (i < source.length && /\s/.test(source[i])) {
                i++;
            }
            out += ' ';
        } else {
            out += c;
            i++;
        }
    }
    out = out.replace(/ +/g, ' ').replace(/ ?([{};]) ?/g, '$1').replace(/;}/g, '}').trim();
    return `/* Built by theme/build.js from ${origin}. */\n${out}\n`;
}

/** mdBook's toc.js.hbs with its two scripts minified; the template's three Handlebars tags stay as they are. */
async function minifiedTocTemplate(source, origin) {
    const TOC = "'{{#toc}}{{/toc}}'";
    const IF = '{{#if sidebar_header_nav}}';
    const END = '{{/if}}';
    const tags = [TOC, IF, END].map(tag => source.split(tag).length - 1);
    if (tags.join() !== '1,1,1' || (source.match(/\{\{/g) || []).length !== 4) {
        throw new Error(`${origin}: expected exactly the tags ${TOC}, ${IF} and ${END}`);
    }
    const [sidebar, rest] = source.split(IF);
    const [headerNav, tail] = rest.split(END);
    if (tail.trim() !== '') {
        throw new Error(`${origin}: script after ${END}`);
    }
    const PLACEHOLDER = 'MDBOOK_TOC_PLACEHOLDER';
    const opts = { compress: true, mangle: true, format: { comments: false } };
    const first = (await minify(sidebar.replace(TOC, `'${PLACEHOLDER}'`), opts)).code;
    const quoted = new RegExp(`(["'\`])${PLACEHOLDER}\\1`);
    if (!quoted.test(first)) {
        throw new Error(`${origin}: the table of contents' place did not survive minification`);
    }
    const second = (await minify(headerNav, opts)).code;
    if (/\{\{/.test(first.replace(quoted, '') + second)) {
        throw new Error(`${origin}: the minified script has "{{", which Handlebars would read as a tag`);
    }
    return `{{!-- Built by theme/build.js from ${origin} (minified). --}}\n${first.replace(quoted, TOC)}\n`
        + `${IF}\n${second}\n${END}\n`;
}

async function minified(source, origin) {
    const out = await minify(source, { compress: true, mangle: true, format: { comments: false } });
    return `/* Built by theme/build.js from ${origin} (minified). */\n${out.code}\n`;
}

(async () => {
    const check = process.argv.includes('--check');
    const own = rel => fs.readFileSync(path.join(__dirname, rel), 'utf8');
    const outputs = {
        'highlight.js': trimHighlight(mdbookFile('js/highlight.js')),
        'book.js': await minified(mdbookFile('js/book.js'), `${MDBOOK}'s book.js`),
        'clipboard.min.js': await minified(own('src/clipboard.js'), 'theme/src/clipboard.js'),
        'reader.js': await minified(own('src/reader.js'), 'theme/src/reader.js'),
        'reader.css': compactCss(own('src/reader.css'), 'theme/src/reader.css'),
        'puzzles.js': await minified(own('src/puzzles.js'), 'theme/src/puzzles.js'),
        'puzzles-play.js': await minified(own('src/puzzles-play.js'), 'theme/src/puzzles-play.js'),
        'puzzles.css': compactCss(own('src/puzzles.css'), 'theme/src/puzzles.css'),
        'listings.css': compactCss(own('src/listings.css'), 'theme/src/listings.css'),
        'print.js': await minified(own('src/print.js'), 'theme/src/print.js'),
        'print.css': compactCss(own('src/print.css'), 'theme/src/print.css'),
        'toc.js.hbs': await minifiedTocTemplate(mdbookFile('templates/toc.js.hbs'), `${MDBOOK}'s toc.js.hbs`),
        ...Object.fromEntries(['chrome', 'general', 'variables'].map(name => [`css/${name}.css`,
            compactCss(mdbookFile(`css/${name}.css`), `${MDBOOK}'s css/${name}.css`)])),
    };
    const stale = [];
    for (const [name, text] of Object.entries(outputs)) {
        const dest = path.join(__dirname, name);
        const current = fs.existsSync(dest) ? fs.readFileSync(dest, 'utf8') : null;
        if (check) {
            if (current !== text) {
                stale.push(`theme/${name}`);
            }
        } else {
            fs.mkdirSync(path.dirname(dest), { recursive: true });
            fs.writeFileSync(dest, text);
            console.log(`theme/${name}: ${text.length} bytes`);
        }
    }
    if (stale.length) {
        console.error(`${stale.join(', ')}: out of date with their sources; run: node theme/build.js`);
        process.exit(1);
    }
})().catch(e => {
    console.error(`theme/build.js: ${e.message}`);
    process.exit(1);
});
