/**
 * Under `astro dev` only: the regions editor at /_editor/regions/, where an editor draws the
 * rectangles of each article and city report on a page scan and copies the resulting `pages:`
 * front-matter. The route is injected for `astro dev` alone, so the built site never has it.
 */
import type { AstroIntegration } from 'astro';
import { REGION_EDITOR_PATH } from '#lib/site/routes.ts';

export function regionEditor(): AstroIntegration {
  let base = '/';
  return {
    name: 'kfjz:region-editor',
    hooks: {
      'astro:config:setup': ({ command, config, injectRoute }) => {
        if (command !== 'dev') return;
        base = config.base.replace(/\/$/, '');
        injectRoute({
          pattern: `${REGION_EDITOR_PATH}[...issue]`,
          entrypoint: new URL('../components/editor/RegionEditorPage.astro', import.meta.url),
        });
      },
      'astro:server:start': ({ address, logger }) => {
        logger.info(`regions editor: http://localhost:${address.port}${base}${REGION_EDITOR_PATH}`);
      },
    },
  };
}
