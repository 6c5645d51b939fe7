/**
 * The content check in a worker thread (scripts/build.ts), so it runs on the second core while
 * Astro starts and builds, instead of before it: its result comes back as plain problems.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkContent } from '#lib/check/content-check.ts';

const { root, cacheFile } = workerData as { root: string; cacheFile: string | undefined };
parentPort?.postMessage(checkContent(root, undefined, { cacheFile }));
