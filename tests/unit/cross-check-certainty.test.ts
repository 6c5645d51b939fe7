/** The check compares figures with the text only where the extractor reads them with certainty. */
import { describe, expect, test } from 'vitest';
import { checkContent } from '#lib/check/content-check-fs.ts';
import { formatProblem } from '#lib/check/problem.ts';
import { contentFolder, seedMdx, seedWith } from '../support/content.ts';

const problemsOf = (text: string) => {
  const dir = contentFolder({ '2024-18.mdx': text });
  return checkContent(dir, dir).map(formatProblem);
};

describe('figures ↔ text, certainty', () => {
  test('a batch the text states twice with different values is not compared', () => {
    const text = seedWith('等14个项目分三批现场签约。', '等14个项目分三批现场签约。另据统计，签约项目16个。');
    expect(text).not.toBe(seedMdx());
    const problems = problemsOf(text).filter((p) => p.includes('太原'));
    expect(problems).toEqual([]);
  });

  test('a front-matter value the text states elsewhere too is a warning, not an error', () => {
    const text = seedWith('signed: { projects: 14 }', 'signed: { projects: 15 }').replace(
      '等14个项目分三批现场签约。',
      '等14个项目分三批现场签约。其中现场签约项目15个。',
    );
    const problems = problemsOf(text).filter((p) => p.includes('太原 签约一批'));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.includes('warning: '))).toBe(true);
  });
});
