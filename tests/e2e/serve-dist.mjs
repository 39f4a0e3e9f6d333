// A plain static host for dist/, plus the SPA fallback documented in the README: any path that is not a file
// gets index.html (as nginx `try_files $uri /index.html` does). Like a well-configured host it serves the release
// build's precompressed copies (`.br`, else `.gz`) to a browser that accepts them (nginx `brotli_static` /
// `gzip_static`), so what the tests and measurements load is what users get. Usage: node serve-dist.mjs <dir> <port>
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? '../../dist');
const port = Number(process.argv[3] ?? 8090);
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.json': 'application/json', '.png': 'image/png',
};

createServer(async (req, res) => {
  try {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    let s = await stat(file).catch(() => null);
    if (s?.isDirectory()) { file = join(file, 'index.html'); s = await stat(file).catch(() => null); }
    if (!s) file = join(root, 'index.html'); // SPA fallback
    const accepts = String(req.headers['accept-encoding'] ?? '');
    let encoding = null;
    for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']]) {
      if (new RegExp(`\\b${enc}\\b`).test(accepts) && (await stat(file + ext).catch(() => null))) {
        encoding = { enc, ext };
        break;
      }
    }
    const body = await readFile(encoding ? file + encoding.ext : file);
    res.writeHead(200, {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      ...(encoding ? { 'content-encoding': encoding.enc } : {}),
      vary: 'accept-encoding',
      'cache-control': 'no-store',
      // What the README's Hosting section asks a host to send (the rest of the policy is in index.html).
      'content-security-policy': "frame-ancestors 'none'",
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
    res.end(body);
  } catch (e) {
    res.writeHead(500).end(String(e));
  }
}).listen(port, '127.0.0.1', () => console.log(`serving ${root} on http://127.0.0.1:${port}`));
