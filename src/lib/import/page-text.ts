/**
 * Reads the plain-text extraction of a printed page (like the seed) into a draft issue:
 * masthead facts, articles with 引题/主题/副题, datelines and bylines, city reports, photos,
 * continuation notes. Joins the column breaks a human would join and says so in review notes
 * wherever the join is a guess. Pure: no file system, no Astro.
 */
import { cityByName, cityBySlug, type City, type CitySlug } from '#data/cities.ts';
import { normalizeText } from '#lib/extract/normalise.ts';
import { placeMentions, placeText, reportUnit, describeSubUnit, type SubUnit } from '#lib/extract/units.ts';

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
  /** Undefined when the text names only 我市 and no --city was given. */
  city: City | undefined;
  /** The county, district or zone the report is about, when it is not about the whole city. */
  place?: SubUnit;
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

const UNTITLED = '（无题）';
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

const isShort = (b: Block) => [...b.text].length <= 40 && !b.text.includes('。');
/** A name or two on their own: 张巨峰, 王媛, 李全明. */
const isByline = (b: Block) =>
  b.lines.length === 1 && /^[\p{Script=Han}·]{2,4}(\s+[\p{Script=Han}·]{2,4})?$/u.test(b.text) && b.text !== '编前语';
/** A body paragraph: prose with a comma or full stop, long enough not to be a heading line. */
const isBody = (b: Block) => !b.heading && /[，。、；]/u.test(b.text) && [...b.text].length > 15;
const isCut = (b: Block) => isBody(b) && !TERMINAL.test(b.text);

const CITY_LABEL = /^([^\s：:，。]{2,14}?)[：:]\s*(.*)$/u;
const isHeadlineLine = (l: string) => [...l].length <= 24 && !/[。；，]/u.test(l);

/**
 * A city report's heading: `城市：` and its two short lines, in one block (`忻州：` + line
 * breaks), with blank lines between (`大同：`, blank, the two lines), or on one line
 * (`晋城：签约项目12个 总投资35.6亿元`). `blocks` is how many blocks it takes.
 */
function cityHeading(all: Block[], i: number): { city: City; headline: string[]; blocks: number } | undefined {
  const b = all[i] as Block;
  const m = CITY_LABEL.exec(b.lines[0] ?? '');
  const city = m?.[1] ? cityByName(placeText(m[1])) : undefined;
  if (!m || !city) return undefined;
  const rest = (m[2] ?? '').trim();
  if (rest !== '') {
    if (!b.lines.every((l, k) => isHeadlineLine(k === 0 ? rest : l)) || [...rest].length > 40) return undefined;
    const parts = rest.split(/\s+/u);
    return { city, headline: [...(parts.length <= 3 ? parts : [rest]), ...b.lines.slice(1)].slice(0, 3), blocks: 1 };
  }
  if (b.lines.length >= 2) return { city, headline: b.lines.slice(1), blocks: 1 };
  const next = all[i + 1];
  if (next && !next.heading && next.lines.length <= 3 && next.lines.every(isHeadlineLine)) {
    return { city, headline: next.lines, blocks: 2 };
  }
  return { city, headline: [city.name], blocks: 1 };
}

function cnNumber(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 1) return CN_DIGITS[s];
  if (s.startsWith('十')) return 10 + (CN_DIGITS[s.slice(1)] ?? 0);
  return undefined;
}

function readMasthead(blocks: Block[], page: DraftPage): number {
  // Facts are kept only when the issue line is found: without it the short lines seen are not a masthead.
  const seen: DraftPage['masthead'] = { slogans: [] };
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i] as Block;
    const issue = /(\d{4})年第(\d{1,2})期/.exec(b.text);
    const guide = /^(.+?)\s*指导$/.exec(b.text);
    if (guide?.[1]) seen.guidedBy = guide[1];
    else if (issue) {
      page.year = Number(issue[1]);
      page.number = Number(issue[2]);
      const postal = /邮发代号[：:]\s*([\w-]+)/.exec(b.text);
      const email = /投稿邮箱[：:]\s*([\w.+-]+@[\w.-]+)/.exec(b.text);
      if (postal?.[1]) seen.postalCode = postal[1];
      if (email?.[1]) seen.email = email[1];
      page.masthead = seen;
      return i + 1;
    } else if (b.lines.length >= 2 && b.lines.every((l) => [...l].length <= 16 && !/[，。：:]/.test(l))) {
      seen.slogans.push(...b.lines);
    } else if (isBody(b)) break;
  }
  page.review.push('no masthead line `YYYY年第N期` found: give --year and --number');
  return 0;
}

/**
 * The rounds the text reports on: `全省开发区2024年第二次“三个一批”活动`, or as a city's report
 * may print it, `开发区2024年第二次“三个一批”活动` (the province's name is kept when both occur).
 * Read on simplified text; the name is taken as printed.
 */
function findRounds(raw: string, year: number | undefined, page: DraftPage): void {
  const text = normalizeText(raw);
  const byId = new Map<string, DraftRound>();
  const ROUND = /(全省)?开发区(\d{4})年第([一二三四五六七八九十\d]{1,3})(次|期)[“"]?三个一批[”"]?(?:项目)?(活动)?/gu;
  for (const m of text.matchAll(ROUND)) {
    const n = cnNumber(m[3] ?? '');
    if (!n) continue;
    const id = `${m[2]}-${n}`;
    const name = raw.slice(m.index, m.index + m[0].length);
    const known = byId.get(id);
    if (known && !(m[1] && !known.name.startsWith('全省'))) continue;
    const round: DraftRound = { id, name };
    const venue = /在([^，。、\s]{4,30}?)主会场/u.exec(raw);
    if (venue?.[1]) round.mainVenue = venue[1];
    const day = /科学导报讯\s*(\d{1,2})月(\d{1,2})日/.exec(text);
    if (day && (year === undefined || String(year) === m[2])) {
      round.date = `${m[2]}-${String(day[1]).padStart(2, '0')}-${String(day[2]).padStart(2, '0')}`;
    }
    byId.set(id, round);
  }
  for (const round of byId.values()) {
    if (round.date) {
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

export function parsePage(raw: string, options: ParseOptions = {}): DraftPage {
  const page: DraftPage = { masthead: { slogans: [] }, pieces: [], rounds: [], referencedPages: [], review: [] };
  const blocks = splitBlocks(raw);
  let i = readMasthead(blocks, page);
  markHeadlines(blocks, i);
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
      article = { id: `article-${++articleCount}`, kind: '要闻', title: UNTITLED, byline: [], blocks: [para] };
      page.pieces.push({ type: 'article', article });
    }
    return para;
  };

  for (; i < blocks.length; i++) {
    const b = blocks[i] as Block;
    const next = blocks[i + 1];

    // A paragraph cut by a column break continues in the next body paragraph.
    if (cut && isBody(b) && !b.heading && !cityHeading(blocks, i)) {
      cut.text += b.text;
      if (!TERMINAL.test(cut.text)) continue;
      cut = undefined;
      continue;
    }

    // A short line right above a headline is its 引题 (kicker).
    if (next?.heading && isShort(b) && !b.heading && !cityHeading(blocks, i) && !isByline(b)) {
      kicker = b.text;
      continue;
    }

    // A headline, with the 副题 below it.
    if (b.heading) {
      let subtitle: string | undefined;
      if (
        next &&
        isShort(next) &&
        !next.heading &&
        !cityHeading(blocks, i + 1) &&
        next.text !== '编前语' &&
        !isByline(next)
      ) {
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

    const ch = cityHeading(blocks, i);
    if (ch) {
      i += ch.blocks - 1;
      if (ch.headline.length === 1 && ch.headline[0] === ch.city.name) {
        page.review.push(
          `${ch.city.name}: the heading \`${ch.city.name}：\` has no headline lines under it; the city's name stands as its headline`,
        );
      }
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
  assignUnits(page, options);
  if (page.rounds.length === 0 && page.pieces.some((p) => p.type === 'report')) {
    page.review.push(
      'no round named as `开发区YYYY年第N次“三个一批”活动`: declare the round under rounds and give each report its id',
    );
  }
  return page;
}

const FIGURE = /\d+(?:\.\d+)?\s*(?:个|亿)|[一二三四五六七八九十两]+个项目/u;

/**
 * Which unit each article outside a compilation is about (src/lib/extract/units.ts): one about a
 * city, a place below a city or 我市 becomes that unit's report; in one about the province (or
 * no unit), each paragraph that opens with a city's name and states figures
 * (`太原市“三个一批”活动共推进项目38个…`) becomes that city's report, nested in the article.
 */
function assignUnits(page: DraftPage, options: ParseOptions): void {
  page.pieces = page.pieces.flatMap((piece): DraftPiece[] => {
    if (piece.type !== 'article' || piece.article.kind !== '要闻') return [piece];
    const a = piece.article;
    const titled = a.title !== UNTITLED;
    const headline = titled ? [a.kicker, a.title, a.subtitle].filter((l): l is string => l !== undefined) : [];
    const paragraphs = a.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
    const unit = reportUnit(headline, paragraphs[0] ?? '');
    // `X市“三个一批”活动…项目N个…` then `Y市…`: paragraphs of different cities are each that
    // city's report, never one merged report, whatever the first paragraph names.
    const cities = new Set(
      paragraphs
        .map(openingCity)
        .filter((c) => c !== undefined)
        .map((c) => c.slug),
    );
    if (unit === undefined || unit.kind === 'province' || cities.size >= 2) return [piece, ...cityParagraphs(a, page)];

    const name = titled ? `「${a.title}」` : 'the untitled text';
    const report: DraftCityReport = {
      city: undefined,
      headline: headline.length > 0 ? headline : [],
      blocks: a.blocks.flatMap((b): DraftParagraph[] =>
        b.kind === 'paragraph'
          ? [b]
          : [
              { kind: 'paragraph', text: b.caption },
              { kind: 'paragraph', text: b.credit },
            ],
      ),
      ...(a.byline[0] ? { reporter: a.byline[0] } : {}),
    };
    if (unit.kind === 'city') report.city = unit.city;
    else if (unit.kind === 'subUnit') {
      report.city = unit.place.city;
      report.place = unit.place;
      page.review.push(
        `${name} is about ${describeSubUnit(unit.place)}, a place below the city: its figures are ${unit.place.name}'s, part of ${unit.place.city.name}'s and never ${unit.place.city.name}'s round figures, so they are left out`,
      );
    } else if (options.city) {
      report.city = cityBySlug(options.city);
      page.review.push(
        `${name} names only 我市/本市: taken as ${report.city?.name ?? options.city} (--city ${options.city})`,
      );
    } else {
      page.review.push(
        `${name} names only 我市/本市, not which city: give --city <slug> (the draft's city is TODO until then)`,
      );
    }
    if (report.headline.length === 0) {
      report.headline = [report.place?.name ?? report.city?.name ?? '我市'];
      page.review.push(`${name} has no headline; the unit's name stands as the report's headline`);
    }
    return [{ type: 'report', report }];
  });
}

/**
 * The city a paragraph opens with when it states figures: its name first, after at most an
 * enumeration mark (`一是`, `（一）`). A 片区 named after a city is not the city.
 */
function openingCity(paragraph: string): City | undefined {
  const text = placeText(paragraph);
  if (!FIGURE.test(text)) return undefined;
  const first = placeMentions(text)[0];
  if (
    !first ||
    first.unit.kind !== 'city' ||
    !/^(?:[一二三四五六七八九十]是|[(（][一二三四五六七八九十]+[)）])?[，、\s]*$/u.test(text.slice(0, first.index))
  )
    return undefined;
  return first.unit.city;
}

/** Paragraphs of a province article that are each one city's report; they leave the article. */
function cityParagraphs(a: DraftArticle, page: DraftPage): DraftPiece[] {
  const out: DraftPiece[] = [];
  a.blocks = a.blocks.filter((b) => {
    if (b.kind !== 'paragraph') return true;
    const city = openingCity(b.text);
    if (!city) return true;
    out.push({
      type: 'report',
      report: { city, headline: [city.name], article: a.id, blocks: [b] },
    });
    return false;
  });
  if (out.length > 0) {
    page.review.push(
      `「${a.title}」: ${out.length} paragraphs that each open with a city's name became that city's report; their headline is the city's name, give the printed one if there is one`,
    );
  }
  return out;
}
