/** Measuring helpers for the benchmark: timed child processes with peak RSS, folder sizes, page weight. */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

export interface RunResult {
  seconds: number;
  /** Peak resident set size of the process tree's largest process, in MiB (GNU time's %M). */
  peakRssMiB: number | undefined;
  output: string;
}

const GNU_TIME = '/usr/bin/time';

/** Run a command, timing it and reading its peak RSS through GNU time when the machine has it. */
export function run(cmd: string, args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<RunResult> {
  const withTime = existsSync(GNU_TIME);
  const [bin, argv] = withTime ? [GNU_TIME, ['-f', 'KFJZ_MAXRSS_KB=%M', cmd, ...args]] : [cmd, args];
  const started = process.hrtime.bigint();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(bin, argv, {
      cwd: opts.cwd,
      env: { ...process.env, ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) return reject(new Error(`${cmd} ${args.join(' ')} exited ${code}:\n${output.slice(-4000)}`));
      const kb = /KFJZ_MAXRSS_KB=(\d+)/.exec(output)?.[1];
      resolvePromise({ seconds, peakRssMiB: kb ? Number(kb) / 1024 : undefined, output });
    });
  });
}

export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(p);
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

export const sizeOf = (dir: string) => listFiles(dir).reduce((a, f) => a + statSync(f).size, 0);
export const countPages = (dir: string) => listFiles(dir).filter((f) => f.endsWith('.html')).length;

export interface Weight {
  raw: number;
  gzip: number;
  brotli: number;
}

/** HTML + CSS + JS bytes of a page: the HTML and every same-site stylesheet and script it links. */
export function pageWeight(
  dist: string,
  path: string,
  base = '/',
): { html: Weight; css: Weight; js: Weight; total: Weight; scripts: string[] } {
  const htmlFile = join(dist, path.replace(/^\//, ''), 'index.html');
  const html = readFileSync(htmlFile);
  const text = html.toString('utf8');
  const asset = (url: string) => join(dist, url.replace(new RegExp(`^${base}`), ''));
  const css = [...text.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => m[1] as string);
  const js = [...text.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1] as string);
  const weigh = (bufs: Buffer[]): Weight =>
    bufs.reduce(
      (w, b) => ({
        raw: w.raw + b.length,
        gzip: w.gzip + gzipSync(b, { level: 9 }).length,
        brotli: w.brotli + brotliCompressSync(b).length,
      }),
      { raw: 0, gzip: 0, brotli: 0 },
    );
  const read = (urls: string[]) =>
    urls
      .map(asset)
      .filter(existsSync)
      .map((f) => readFileSync(f));
  const h = weigh([html]);
  const c = weigh(read(css));
  const j = weigh(read(js));
  return {
    html: h,
    css: c,
    js: j,
    total: { raw: h.raw + c.raw + j.raw, gzip: h.gzip + c.gzip + j.gzip, brotli: h.brotli + c.brotli + j.brotli },
    scripts: js,
  };
}

export const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
