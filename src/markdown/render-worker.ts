/** A rendering thread of the issue loader's pool (render-pool.ts): one body per task. */
import { renderIssueBody } from './issue-body.ts';
import type { BodyJob } from './render-pool.ts';

export default function render(job: BodyJob) {
  return renderIssueBody(job.body, job.frontmatter, job.path);
}
