/**
 * Roles of a page's laid-out blocks from their type: the body's size is the page's most common
 * one; a block set larger or bolder is a heading. A stack of headings is 引题 / 主题 / 副题 by
 * size (the largest is the 主题), a heading that opens with `城市：` is a city report's heading,
 * and its lines may carry on at the next column's top; small type under a photo is its caption.
 * Fixed forms are read by their wording: `编前语`, a credit `■ …摄`, `(下转D3版)`, a byline of
 * a name or two, the issue line of the masthead.
 */
import type { RoleBlock } from '../role-blocks.ts';
import { CITY_LABEL, CONTINUATION, CREDIT, ISSUE_LINE, cityOfLabel, isByline, isHeadlineLine } from '../text-forms.ts';
import { union, type Rect } from '../rect.ts';
import { isHeadingStyle } from './geometry.ts';
import { joinLines, type LayoutBlock, type PageLayout } from './layout.ts';

const boundsOf = (rects: Rect[]): Rect => rects.reduce(union);

/** A slogan's line: short, no punctuation, not the 指导 line. */
const isSloganLine = (t: string) => [...t].length <= 16 && !/[，。：:\s]/u.test(t) && !/指导$/u.test(t);

const POSTAL_OR_MAIL = /邮发代号|投稿邮箱/u;

/**
 * The masthead's blocks, in the order the structure step reads them: the 指导 line, slogans
 * (short lines set one under another or side by side, one block of lines; the paper's name and
 * 专刊, set large or short, are not facts), and last the issue line with 邮发代号 and 投稿邮箱 wherever they are set in the
 * band. The band: the blocks above the masthead's rule (else within three lines under the issue
 * line), when the issue line stands in the page's top quarter. Its blocks are added to `taken`.
 */
function masthead(layout: PageLayout, taken: Set<LayoutBlock>): RoleBlock[] {
  const texts = layout.items.flatMap((it) => (it.kind === 'text' ? [it.block] : []));
  const issue = texts.find((b) => ISSUE_LINE.test(b.text) && (b.rects[0]?.y ?? Infinity) < layout.height * 0.25);
  if (!issue) return [];
  // The band ends at the first rule across most of the page under the issue line (the masthead's
  // rule), else a few lines under it.
  const issueFoot = Math.max(...issue.rects.map((r) => r.y + r.h));
  const rule = layout.rules
    .filter((r) => r.w >= layout.width * 0.6 && r.y >= issueFoot - 1)
    .sort((a, b) => a.y - b.y)[0];
  const foot = rule ? rule.y : issueFoot + layout.bodySize * 3;
  // Without a rule, a headline starting under the issue line is the first story's, not the masthead's.
  const band = texts.filter(
    (b) =>
      b.rects.every((r) => r.y + r.h <= foot + 1) &&
      (rule !== undefined || !isHeadingStyle(b, layout.bodySize) || b.rects.every((r) => r.y < issueFoot)),
  );
  for (const b of band) taken.add(b);
  const role = (b: LayoutBlock): RoleBlock => ({
    role: 'masthead',
    text: b.text,
    lines: b.lines.map((l) => l.text),
    rects: b.rects,
  });
  const guide = band.filter((b) => b !== issue && /指导$/u.test(b.text));
  const facts = band.filter((b) => b !== issue && POSTAL_OR_MAIL.test(b.text));
  // Slogans: short lines without punctuation, a line of two set apart by spaces split in two.
  const sloganLines = band
    .filter((b) => b !== issue && !guide.includes(b) && !facts.includes(b) && b.size < layout.bodySize * 1.5)
    .flatMap((b) => b.lines.flatMap((l) => l.text.split(/\s+/u)))
    .filter((t) => [...t].length >= 4 && isSloganLine(t));
  const slogans =
    sloganLines.length >= 2 ? [{ role: 'masthead' as const, text: sloganLines.join(''), lines: sloganLines }] : [];
  const issueBlock = role(issue);
  for (const f of facts) {
    issueBlock.text += ` ${f.text}`;
    issueBlock.rects?.push(...f.rects);
  }
  return [...guide.map(role), ...slogans, issueBlock];
}

export function assignRoles(layout: PageLayout): RoleBlock[] {
  const { bodySize, items } = layout;
  const out: RoleBlock[] = [];
  const heading = (b: LayoutBlock) => isHeadingStyle(b, bodySize);
  const block = (role: RoleBlock['role'], b: LayoutBlock, extra: Partial<RoleBlock> = {}): RoleBlock => ({
    role,
    text: b.text,
    lines: b.lines.map((l) => l.text),
    rects: b.rects,
    ...(b.joined ? { joined: 'geometry' as const } : {}),
    ...extra,
  });

  // The masthead: the band at the page's top that holds the issue line `YYYY年第N期`.
  const skip = new Set<LayoutBlock>();
  out.push(...masthead(layout, skip));

  let afterPhoto = false;
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    if (!it || (it.kind === 'text' && skip.has(it.block))) continue;
    if (it.kind === 'image') {
      out.push({ role: 'photo', text: '', lines: [], rects: [it.rect] });
      afterPhoto = true;
      continue;
    }
    const b = it.block;
    const lastLine = b.lines.at(-1)?.text ?? '';
    if (b.lines.length > 1 && CREDIT.test(lastLine)) {
      // A caption with its credit on the last line: two blocks.
      const lines = b.lines.slice(0, -1);
      const caption = {
        ...b,
        lines,
        text: joinLines(lines.map((l) => l.text)),
        rects: [boundsOf(lines.map((l) => l.rect))],
      };
      const creditRect = (b.lines.at(-1) as (typeof b.lines)[number]).rect;
      out.push(block(afterPhoto ? 'caption' : 'body', caption), {
        ...block('credit', b),
        text: lastLine,
        lines: [lastLine],
        rects: [creditRect],
      });
      afterPhoto = false;
      continue;
    }
    if (CONTINUATION.test(b.text)) out.push(block('continuation', b));
    else if (CREDIT.test(b.text)) out.push(block('credit', b));
    else if (b.text === '编前语') out.push(block('noteLabel', b));
    else if (afterPhoto && b.size < bodySize * 0.97) {
      out.push(block('caption', b));
      continue;
    } else if (heading(b) && cityOfLabel(b.text) !== undefined) {
      // `城市：` and its headline lines: set in heading type, in the same block or the next ones
      // (a smaller size under the city's name, or at the next column's top), three lines at most.
      const lines = b.lines.map((l) => l.text);
      const rects = [...b.rects];
      while (lines.length < 3) {
        const next = items[i + 1];
        if (next?.kind !== 'text' || !heading(next.block) || CITY_LABEL.test(next.block.text)) break;
        const more = next.block.lines.map((l) => l.text);
        if (lines.length + more.length > 3 || !more.every(isHeadlineLine)) break;
        lines.push(...more);
        rects.push(...next.block.rects);
        i++;
      }
      out.push({ role: 'cityHeading', text: lines.join(''), lines, rects });
    } else if (b.size < bodySize * 1.12 && b.lines.length === 1 && isByline({ lines: [b.text], text: b.text })) {
      // A name or two on a line of its own, in the body's size (whatever its face): a byline.
      out.push(block('byline', b));
    } else if (heading(b)) {
      // A stack of headline blocks: the largest is the 主题, above it 引题, below it 副题.
      const stack: LayoutBlock[] = [b];
      while (true) {
        const next = items[i + 1];
        if (next?.kind !== 'text' || !heading(next.block) || CITY_LABEL.test(next.block.text)) break;
        if (next.block.text === '编前语' || CREDIT.test(next.block.text)) break;
        stack.push(next.block);
        i++;
      }
      const top = Math.max(...stack.map((s) => s.size));
      const t = stack.findIndex((s) => s.size === top);
      stack.forEach((s, k) => out.push(block(k < t ? 'kicker' : k === t ? 'title' : 'subtitle', s)));
    } else out.push(block('body', b));
    afterPhoto = false;
  }
  return out;
}
