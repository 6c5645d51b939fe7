/**
 * One of the issue loader's rendering threads (render-pool.ts): renders the bodies it is sent
 * and answers each with the rendered body or the error's message.
 */
import { parentPort } from 'node:worker_threads';
import { renderIssueBody } from './issue-body.ts';

parentPort?.on(
  'message',
  async (job: { id: number; body: string; frontmatter: Record<string, unknown>; path: string }) => {
    try {
      parentPort?.postMessage({ id: job.id, rendered: await renderIssueBody(job.body, job.frontmatter, job.path) });
    } catch (error) {
      parentPort?.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
    }
  },
);
