/**
 * Running the project's npm scripts as an editor does (`node scripts/X.ts`), in a child process
 * with Node 24 and the content and output folders of the test's choosing.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './root.ts';

const NODE = join(ROOT, 'node_modules/.bin/node');

export interface ScriptRun {
  /** Exit code. */
  status: number;
  /** stdout and stderr together, as the editor's terminal shows them. */
  output: string;
}

/** The environment without what Vitest adds (Vite would read BASE_URL, MODE, … from it). */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV']) delete env[key];
  for (const key of Object.keys(env)) if (key.startsWith('VITEST') || key.startsWith('VITE_')) delete env[key];
  return env;
}

/** `node scripts/<name>.ts args…` from the project root (or from a copy of the project at `root`). */
export function runScript(name: string, args: string[], env: Record<string, string>, root = ROOT): Promise<ScriptRun> {
  return new Promise((done) => {
    execFile(
      NODE,
      [join(root, 'scripts', `${name}.ts`), ...args],
      { cwd: root, env: { ...cleanEnv(), ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const status = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        done({ status, output: `${stdout}${stderr}` });
      },
    );
  });
}

/** Every file under `dir` (relative path → sha256), to prove a folder unchanged byte for byte. */
export function hashTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(dir);
  return out;
}
