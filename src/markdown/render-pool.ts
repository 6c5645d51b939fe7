/**
 * Rendering issue bodies on every core. A full build renders a thousand bodies, each CPU work
 * of a few milliseconds on one thread while the machine's other cores wait; the loader hands
 * them to a pool of worker threads (tinypool, running render-worker.ts) instead. A handful of
 * bodies (a rebuild, an edit in `astro dev`) render on the loader's own thread: starting a
 * thread costs more.
 */
import { availableParallelism } from 'node:os';
import Tinypool from 'tinypool';
import { renderIssueBody, type RenderedBody } from './issue-body.ts';

/** Bodies per thread below which a thread does not pay for its start (scripts/bench/BENCHMARKS.md). */
const MIN_PER_THREAD = 100;

export interface BodyJob {
  body: string;
  frontmatter: Record<string, unknown>;
  path: string;
}

export interface BodyRenderer {
  /** Worker threads rendering (0: the loader's own thread). */
  threads: number;
  render(job: BodyJob): Promise<RenderedBody>;
  close(): Promise<void>;
}

const inline: BodyRenderer = {
  threads: 0,
  render: (job) => renderIssueBody(job.body, job.frontmatter, job.path),
  close: async () => {},
};

/** How many threads `jobs` bodies are worth on `cores` cores: 0 (this thread) unless two or more pay. */
export function threadsFor(jobs: number, cores = availableParallelism()): number {
  const size = Math.min(cores, Math.floor(jobs / MIN_PER_THREAD));
  return size < 2 ? 0 : size;
}

/**
 * A renderer for `jobs` bodies: worker threads when there are enough of them, else this thread.
 * `threads` overrides the choice (the tests use it to render in a thread on any machine).
 */
export function bodyRenderer(jobs: number, threads = threadsFor(jobs)): BodyRenderer {
  if (threads < 1) return inline;
  const pool = new Tinypool({
    filename: new URL('./render-worker.ts', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    // A thread takes the process's Node options; `--input-type` (a build started with
    // `node --input-type=module -e`, as the tests and benchmarks do) refuses a module file.
    execArgv: process.execArgv.filter((a) => !a.startsWith('--input-type')),
  });
  return {
    threads,
    render: (job) => pool.run(job) as Promise<RenderedBody>,
    close: () => pool.destroy(),
  };
}
