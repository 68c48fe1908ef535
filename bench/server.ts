import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(__dirname, '..');

export type Server = { base: string; process: ChildProcess; stop: () => Promise<void>; peakRssMb: () => number };

/** Peak resident memory (VmHWM) of a process and its descendants, in MB. */
function peakRss(pid: number): number {
  const status = (p: number) => { try { return readFileSync(`/proc/${p}/status`, 'utf8'); } catch { return ''; } };
  const hwm = Number(/VmHWM:\s+(\d+) kB/.exec(status(pid))?.[1] ?? 0) / 1024;
  let children: number[] = [];
  try { children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number); } catch { /* none */ }
  return hwm + children.reduce((sum, c) => sum + peakRss(c), 0);
}

/** The Node flags `npm start` gives the server (package.json), so the bench measures what runs in production. */
function startScriptNodeFlags(): string[] {
  const start: string = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts.start;
  const words = start.split(/\s+/);
  return words[0] === 'node' ? words.slice(1).filter((w) => w.startsWith('--')) : [];
}

export async function startServer(port: number, env: Record<string, string>): Promise<Server> {
  const nextBin = createRequire(path.join(root, 'package.json')).resolve('next/dist/bin/next');
  const child = spawn(process.execPath, [...startScriptNodeFlags(), nextBin, 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
    cwd: root, env: { ...process.env, ...env, PORT: String(port), NEXT_TELEMETRY_DISABLED: '1' }, stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    if (await fetch(`${base}/login`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  let peak = 0;
  const sample = setInterval(() => { peak = Math.max(peak, peakRss(child.pid!)); }, 1000);
  return {
    base,
    process: child,
    peakRssMb: () => Math.max(peak, peakRss(child.pid!)),
    stop: async () => {
      clearInterval(sample);
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
