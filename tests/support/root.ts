/** The repository's root folder, for tests that run the project's scripts or read its files. */
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
