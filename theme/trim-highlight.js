#!/usr/bin/env node
// Writes theme/highlight.js: mdBook 0.5.4's own highlight.js build (Highlight.js 10.1.1), keeping only the
// languages this book's code blocks use. mdBook loads theme/highlight.js instead of its 137 KB default build.
//
//   node theme/trim-highlight.js [path/to/mdbook-html-0.5.4/front-end/js/highlight.js]
//
// Without an argument it looks for the file in Cargo's registry (mdBook's crates are there once `cargo install
// mdbook` has run). Re-run it when the book starts using another fence language; the browser test "every code
// block is highlighted and names its language" fails if a language is missing.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const os = require('node:os');

// rust, go; console → shell (which embeds bash); text → plaintext; toml → ini.
const KEEP = ['rust', 'go', 'bash', 'shell', 'plaintext', 'ini'];

function findSource() {
    const registry = path.join(process.env.CARGO_HOME || path.join(os.homedir(), '.cargo'), 'registry', 'src');
    for (const index of fs.existsSync(registry) ? fs.readdirSync(registry) : []) {
        const file = path.join(registry, index, 'mdbook-html-0.5.4', 'front-end', 'js', 'highlight.js');
        if (fs.existsSync(file)) {
            return file;
        }
    }
    throw new Error(`mdbook-html-0.5.4 not found under ${registry}; pass the path to its front-end/js/highlight.js`);
}

const source = process.argv[2] || findSource();
const text = fs.readFileSync(source, 'utf8');
const lines = text.split('\n');
const first = lines.findIndex(l => l.startsWith('hljs.registerLanguage('));
if (first < 0 || !/Highlight\.js 10\.1\.1/.test(text)) {
    throw new Error(`${source}: not mdBook's Highlight.js 10.1.1 build (one registerLanguage call per line)`);
}
const kept = [];
const found = new Set();
for (const line of lines.slice(first)) {
    const m = /^hljs\.registerLanguage\("([\w-]+)"/.exec(line);
    if (m && KEEP.includes(m[1])) {
        kept.push(line);
        found.add(m[1]);
    }
}
const missing = KEEP.filter(l => !found.has(l));
if (missing.length) {
    throw new Error(`${source}: no language ${missing.join(', ')}`);
}
const header = `/* Trimmed by theme/trim-highlight.js from mdBook 0.5.4's highlight.js: languages ${KEEP.join(', ')}. */\n`;
const out = header + lines.slice(0, first).join('\n') + '\n' + kept.join('\n') + '\n';
const dest = path.join(__dirname, 'highlight.js');
fs.writeFileSync(dest, out);
console.log(`${dest}: ${out.length} bytes (was ${text.length})`);
