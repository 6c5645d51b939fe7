/**
 * The bad-input corpus's mistakes in image files (a scan that is not an image, a JPEG cut short,
 * damaged data, too many pixels, a photo without alt text), annotated on their file and line as
 * tests/unit/github-annotations.test.ts does for the rest. Here, in the build project, because
 * the check decodes images in a Node process of its own and the unit project runs no process.
 */
import { describe, expect, test } from 'vitest';
import { BAD_INPUTS, decodesImages } from '../fixtures/bad-inputs/cases.ts';
import { expectAnnotated } from '../support/annotations.ts';

describe('every mistake of the bad-input corpus in an image file', () => {
  const cases = BAD_INPUTS.filter(decodesImages);

  test('the corpus has such mistakes', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  test.each(cases)('$name: annotated on its file and line', (c) => {
    expectAnnotated(c);
  });
});
