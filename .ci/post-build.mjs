// Trunk post-build hook: puts the Content-Security-Policy into the built index.html (and its 404.html copy for
// hosts without rewrites). Trunk writes an inline module script that loads the wasm; the policy allows exactly
// that script by its SHA-256 hash, computed here from the built file, and nothing else inline.
// Usage (from Trunk.toml): node .ci/post-build.mjs "$TRUNK_STAGING_DIR"
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { shortenImports } from './short-imports.mjs';

const dir = process.argv[2];
if (!dir) {
  console.error('post-build: no staging directory given');
  process.exit(1);
}
const file = join(dir, 'index.html');
let html = readFileSync(file, 'utf8');

// Trunk 0.21's minifier gives up on wasm-bindgen's `export default`: minify the glue here (terser, from the e2e
// package's node_modules), and give its <link rel=modulepreload> the new integrity hash. Only in a release build
// (Trunk sets TRUNK_PROFILE); `trunk serve` stays quick to rebuild.
if (process.env.TRUNK_PROFILE === 'release') {
  const require = createRequire(new URL('../tests/e2e/package.json', import.meta.url));
  let terser;
  try {
    terser = require('terser');
  } catch {
    console.error('post-build: terser is not installed (run .ci/setup.sh)');
    process.exit(1);
  }
  for (const name of readdirSync(dir).filter((n) => /^(sip-planen|min-plan)-[0-9a-f]+\.js$|^verktyg\.js$/.test(n))) {
    const path = join(dir, name);
    let code = readFileSync(path, 'utf8');
    // Short import names in the Wasm and its glue (see short-imports.mjs).
    const wasmPath = join(dir, name.replace(/\.js$/, '_bg.wasm'));
    try {
      const r = shortenImports(readFileSync(wasmPath), code);
      writeFileSync(wasmPath, r.wasm);
      code = r.js;
      console.log(`post-build: ${r.count} Wasm imports renamed short`);
    } catch (e) {
      console.error(`post-build: ${e.message}`);
      process.exit(1);
    }
    const out = await terser.minify(code, { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true });
    if (!out.code) {
      console.error(`post-build: terser produced nothing for ${name}`);
      process.exit(1);
    }
    writeFileSync(path, out.code);
    const sri = `sha384-${createHash('sha384').update(out.code).digest('base64')}`;
    const link = new RegExp(`(href=[^ >]*/${name.replace('.', '\\.')} integrity=)sha384-[A-Za-z0-9+/=]+`);
    if (!link.test(html)) {
      console.error(`post-build: no integrity attribute for ${name} in index.html`);
      process.exit(1);
    }
    html = html.replace(link, `$1${sri}`);
    console.log(`post-build: ${name} minified, ${code.length} → ${out.code.length} bytes`);
  }
}
// Paint first: Trunk preloads the Wasm from the head, so 350 KB share the connection with the page and its
// stylesheet, and Lighthouse's simulation waits for them before the first screen (LCP 2.9 s). Without the preload
// the loader still fetches the Wasm as soon as the page is parsed (LCP 1.1 s, the static first screen).
html = html.replace(/<link[^>]*rel="?preload"?[^>]*\.wasm[^>]*>|<link[^>]*\.wasm[^>]*rel="?preload"?[^>]*>/, '');
if (/rel="?preload"?[^>]*\.wasm|\.wasm[^>]*rel="?preload"?/.test(html)) {
  console.error('post-build: the Wasm preload link is still in index.html');
  process.exit(1);
}
const hashes = [];
for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
  hashes.push(`'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
}
if (hashes.length === 0) {
  console.error('post-build: no inline loader script found in index.html');
  process.exit(1);
}
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`,
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const meta = `<meta http-equiv=Content-Security-Policy content="${policy}">`;
html = html.replace(/<meta http-equiv=Content-Security-Policy[^>]*>/, '');
// The policy must come before the first script it governs: right after the charset.
if (!/<meta charset=[^>]*>/i.test(html)) {
  console.error('post-build: no <meta charset> to put the policy after');
  process.exit(1);
}
html = html.replace(/(<meta charset=[^>]*>)/i, `$1${meta}`);
writeFileSync(file, html);
// Static hosts without rewrites serve 404.html for unknown paths: make it the app itself (SPA fallback). Not for
// the other entries (built nested with SIP_ENTRY set), which have one page each.
if (!process.env.SIP_ENTRY) writeFileSync(join(dir, '404.html'), html);
console.log(`post-build: Content-Security-Policy with ${hashes.length} inline script hash(es)`);

// Each entry's service worker (public/sw.js for the app, min-plan/sw.js for "Min plan") caches that entry's own
// files: give it their names and a cache named after them, so a new deployment installs a new cache (and the app
// offers "Ladda om"). Also in a dev build, so `trunk serve` behaves the same offline.
// The tools (verktyg/) have no worker of their own: the app's caches their files with the app's.
if (process.env.SIP_ENTRY !== 'verktyg') {
  const minPlan = process.env.SIP_ENTRY === 'min-plan';
  const prefix = minPlan ? '/min-plan/' : '/';
  const sw = join(dir, 'sw.js');
  const names = readdirSync(dir, { recursive: true }).map(String)
    .filter((n) => /\.(wasm|js|css|html|svg|png|webmanifest)$/.test(n))
    .filter((n) => n !== 'sw.js' && n !== '404.html' && !n.startsWith('min-plan/'))
    .sort()
    .map((n) => prefix + n);
  const digest = createHash('sha256');
  for (const n of names) digest.update(n).update(readFileSync(join(dir, n.slice(prefix.length))));
  const version = digest.digest('hex').slice(0, 16);
  const cache = minPlan ? 'min-plan' : 'sip-planen';
  let code = readFileSync(sw, 'utf8');
  if (!code.includes('const FILES = [];') || !code.includes(`const CACHE = '${cache}-dev';`)) {
    console.error(`post-build: ${prefix}sw.js has no file list or cache name to fill`);
    process.exit(1);
  }
  code = code.replace('const FILES = [];', `const FILES = ${JSON.stringify(names)};`)
    .replace(`const CACHE = '${cache}-dev';`, `const CACHE = '${cache}-${version}';`);
  if (process.env.TRUNK_PROFILE === 'release') {
    const require = createRequire(new URL('../tests/e2e/package.json', import.meta.url));
    const out = await require('terser').minify(code, { ecma: 2020, compress: { passes: 2 }, mangle: true });
    if (!out.code) {
      console.error(`post-build: terser produced nothing for ${prefix}sw.js`);
      process.exit(1);
    }
    code = out.code;
  }
  writeFileSync(sw, code);
  console.log(`post-build: ${prefix}sw.js caches ${names.length} files as ${cache}-${version}`);
}

// Precompressed copies beside each text and wasm asset, for hosts that serve them as they are (nginx
// `brotli_static on; gzip_static on;`, see the README's Hosting section). Release builds only.
if (process.env.TRUNK_PROFILE === 'release') {
  let n = 0;
  const files = readdirSync(dir, { recursive: true }).map(String);
  for (const name of files.filter((f) => /\.(wasm|js|css|html|svg)$/.test(f))) {
    const buf = readFileSync(join(dir, name));
    writeFileSync(join(dir, `${name}.br`), brotliCompressSync(buf, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
    }));
    writeFileSync(join(dir, `${name}.gz`), gzipSync(buf, { level: 9 }));
    n += 1;
  }
  console.log(`post-build: ${n} files precompressed (.br, .gz)`);
}
