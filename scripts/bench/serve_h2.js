// Serves a built dist/ on loopback over HTTPS and HTTP/2, as a deployment does (a service worker
// needs HTTPS, and HTTPS servers speak HTTP/2), for scripts/bench/lighthouse.mjs. Same rules as
// scripts/serve.py: a path without an extension gets the app's index.html (the staff page's under
// /staff/), a precompressed `.br` or `.gz` copy is sent when the browser takes it, and the pages
// and the service worker are not cached. The certificate is a throwaway self-signed one made with
// `openssl` (Chromium is started with --ignore-certificate-errors); nothing is downloaded.
const http2 = require('node:http2');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm',
  '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.bin': 'application/octet-stream',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.zip': 'application/zip',
};

function certificate() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-tls-'));
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert,
      '-days', '1', '-subj', '/CN=127.0.0.1'], { stdio: 'ignore' });
  } catch (e) {
    throw new Error('serve_h2: openssl is needed for the HTTPS test certificate (apt install openssl), ' +
      'or pass --http1 to lighthouse.mjs');
  }
  const out = { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
  fs.rmSync(dir, { recursive: true, force: true });
  return out;
}

function file(dir, urlPath) {
  const clean = path.posix.normalize(urlPath);
  if (clean.split('/').includes('..')) return null;
  let f = path.join(dir, clean);
  if (!fs.existsSync(f) && !path.posix.extname(clean)) {
    f = path.join(dir, clean === '/staff' || clean.startsWith('/staff/') ? 'staff/index.html' : 'index.html');
  }
  if (fs.existsSync(f) && fs.statSync(f).isDirectory()) f = path.join(f, 'index.html');
  return fs.existsSync(f) ? f : null;
}

/** Starts the server; resolves to { base, stop }. */
function serveH2(dir, port) {
  const server = http2.createSecureServer(certificate(), (req, res) => {
    let urlPath;
    try { urlPath = decodeURIComponent(new URL(req.url, 'https://x').pathname); } catch (_) { urlPath = null; }
    const f = urlPath && file(dir, urlPath);
    if (!f) { res.writeHead(404); res.end(); return; }
    const headers = { 'content-type': TYPES[path.extname(f)] || 'application/octet-stream' };
    let body = f;
    const accepts = (req.headers['accept-encoding'] || '').split(',').map(s => s.trim().split(';')[0]);
    for (const [encoding, ext] of [['br', '.br'], ['gzip', '.gz']]) {
      // As serve.py: a copy older than its file is stale and not sent.
      if (accepts.includes(encoding) && fs.existsSync(f + ext) && fs.statSync(f + ext).mtimeMs >= fs.statSync(f).mtimeMs) {
        headers['content-encoding'] = encoding;
        body = f + ext;
        break;
      }
    }
    if (['index.html', 'staff/index.html', 'sw.js', 'sw-register.js'].includes(path.relative(dir, f))) headers['cache-control'] = 'no-cache';
    res.writeHead(200, headers);
    res.end(fs.readFileSync(body));
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(port, '127.0.0.1', () => resolve({ base: `https://127.0.0.1:${port}`, stop: () => server.close() }));
  });
}

module.exports = { serveH2 };
