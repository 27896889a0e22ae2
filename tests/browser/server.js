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

/** Serves `root` on 127.0.0.1 (port 0: any free port). Resolves to { server, url, bytesServed }. */
function serve(root, port = 0) {
    const stats = { bytes: 0 };
    const server = http.createServer((req, res) => {
        let rel;
        try {
            rel = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
        } catch (e) {
            res.writeHead(400).end();
            return;
        }
        let file = path.join(root, path.normalize(rel).replace(/^(\.\.[/\\])+/, ''));
        if (!file.startsWith(root)) {
            res.writeHead(403).end();
            return;
        }
        if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
            file = path.join(file, 'index.html');
        }
        fs.readFile(file, (err, data) => {
            if (err) {
                res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
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
            resolve({ server, url: `http://127.0.0.1:${server.address().port}/`, stats });
        });
    });
}

module.exports = { serve };

if (require.main === module) {
    const root = path.resolve(process.argv[2] || '.');
    serve(root, Number(process.argv[3] || 8000)).then(({ url }) => console.log(`serving ${root} at ${url}`));
}
