/**
 * Reads the plain-text extraction of a printed page (like the seed) into a draft issue:
 * masthead facts, articles with 引题/主题/副题, datelines and bylines, city reports, photos,
 * continuation notes. Joins the column breaks a human would join and says so in review notes
 * wherever the join is a guess. Pure: no file system, no Astro.
 */
import { cityByName, type City, type CitySlug } from '#data/cities.ts';

export interface DraftPhoto {
  kind: 'photo';
  caption: string;
  credit: string;
}
export interface DraftParagraph {
  kind: 'paragraph';
  text: string;
  /** A note for the editor, printed as an MDX comment before the paragraph. */
  review?: string;
}
export type DraftBlock = DraftParagraph | DraftPhoto;

export interface DraftArticle {
  id: string;
  kind: '要闻' | '报道集锦' | '编前语';
  kicker?: string;
  title: string;
  subtitle?: string;
  dateline?: string;
  byline: string[];
  partOf?: string;
  blocks: DraftBlock[];
}

export interface DraftCityReport {
  city: City;
  headline: string[];
  reporter?: string;
  venue?: string;
  /** Article (报道集锦) the report sits in. */
  article?: string;
  blocks: DraftParagraph[];
}

/** Articles and reports in reading order; reports and 编前语 follow their compilation. */
export type DraftPiece =
  | { type: 'article'; article: DraftArticle }
  | { type: 'report'; report: DraftCityReport }
  | { type: 'continuation'; text: string; page: string };

export interface DraftRound {
  id: string;
  name: string;
  date?: string;
  mainVenue?: string;
}

export interface DraftPage {
  year?: number;
  number?: number;
  masthead: { guidedBy?: string; postalCode?: string; email?: string; slogans: string[] };
  pieces: DraftPiece[];
  rounds: DraftRound[];
  /** Pages referred to by continuation notes. */
  referencedPages: string[];
  /** Notes for the editor about guesses the importer made. */
  review: string[];
}

const TERMINAL = /[。！？”’」』）)…：:；]$/u;
const CONTINUATION = /^[（(]\s*(下转|上接)\s*([A-Z]\d{1,2})\s*版\s*[)）]$/u;
const CREDIT = /^[■□]\s*\S.{0,28}摄$/u;
const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

interface Block {
  lines: string[];
  text: string;
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

const isShort = (b: Block) => [...b.text].length <= 40 && !b.text.includes('。');
/** A name or two on their own: 张巨峰, 王媛, 李全明. */
const isByline = (b: Block) =>
  b.lines.length === 1 && /^[\p{Script=Han}·]{2,4}(\s+[\p{Script=Han}·]{2,4})?$/u.test(b.text) && b.text !== '编前语';
/** A body paragraph: prose with a comma or full stop, long enough not to be a heading line. */
const isBody = (b: Block) => !b.heading && /[，。、；]/u.test(b.text) && [...b.text].length > 15;
const isCut = (b: Block) => isBody(b) && !TERMINAL.test(b.text);

function cityHeading(b: Block): { city: City; headline: string[] } | undefined {
  const m = /^(\S{2,12}?)[：:]$/u.exec(b.lines[0] ?? '');
  const city = m?.[1] ? cityByName(m[1]) : undefined;
  return city && b.lines.length >= 2 ? { city, headline: b.lines.slice(1) } : undefined;
}

function cnNumber(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 1) return CN_DIGITS[s];
  if (s.startsWith('十')) return 10 + (CN_DIGITS[s.slice(1)] ?? 0);
  return undefined;
}

function readMasthead(blocks: Block[], page: DraftPage): number {
  let i = 0;
  for (; i < blocks.length; i++) {
    const b = blocks[i] as Block;
    const issue = /(\d{4})年第(\d{1,2})期/.exec(b.text);
    const guide = /^(.+?)\s*指导$/.exec(b.text);
    if (guide?.[1]) page.masthead.guidedBy = guide[1];
    else if (issue) {
      page.year = Number(issue[1]);
      page.number = Number(issue[2]);
      const postal = /邮发代号[：:]\s*([\w-]+)/.exec(b.text);
      const email = /投稿邮箱[：:]\s*([\w.+-]+@[\w.-]+)/.exec(b.text);
      if (postal?.[1]) page.masthead.postalCode = postal[1];
      if (email?.[1]) page.masthead.email = email[1];
      return i + 1;
    } else if (b.lines.length >= 2 && b.lines.every((l) => [...l].length <= 16 && !/[，。]/.test(l))) {
      page.masthead.slogans.push(...b.lines);
    } else if (isBody(b)) break;
  }
  page.review.push('no masthead line `YYYY年第N期` found: give --year and --number');
  return 0;
}

function findRounds(raw: string, year: number | undefined, page: DraftPage): void {
  const seen = new Set<string>();
  for (const m of raw.matchAll(/全省开发区(\d{4})年第([一二三四五六七八九十\d]{1,3})(次|期)[“"]?三个一批[”"]?活动/gu)) {
    const n = cnNumber(m[2] ?? '');
    if (!n || seen.has(`${m[1]}-${n}`)) continue;
    seen.add(`${m[1]}-${n}`);
    const round: DraftRound = { id: `${m[1]}-${n}`, name: m[0] };
    const venue = /在([^，。、\s]{4,30}?)主会场/u.exec(raw);
    if (venue?.[1]) round.mainVenue = venue[1];
    const day = /科学导报讯\s*(\d{1,2})月(\d{1,2})日/.exec(raw);
    if (day && (year === undefined || String(year) === m[1])) {
      round.date = `${m[1]}-${String(day[1]).padStart(2, '0')}-${String(day[2]).padStart(2, '0')}`;
      page.review.push(
        `round ${round.id}: date ${round.date} taken from the first dateline; check it is the round's day`,
      );
    }
    page.rounds.push(round);
  }
}

const datelineOf = (text: string) => /^(科学导报讯\s*(?:\d{1,2}月\d{1,2}日)?)/.exec(text)?.[1]?.trim();

export interface ParseOptions {
  /** The city a text that names only 我市 / 本市 is about (`--city`). */
  city?: CitySlug;
}

export function parsePage(raw: string, _options: ParseOptions = {}): DraftPage {
  const page: DraftPage = { masthead: { slogans: [] }, pieces: [], rounds: [], referencedPages: [], review: [] };
  const blocks = splitBlocks(raw);
  let i = readMasthead(blocks, page);
  findRounds(raw, page.year, page);

  let article: DraftArticle | undefined;
  let report: DraftCityReport | undefined;
  let compilation: DraftArticle | undefined;
  let cut: DraftParagraph | undefined;
  let kicker: string | undefined;
  let articleCount = 0;
  const firstReportIndex = () => page.pieces.findIndex((p) => p.type === 'report');

  const closeReport = () => {
    if (report) page.pieces.push({ type: 'report', report });
    report = undefined;
  };
  const pushParagraph = (text: string) => {
    const para: DraftParagraph = { kind: 'paragraph', text };
    if (report) report.blocks.push(para);
    else if (article) article.blocks.push(para);
    else {
      page.review.push(`text before any headline was kept in an untitled article: "${text.slice(0, 20)}…"`);
      article = { id: `article-${++articleCount}`, kind: '要闻', title: '（无题）', byline: [], blocks: [para] };
      page.pieces.push({ type: 'article', article });
    }
    return para;
  };

  for (; i < blocks.length; i++) {
    const b = blocks[i] as Block;
    const next = blocks[i + 1];

    // A paragraph cut by a column break continues in the next body paragraph.
    if (cut && isBody(b) && !b.heading && !cityHeading(b)) {
      cut.text += b.text;
      if (!TERMINAL.test(cut.text)) continue;
      cut = undefined;
      continue;
    }

    // A short line right above a headline is its 引题 (kicker).
    if (next?.heading && isShort(b) && !b.heading && !cityHeading(b) && !isByline(b)) {
      kicker = b.text;
      continue;
    }

    // A headline, with the 副题 below it.
    if (b.heading) {
      let subtitle: string | undefined;
      if (next && isShort(next) && !next.heading && !cityHeading(next) && next.text !== '编前语' && !isByline(next)) {
        subtitle = next.text;
        i++;
      }
      const interrupting = report !== undefined || cut !== undefined;
      const isCompilation = interrupting || /集锦/.test(subtitle ?? '') || blocks[i + 1]?.text === '编前语';
      const a: DraftArticle = {
        id: isCompilation
          ? 'compilation'
          : page.pieces.some((p) => p.type === 'article')
            ? `article-${++articleCount}`
            : 'lead',
        kind: isCompilation ? '报道集锦' : '要闻',
        title: b.text,
        byline: [],
        blocks: [],
        ...(kicker ? { kicker } : {}),
        ...(subtitle ? { subtitle } : {}),
      };
      kicker = undefined;
      if (interrupting) {
        // A box set into the column (the compilation's headline, 副题 and 编前语): it heads the
        // city reports, so it moves before the first of them; the cut report carries on after it.
        const at = firstReportIndex();
        page.pieces.splice(at >= 0 ? at : page.pieces.length, 0, { type: 'article', article: a });
        page.review.push(
          `the box headed 「${a.title}」 interrupts the column; it was moved before the city reports it heads, and the cut paragraph was joined with the first paragraph after the box — check the join`,
        );
      } else {
        closeReport();
        page.pieces.push({ type: 'article', article: a });
        article = a;
      }
      if (isCompilation) {
        compilation = a;
        for (const p of page.pieces) if (p.type === 'report') p.report.article = a.id;
        if (report) report.article = a.id;
      }
      continue;
    }

    if (b.text === '编前语' && next) {
      const note: DraftArticle = {
        id: 'editors-note',
        kind: '编前语',
        title: '编前语',
        byline: [],
        blocks: [{ kind: 'paragraph', text: next.text }],
        ...(compilation ? { partOf: compilation.id } : {}),
      };
      const at = page.pieces.findIndex((p) => p.type === 'article' && p.article === compilation);
      page.pieces.splice(at >= 0 ? at + 1 : page.pieces.length, 0, { type: 'article', article: note });
      i++;
      continue;
    }

    const ch = cityHeading(b);
    if (ch) {
      closeReport();
      report = {
        city: ch.city,
        headline: ch.headline,
        blocks: [],
        ...(compilation ? { article: compilation.id } : {}),
      };
      continue;
    }

    // A last block may hold a byline and a continuation note on two lines.
    const lines =
      b.lines.length > 1 && b.lines.some((l) => CONTINUATION.test(l))
        ? b.lines.map((l) => ({ lines: [l], text: l, heading: false }))
        : [b];
    for (const part of lines) {
      const cont = CONTINUATION.exec(part.text);
      if (cont?.[2]) {
        closeReport();
        page.pieces.push({ type: 'continuation', text: part.text, page: cont[2] });
        if (!page.referencedPages.includes(cont[2])) page.referencedPages.push(cont[2]);
      } else if (isByline(part) && (report || article)) {
        if (report) {
          report.reporter = part.text;
          closeReport();
        } else if (article) article.byline.push(...part.text.split(/\s+/));
      } else if (CREDIT.test(part.text) && article) {
        const caption = article.blocks.at(-1);
        if (caption?.kind === 'paragraph' && [...caption.text].length <= 80) {
          article.blocks.pop();
          article.blocks.push({ kind: 'photo', caption: caption.text, credit: part.text });
        } else pushParagraph(part.text);
      } else {
        const para = pushParagraph(part.text);
        if (isCut(part)) {
          cut = para;
          const following = blocks[i + 1];
          if (following && isBody(following) && !following.heading)
            para.review = '审校：此段由两段拼接（分栏断开处），请核对';
        }
        const dl = datelineOf(part.text);
        if (dl && article && !report && !article.dateline) article.dateline = dl;
        if (report && !report.venue) {
          const v = /在([^，。、\s]{4,30}?(?:开发区|示范区|园区))设立分会场/u.exec(part.text);
          if (v?.[1]) report.venue = v[1];
        }
      }
    }
  }
  closeReport();
  if (cut)
    page.review.push(`a paragraph ends mid-sentence and nothing on the page continues it: "…${cut.text.slice(-12)}"`);
  return page;
}
