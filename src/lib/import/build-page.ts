/**
 * The structure step both importers share: a page's blocks with their roles (role-blocks.ts),
 * in reading order, → the draft page (draft.ts). Headlines open articles (a 报道集锦 when a
 * `——…报道集锦` 副题 or an 编前语 follows), `城市：` headings open city reports, bylines close
 * them, captions and credits make photos, continuation notes name the page a story goes on.
 * A box set into a column (a headline while a report is still open) heads the reports, so it
 * moves before them. Where the text importer had to guess that a paragraph cut by a column
 * break goes on in the next one, it joins them and says so; the PDF importer's blocks come
 * joined by the page's geometry. Pure.
 */
import type { DraftArticle, DraftCityReport, DraftPage, DraftParagraph, DraftPhoto, ParseOptions } from './draft.ts';
import { UNTITLED } from './draft.ts';
import { findRounds, readMasthead } from './page-facts.ts';
import { assignUnits } from './report-units.ts';
import type { RoleBlock } from './role-blocks.ts';
import { union, type PlacedRect } from './rect.ts';
import { CONTINUATION, CREDIT, TERMINAL, isProse, readCityHeading } from './text-forms.ts';

export interface BuildOptions extends ParseOptions {
  /** The page's whole text, where the rounds are read. */
  source: string;
  /**
   * `guess`: a paragraph that ends mid-sentence goes on in the next body paragraph, marked
   * for review (plain text has no other clue). `given`: the blocks come joined (PDF geometry).
   */
  joins: 'guess' | 'given';
}

const datelineOf = (text: string) => /^(科学导报讯\s*(?:\d{1,2}月\d{1,2}日)?)/.exec(text)?.[1]?.trim();

/** The walk over the blocks: what is open (article, report, compilation, a cut paragraph). */
class PageWalk {
  article: DraftArticle | undefined;
  report: DraftCityReport | undefined;
  compilation: DraftArticle | undefined;
  cut: DraftParagraph | undefined;
  kicker: RoleBlock | undefined;
  photo: PlacedRect | undefined;
  articleCount = 0;

  readonly page: DraftPage;
  readonly options: BuildOptions;

  constructor(page: DraftPage, options: BuildOptions) {
    this.page = page;
    this.options = options;
  }

  /** The photo's box in its piece's rects: its caption and credit are read as part of it. */
  photoBox: PlacedRect | undefined;

  /** A caption's or credit's box joins its photo's, so the photo, caption and credit are one region. */
  placeUnderPhoto(b: RoleBlock): void {
    const box = this.photoBox;
    if (!box || !b.rects?.length) return this.place(this.current, b);
    for (const r of b.rects) Object.assign(box, union(box, r));
  }

  /** Where a block is printed goes with the piece it belongs to (PDF import). */
  place(piece: { rects?: PlacedRect[]; printedOn?: string } | undefined, b: RoleBlock | undefined): void {
    if (!piece || !b?.rects?.length) return;
    const page = b.page ?? '';
    if (b.page) piece.printedOn ??= b.page;
    (piece.rects ??= []).push(...b.rects.map((r) => ({ ...r, page })));
  }

  closeReport(): void {
    if (this.report) this.page.pieces.push({ type: 'report', report: this.report });
    this.report = undefined;
  }

  pushParagraph(text: string): DraftParagraph {
    const para: DraftParagraph = { kind: 'paragraph', text };
    if (this.report) this.report.blocks.push(para);
    else if (this.article) this.article.blocks.push(para);
    else {
      this.page.review.push(`text before any headline was kept in an untitled article: "${text.slice(0, 20)}…"`);
      this.article = {
        id: `article-${++this.articleCount}`,
        kind: '要闻',
        title: UNTITLED,
        byline: [],
        blocks: [para],
      };
      this.page.pieces.push({ type: 'article', article: this.article });
    }
    return para;
  }

  /** The piece text goes into now: the open report, else the open article. */
  get current(): { rects?: PlacedRect[]; printedOn?: string } | undefined {
    return this.report ?? this.article;
  }
}

/** A paragraph cut by a column break (text import) continues in the next body paragraph. */
function joinCut(w: PageWalk, b: RoleBlock): boolean {
  if (!w.cut || b.role === 'title' || b.role === 'cityHeading' || !isProse(b)) return false;
  w.cut.text += b.text;
  if (TERMINAL.test(w.cut.text)) w.cut = undefined;
  return true;
}

/** A headline with its 引题 (already seen) and 副題 (the next block): a new article, or a box. */
function openHeadline(w: PageWalk, b: RoleBlock, subtitleBlock: RoleBlock | undefined, after: RoleBlock | undefined) {
  const { page } = w;
  const subtitle = subtitleBlock?.text;
  const interrupting = w.report !== undefined || w.cut !== undefined;
  const isCompilation = interrupting || /集锦/.test(subtitle ?? '') || after?.text === '编前语';
  const kicker = w.kicker?.text;
  const a: DraftArticle = {
    id: isCompilation
      ? 'compilation'
      : page.pieces.some((p) => p.type === 'article')
        ? `article-${++w.articleCount}`
        : 'lead',
    kind: isCompilation ? '报道集锦' : '要闻',
    title: b.text,
    byline: [],
    blocks: [],
    ...(kicker ? { kicker } : {}),
    ...(subtitle ? { subtitle } : {}),
  };
  w.place(a, w.kicker);
  w.place(a, b);
  w.place(a, subtitleBlock);
  w.kicker = undefined;
  if (interrupting) {
    // A box set into the column (the compilation's headline, 副题 and 编前语): it heads the
    // city reports, so it moves before the first of them; the cut report carries on after it.
    const at = page.pieces.findIndex((p) => p.type === 'report');
    page.pieces.splice(at >= 0 ? at : page.pieces.length, 0, { type: 'article', article: a });
    page.review.push(
      w.options.joins === 'guess'
        ? `the box headed 「${a.title}」 interrupts the column; it was moved before the city reports it heads, and the cut paragraph was joined with the first paragraph after the box — check the join`
        : `the box headed 「${a.title}」 is set into a report's column; it was moved before the city reports it heads`,
    );
  } else {
    w.closeReport();
    page.pieces.push({ type: 'article', article: a });
    w.article = a;
  }
  if (isCompilation) {
    w.compilation = a;
    for (const p of page.pieces) if (p.type === 'report') p.report.article = a.id;
    if (w.report) w.report.article = a.id;
  }
}

/** `编前语` and its text: the compilation's editor's note, placed right after it. */
function openNote(w: PageWalk, label: RoleBlock, text: RoleBlock) {
  const note: DraftArticle = {
    id: 'editors-note',
    kind: '编前语',
    title: '编前语',
    byline: [],
    blocks: [{ kind: 'paragraph', text: text.text }],
    ...(w.compilation ? { partOf: w.compilation.id } : {}),
  };
  w.place(note, label);
  w.place(note, text);
  const at = w.page.pieces.findIndex((p) => p.type === 'article' && p.article === w.compilation);
  w.page.pieces.splice(at >= 0 ? at + 1 : w.page.pieces.length, 0, { type: 'article', article: note });
}

/** `城市：` and its lines: a new city report in the open compilation. */
function openCityReport(w: PageWalk, b: RoleBlock): void {
  const ch = readCityHeading(b);
  if (!ch) return;
  if (ch.headline.length === 1 && ch.headline[0] === ch.city.name) {
    w.page.review.push(
      `${ch.city.name}: the heading \`${ch.city.name}：\` has no headline lines under it; the city's name stands as its headline`,
    );
  }
  w.closeReport();
  w.report = {
    city: ch.city,
    headline: ch.headline,
    blocks: [],
    ...(w.compilation ? { article: w.compilation.id } : {}),
  };
  w.place(w.report, b);
}

/** A photo's caption (PDF import): the photo goes into the article where it stands. */
function addCaption(w: PageWalk, b: RoleBlock): void {
  if (w.article && !w.report) {
    const photo: DraftPhoto = { kind: 'photo', caption: b.text, credit: '', ...(w.photo ? { rect: w.photo } : {}) };
    w.article.blocks.push(photo);
  } else w.pushParagraph(b.text);
  w.placeUnderPhoto(b);
  w.photo = undefined;
}

/** A credit: under a caption it makes the photo; elsewhere it is text. */
function addCredit(w: PageWalk, b: RoleBlock): void {
  const { article } = w;
  const last = article?.blocks.at(-1);
  if (last?.kind === 'photo' && last.credit === '') last.credit = b.text;
  else if (last?.kind === 'paragraph' && [...last.text].length <= 80 && article) {
    article.blocks.pop();
    article.blocks.push({ kind: 'photo', caption: last.text, credit: b.text });
  } else w.pushParagraph(b.text);
  w.placeUnderPhoto(b);
  w.photoBox = undefined;
}

/** A paragraph of text: the dateline and a report's venue are read from it; a cut is noted. */
function addBody(w: PageWalk, b: RoleBlock, next: RoleBlock | undefined): void {
  const para = w.pushParagraph(b.text);
  w.place(w.current, b);
  if (w.options.joins === 'guess' && isProse(b) && !TERMINAL.test(b.text)) {
    w.cut = para;
    if (next && isProse(next) && next.role !== 'title') para.review = '审校：此段由两段拼接（分栏断开处），请核对';
  }
  const dl = datelineOf(b.text);
  if (dl && w.article && !w.report && !w.article.dateline) w.article.dateline = dl;
  if (w.report && !w.report.venue) {
    const v = /在([^，。、\s]{4,30}?(?:开发区|示范区|园区))设立分会场/u.exec(b.text);
    if (v?.[1]) w.report.venue = v[1];
  }
}

export function buildPage(blocks: RoleBlock[], options: BuildOptions): DraftPage {
  const page: DraftPage = { masthead: { slogans: [] }, pieces: [], rounds: [], referencedPages: [], review: [] };
  readMasthead(blocks, page);
  findRounds(options.source, page.year, page);
  const w = new PageWalk(page, options);
  let i = blocks.findIndex((b) => b.role !== 'masthead');
  if (i < 0) i = blocks.length;

  for (; i < blocks.length; i++) {
    const b = blocks[i] as RoleBlock;
    const next = blocks[i + 1];
    if (options.joins === 'guess' && joinCut(w, b)) continue;
    switch (b.role) {
      case 'masthead':
        break;
      case 'kicker':
        w.kicker = b;
        break;
      case 'title': {
        const subtitle = next?.role === 'subtitle' ? next : undefined;
        if (subtitle) i++;
        openHeadline(w, b, subtitle, blocks[i + 1]);
        break;
      }
      case 'noteLabel':
        if (next) {
          openNote(w, b, next);
          i++;
        } else addBody(w, b, next);
        break;
      case 'cityHeading':
        openCityReport(w, b);
        break;
      case 'continuation': {
        const cont = CONTINUATION.exec(b.text);
        // The note is printed under the story it continues (the report its byline closed, or the
        // open article): part of that story's place on the page.
        const last = page.pieces.at(-1);
        w.place(w.report ?? (last?.type === 'report' ? last.report : w.article), b);
        w.closeReport();
        if (cont?.[2]) {
          page.pieces.push({ type: 'continuation', text: b.text, page: cont[2] });
          if (!page.referencedPages.includes(cont[2])) page.referencedPages.push(cont[2]);
        }
        break;
      }
      case 'byline':
        if (w.report) {
          w.report.reporter = b.text;
          w.place(w.report, b);
          w.closeReport();
        } else if (w.article) {
          w.article.byline.push(...b.text.split(/\s+/));
          w.place(w.article, b);
        } else addBody(w, b, next);
        break;
      case 'photo':
        w.photo = b.rects?.[0] && { ...b.rects[0], page: b.page ?? '' };
        w.place(w.current, b);
        w.photoBox = w.current?.rects?.at(-1);
        break;
      case 'caption':
        addCaption(w, b);
        break;
      case 'credit':
        if (w.article && CREDIT.test(b.text)) addCredit(w, b);
        else addBody(w, b, next);
        break;
      default:
        addBody(w, b, next);
    }
  }
  w.closeReport();
  if (w.cut)
    page.review.push(`a paragraph ends mid-sentence and nothing on the page continues it: "…${w.cut.text.slice(-12)}"`);
  assignUnits(page, options);
  if (page.rounds.length === 0 && page.pieces.some((p) => p.type === 'report')) {
    page.review.push(
      'no round named as `开发区YYYY年第N次“三个一批”活动`: declare the round under rounds and give each report its id',
    );
  }
  return page;
}
