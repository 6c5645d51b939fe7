/**
 * Arriving at a figure's clause, as a reader does from a table: the clause is lit (`:target`, no
 * script), in view, readable in light and dark mode, and lighting it moves no text.
 */
import { describe, expect, inject, test } from 'vitest';
import { axeViolations, servedSite } from '../support/browser.ts';

const site = servedSite(inject('distDir'));
const ISSUE = '/issues/2024/18/';

describe.each(['light', 'dark'] as const)('a figure’s clause in %s mode', (colorScheme) => {
  test.each(['xinzhou-signed-investment', 'xinzhou-total-investment', 'province-2024-2-started-projects'])(
    '#%s is lit, in view, accessible, and moves nothing',
    async (id) => {
      const viewport = { width: 390, height: 844 };
      const plain = await site.open(ISSUE, { colorScheme, viewport });
      const lit = await site.open(`${ISSUE}#${id}`, { colorScheme, viewport });
      try {
        const box = (v: typeof plain) =>
          v.page.evaluate((i) => {
            const el = document.getElementById(i);
            const block = el?.closest('p, h3');
            const r = block?.getBoundingClientRect();
            return { height: r?.height, width: r?.width, top: (r?.top ?? 0) + scrollY };
          }, id);
        expect(await box(lit)).toEqual(await box(plain));
        const state = await lit.page.evaluate((i) => {
          const el = document.getElementById(i) as HTMLElement;
          const r = el.getBoundingClientRect();
          return {
            target: el.matches(':target'),
            lit: getComputedStyle(el).backgroundColor !== getComputedStyle(document.body).backgroundColor,
            inView: r.top >= 0 && r.bottom <= innerHeight,
          };
        }, id);
        expect(state).toEqual({ target: true, lit: true, inView: true });
        expect(await axeViolations(lit.page)).toEqual([]);
      } finally {
        await plain.close();
        await lit.close();
      }
    },
  );
});
