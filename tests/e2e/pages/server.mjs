// Starts the e2e static server (serve-dist.mjs) for a measuring script and waits until it answers.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));

/** Serves `dist` on 127.0.0.1:`port`; resolves with the child process once GET / answers 200 (or rejects). */
export async function startServer(dist, port, timeoutMs = 15_000) {
  const child = spawn(process.execPath, [join(here, '..', 'serve-dist.mjs'), dist, String(port)], { stdio: 'ignore' });
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/`);
      if (res.ok) return child;
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = e.message;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill();
  throw new Error(`the server on port ${port} did not answer within ${timeoutMs} ms (${last})`);
}
