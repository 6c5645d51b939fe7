/**
 * An issue file's bytes → its front-matter and MDX body, as Astro will read them. What stops
 * the file from being read at all (empty, oversized, not UTF-8, a control character, YAML that
 * does not parse, no front-matter) becomes a Problem here; what the front-matter says is judged
 * later. The file itself is read by read-issue-file-fs.ts.
 */
import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { Problem } from './problem.ts';
import { charactersNotText, referencesNotText } from './characters.ts';

/** An issue file is page text plus front-matter: a few dozen KB. Anything past this is a pasting accident. */
export const MAX_ISSUE_BYTES = 1024 * 1024;

export interface IssueFileText {
  /** The parsed front-matter, as the content layer sees it. */
  frontmatter: Record<string, unknown>;
  /** The front-matter's YAML source, for line numbers. */
  rawFrontmatter: string;
  /** The MDX body, front-matter lines blanked so that its line numbers are the file's. */
  content: string;
}

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Hints for YAML errors editors meet, in js-yaml's own words. */
const YAML_HINTS: Record<string, string> = {
  'tab characters must not be used in indentation': 'indent with spaces',
  'duplicated mapping key': 'a field appears twice; keep one',
  'bad indentation of a mapping entry': 'check the indentation; a value containing ": " must be in quotes',
  'nesting exceeded maxDepth (100)':
    "an issue's fields nest a few levels deep; look for stray [ or { or an indentation gone wrong",
};

const refused = (file: string, message: string, extra: Partial<Problem> = {}) => ({
  problems: [{ severity: 'error' as const, file, message, ...extra }],
});

/** Why a file of `size` bytes is not read at all, if it is not. */
export function sizeProblem(size: number, file: string): { problems: Problem[] } | undefined {
  if (size === 0) return refused(file, 'the file is empty; run `npm run new-issue -- YEAR NUMBER` for a template');
  if (size > MAX_ISSUE_BYTES) {
    return refused(
      file,
      `the file is ${(size / 1024 / 1024).toFixed(1)} MB; an issue is at most ${MAX_ISSUE_BYTES / 1024 / 1024} MB of text (was something other than the page text pasted in?)`,
    );
  }
  return undefined;
}

/** An issue file's bytes as text; `file` is how messages name it. */
export function issueText(bytes: Uint8Array, file: string): IssueFileText | { problems: Problem[] } {
  const err = (message: string, extra: Partial<Problem> = {}) => refused(file, message, extra);
  const tooLarge = sizeProblem(bytes.length, file);
  if (tooLarge) return tooLarge;
  const raw = decodeUtf8(bytes);
  if (raw === undefined)
    return err('the file is not UTF-8 text; save it as UTF-8 (GBK/GB2312 exports must be converted)');
  // Before YAML: js-yaml refuses a control character at the wrong line, and MDX would publish it.
  const notText = charactersNotText(raw);
  if (notText.utf16) return err('the file holds NUL bytes throughout: it was saved as UTF-16; save it as UTF-8');
  if (notText.lines.length > 0) {
    const problems: Problem[] = notText.lines.map((c) => ({
      severity: 'error',
      file,
      line: c.line,
      message: c.message,
    }));
    if (notText.moreLines > 0) {
      problems.push({
        severity: 'error',
        file,
        message: `${notText.moreLines} more line(s) hold characters that are not text (control characters); was something other than the page text pasted in?`,
      });
    }
    return { problems };
  }

  let parsed: ReturnType<typeof parseFrontmatter>;
  try {
    parsed = parseFrontmatter(raw, { frontmatter: 'empty-with-lines' });
  } catch (error) {
    const e = error as { reason?: string; message?: string; mark?: { line?: number } };
    const reason = e.reason ?? e.message ?? String(error);
    const hint = YAML_HINTS[reason];
    return err(
      `front-matter is not valid YAML: ${reason}${hint ? ` (${hint})` : ''}`,
      e.mark?.line === undefined ? {} : { line: e.mark.line + 1 },
    );
  }
  if (!parsed.rawFrontmatter) {
    return err('no front-matter: an issue file starts with a `---` block holding year, number, pages, …', { line: 1 });
  }
  // `&#0;` in the body: MDX would publish U+FFFD (the front-matter's `"\0"` is checkYamlValues's).
  const references = referencesNotText(parsed.content);
  if (references.length > 0)
    return {
      problems: references.map((r): Problem => ({ severity: 'error', file, line: r.line, message: r.message })),
    };
  return { frontmatter: parsed.frontmatter, rawFrontmatter: parsed.rawFrontmatter, content: parsed.content };
}
