// Serves a built dist/ on loopback (scripts/serve.py) for the benchmark scripts and waits until
// it answers. Used by photo_bench.js, form_bench.js and lighthouse.mjs.
const { spawn } = require('node:child_process');
const path = require('node:path');

/** Starts the server; resolves to { base, stop } once `base + '/'` answers. */
async function serveDist(dir, port) {
  const base = `http://127.0.0.1:${port}`;
  const server = spawn('python3', [path.join(__dirname, '..', 'serve.py'), '--dir', dir, '--port', String(port), '--quiet'], { stdio: 'inherit' });
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(base + '/')).ok) return { base, stop: () => server.kill() }; } catch (_) { /* not yet */ }
    await new Promise(r => setTimeout(r, 100));
  }
  server.kill();
  throw new Error(`the server for ${dir} did not answer on port ${port}`);
}

module.exports = { serveDist };
