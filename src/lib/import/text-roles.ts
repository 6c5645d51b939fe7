/**
 * Roles of a page's plain-text extraction (like the seed), guessed from its lines: paragraph
 * blocks as the text parts them, `# ` marks where present, else headline-like lines right
 * before a body paragraph; masthead, 引题/主题/副题, city headings, bylines, credits and
 * continuation notes by their wording. The structure step (build-page.ts) reads the result.
 * Pure: no file system, no Astro.
 */
import type { RoleBlock } from './role-blocks.ts';
import {
  CONTINUATION,
  CREDIT,
  ISSUE_LINE,
  isByline,
  isProse,
  isShort,
  readCityHeading,
  type TextBlock,
} from './text-forms.ts';

interface Block extends TextBlock {
  heading: boolean;
}

/** Paragraph blocks of the extraction; `# `/`## ` mark headings, trailing double spaces mark line breaks. */
export function splitBlocks(raw: string): Block[] {
  const text = raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .normalize('NFC');
  return text
    .split(/\n[ \t\u3000]*\n/)
    .map((b) =>
      b
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    )
    .filter((lines) => lines.length > 0)
    .map((lines) => {
      const heading = /^#{1,6}\s/.test(lines[0] ?? '');
      const clean = lines.map((l) => l.replace(/^#{1,6}\s+/, ''));
      return { lines: clean, text: clean.join(''), heading };
    });
}

const cityHeading = (blocks: Block[], i: number) => {
  const next = blocks[i + 1];
  return readCityHeading(blocks[i] as Block, next && !next.heading ? next : undefined);
};

/** A body paragraph: prose, not a marked heading. */
const isBody = (b: Block) => !b.heading && isProse(b);

/** A block that may be a headline line: one short line, no sentence punctuation, no fixed phrase. */
function isTitleLike(blocks: Block[], i: number): boolean {
  const b = blocks[i] as Block;
  return (
    b.lines.length === 1 &&
    [...b.text].length <= 40 &&
    !/[。；！？]|[，、：:]$/u.test(b.text) &&
    b.text !== '编前语' &&
    !/^(?:科学导报讯|本报讯)/u.test(b.text) &&
    !isByline(b) &&
    !CREDIT.test(b.text) &&
    !CONTINUATION.test(b.text) &&
    !cityHeading(blocks, i)
  );
}

/**
 * Headlines of a text without `#` markers (as pdftotext or a copy from the e-paper gives it):
 * a run of one to three headline-like blocks right before a body paragraph or `编前语` is
 * 引题 / 主题 / 副题; the 主题 is the middle of three, the first of two when the second starts
 * with a dash (`——…报道集锦`), else the longer of two. `#` markers, where present, stay.
 */
function markHeadlines(blocks: Block[], from: number): void {
  let run: number[] = [];
  for (let i = from; i < blocks.length; i++) {
    if ((blocks[i] as Block).heading || isTitleLike(blocks, i)) {
      run.push(i);
      continue;
    }
    const b = blocks[i] as Block;
    const opens = b.text === '编前语' || isBody(b);
    const last3 = run.slice(-3);
    if (opens && last3.length > 0 && !last3.some((j) => (blocks[j] as Block).heading)) {
      const [a, c] = last3.map((j) => blocks[j] as Block);
      let title = last3[0] as number;
      if (last3.length === 3) title = last3[1] as number;
      else if (last3.length === 2 && a && c && !/^[—－-]/u.test(c.text) && [...c.text].length > [...a.text].length) {
        title = last3[1] as number;
      }
      (blocks[title] as Block).heading = true;
    }
    run = [];
  }
}

/**
 * How many blocks open the page as its masthead: those up to the issue line `YYYY年第N期`,
 * when it comes before any body paragraph; none without it (the short lines seen are then
 * not a masthead).
 */
function mastheadLength(blocks: Block[]): number {
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i] as Block;
    if (/^(.+?)\s*指导$/.test(b.text)) continue;
    if (ISSUE_LINE.test(b.text)) return i + 1;
    if (!(b.lines.length >= 2 && b.lines.every((l) => [...l].length <= 16 && !/[，。：:]/.test(l))) && isBody(b)) {
      return 0;
    }
  }
  return 0;
}

const roleBlock = (role: RoleBlock['role'], b: TextBlock): RoleBlock => ({ role, text: b.text, lines: b.lines });

/**
 * The page's blocks with their roles. A headline takes the short line right below it as its
 * 副题 and the short line right above as its 引题; `编前语` takes the block after it as the
 * note; a block holding a continuation note among other lines is read line by line.
 */
export function textRoleBlocks(raw: string): RoleBlock[] {
  const blocks = splitBlocks(raw);
  const start = mastheadLength(blocks);
  markHeadlines(blocks, start);
  const out: RoleBlock[] = blocks.slice(0, start).map((b) => roleBlock('masthead', b));
  for (let i = start; i < blocks.length; i++) {
    const b = blocks[i] as Block;
    const next = blocks[i + 1];
    if (next?.heading && isShort(b) && !b.heading && !cityHeading(blocks, i) && !isByline(b)) {
      out.push(roleBlock('kicker', b));
    } else if (b.heading) {
      out.push(roleBlock('title', b));
      if (
        next &&
        isShort(next) &&
        !next.heading &&
        !cityHeading(blocks, i + 1) &&
        next.text !== '编前语' &&
        !isByline(next)
      ) {
        out.push(roleBlock('subtitle', next));
        i++;
      }
    } else if (b.text === '编前语' && next) {
      out.push(roleBlock('noteLabel', b), roleBlock('body', next));
      i++;
    } else if (cityHeading(blocks, i)) {
      const ch = cityHeading(blocks, i);
      const lines = ch?.usesMore && next ? [...b.lines, ...next.lines] : b.lines;
      out.push({ role: 'cityHeading', text: lines.join(''), lines });
      if (ch?.usesMore) i++;
    } else {
      const parts =
        b.lines.length > 1 && b.lines.some((l) => CONTINUATION.test(l))
          ? b.lines.map((l) => ({ lines: [l], text: l }))
          : [b];
      for (const part of parts) {
        const role = CONTINUATION.test(part.text)
          ? 'continuation'
          : isByline(part)
            ? 'byline'
            : CREDIT.test(part.text)
              ? 'credit'
              : 'body';
        out.push(roleBlock(role, part));
      }
    }
  }
  return out;
}
