// A tiny static file server for the built book, bound to 127.0.0.1 only (no dependencies).
'use strict';
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');

const TYPES = {
    '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
    '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2',
    '.txt': 'text/plain; charset=utf-8', '.ico': 'image/x-icon',
};

/**
 * Serves `root` on 127.0.0.1. Resolves to { server, url, stats }.
 * `options` is a port number (0: any free port) or { port, base, notFoundPage }: `base` is the URL path the book is
 * served under (e.g. '/go-concurrency-rust/'; anything outside it is a 404), and with `notFoundPage` a missing file
 * is answered like GitHub Pages does, with the book's 404.html and status 404.
 */
function serve(root, options = {}) {
    const { port = 0, base = '/', notFoundPage = false } = typeof options === 'number' ? { port: options } : options;
    if (!base.startsWith('/') || !base.endsWith('/')) {
        throw new Error(`base must start and end with "/": ${base}`);
    }
    const stats = { bytes: 0 };
    const notFound = res => {
        const page = path.join(root, '404.html');
        if (notFoundPage && fs.existsSync(page)) {
            const data = fs.readFileSync(page);
            res.writeHead(404, { 'Content-Type': TYPES['.html'], 'Content-Length': data.length }).end(data);
        } else {
            res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
        }
    };
    const server = http.createServer((req, res) => {
        let rel;
        try {
            rel = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
        } catch (e) {
            res.writeHead(400).end();
            return;
        }
        if (`${rel}/` === base) {
            res.writeHead(301, { Location: base }).end();
            return;
        }
        if (!rel.startsWith(base)) {
            notFound(res);
            return;
        }
        rel = '/' + rel.slice(base.length);
        let file = path.join(root, path.normalize(rel).replace(/^(\.\.[/\\])+/, ''));
        if (!file.startsWith(root)) {
            res.writeHead(403).end();
            return;
        }
        if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
            if (!rel.endsWith('/')) {
                // Like GitHub Pages: a directory without its trailing slash is redirected, so relative links resolve.
                res.writeHead(301, { Location: `${base}${rel.slice(1)}/` }).end();
                return;
            }
            file = path.join(file, 'index.html');
        }
        fs.readFile(file, (err, data) => {
            if (err) {
                notFound(res);
                return;
            }
            stats.bytes += data.length;
            res.writeHead(200, {
                'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
                'Content-Length': data.length,
                'Cache-Control': 'no-cache',
            });
            res.end(req.method === 'HEAD' ? undefined : data);
        });
    });
    return new Promise(resolve => {
        server.listen(port, '127.0.0.1', () => {
            resolve({ server, url: `http://127.0.0.1:${server.address().port}${base}`, stats });
        });
    });
}

module.exports = { serve };

if (require.main === module) {
    const root = path.resolve(process.argv[2] || '.');
    const base = process.argv[4] || '/';
    serve(root, { port: Number(process.argv[3] || 8000), base, notFoundPage: true })
        .then(({ url }) => console.log(`serving ${root} at ${url}`));
}
