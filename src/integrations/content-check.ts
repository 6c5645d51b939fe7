import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { contentCheckCacheFile } from '#lib/build/cache-dir.ts';
import { errorsIn, formatGithubAnnotation, formatProblem, problemFormat } from '#lib/check/problem.ts';

/**
 * Runs the editors' content check before Astro touches anything, so a build with a wrong
 * total or an unknown city stops with the same `file:line: field: message` lines as
 * `npm run check`, instead of a stack trace halfway through rendering. Inside GitHub Actions
 * the problems are also printed as workflow commands, so they land on the diff's lines.
 */
export function contentCheck(): AstroIntegration {
  return {
    name: 'kfjz:content-check',
    hooks: {
      'astro:config:setup': async ({ config, command, logger }) => {
        if (command !== 'build') return;
        // `npm run build` (scripts/build.ts) ran the same check before starting Astro.
        if (process.env.KFJZ_CONTENT_CHECKED === '1') return;
        // Loaded here, not with the config: `npm run build` checked already and never needs it, and loading
        // it costs every build time (scripts/bench/BENCHMARKS.md).
        const { checkContent } = await import('#lib/check/content-check-fs.ts');
        const root = fileURLToPath(config.root);
        const problems = checkContent(root, undefined, { cacheFile: contentCheckCacheFile(root) });
        // A workflow command only counts at the start of a line: Astro's logger would prefix it.
        if (problemFormat(undefined) === 'github') for (const p of problems) console.log(formatGithubAnnotation(p));
        for (const p of problems) if (p.severity === 'warning') logger.warn(formatProblem(p));
        const errors = errorsIn(problems);
        if (errors.length > 0) {
          throw new Error(
            `content check failed with ${errors.length} error(s); nothing was built:\n${errors.map(formatProblem).join('\n')}`,
          );
        }
        logger.info(`content checked: ${problems.length === 0 ? 'no problems' : `${problems.length} warning(s)`}`);
      },
    },
  };
}
