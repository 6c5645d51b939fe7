import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, inject, test } from 'vitest';

test('the shared build has the seed issue page', () => {
  expect(existsSync(join(inject('distDir'), 'issues/2024/18/index.html'))).toBe(true);
});
