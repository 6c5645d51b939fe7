/**
 * Rendering issue bodies on every core. A full build renders a thousand bodies, each CPU work
 * of a few milliseconds on one thread while the machine's other cores wait; the loader hands
 * them to a few worker threads (render-worker.ts) instead. A handful of bodies (a rebuild, an
 * edit in `astro dev`) render on the loader's own thread: starting a thread costs more.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
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
  const size = threads;
  if (size < 1) return inline;
  const pending = new Map<number, { resolve: (r: RenderedBody) => void; reject: (e: Error) => void }>();
  const workers = Array.from({ length: size }, () => {
    // A thread takes the process's Node options; `--input-type` (a build started with
    // `node --input-type=module -e`, as the tests and benchmarks do) refuses a module file.
    const execArgv = process.execArgv.filter((a) => !a.startsWith('--input-type'));
    const worker = new Worker(new URL('./render-worker.ts', import.meta.url), { execArgv });
    worker.on('message', (m: { id: number; rendered?: RenderedBody; error?: string }) => {
      const job = pending.get(m.id);
      pending.delete(m.id);
      if (m.rendered) job?.resolve(m.rendered);
      else job?.reject(new Error(m.error ?? 'the rendering thread gave no answer'));
    });
    worker.on('error', (error) => {
      for (const job of pending.values()) job.reject(error);
      pending.clear();
    });
    return worker;
  });
  let next = 0;
  return {
    threads: size,
    render: (job) =>
      new Promise<RenderedBody>((resolve, reject) => {
        const id = next++;
        pending.set(id, { resolve, reject });
        // Round robin: bodies are alike in size, and each thread takes its jobs in order.
        workers[id % workers.length]?.postMessage({ id, ...job });
      }),
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
