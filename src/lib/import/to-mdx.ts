/**
 * Writes a draft page (src/lib/import/draft.ts) as an issue MDX file: front-matter with
 * the figures the extractor found, body with the components editors use, text escaped so
 * MDX reads it as text, and review notes as MDX comments where the importer guessed.
 */
import { stringify } from 'yaml';
import { FIGURE_PARTS, type RoundFigures } from '#schemas/figures.ts';
import type { Region } from '#schemas/page.ts';
import { speaksOfProvinceRound } from '#lib/extract/round.ts';

const FIGURE_LIKE = /\d\s*(?:个|個|亿|億)/u;
import type { DraftArticle, DraftBlock, DraftCityReport, DraftPage } from './draft.ts';

export interface FigureReader {
  /** Figures stated in one city report's text (its heading lines and body). */
  report: (text: string) => { figures: RoundFigures; review: string[] };
  /** Province-wide figures stated in the lead article. */
  province: (text: string) => { figures: RoundFigures; review: string[] };
}

export interface RenderOptions {
  year: number;
  number: number;
  /** The page (版) the text is from; the extraction does not print it. */
  page: string;
  /** The pages as the front-matter lists them, with scan and regions (PDF import); default `[page]`. */
  pages?: { id: string; scan?: string; regions?: Region[] }[];
  figures: FigureReader;
}

/** Escape what Markdown or MDX would read as syntax, so the text renders exactly as typed. */
export function escapeMdxText(text: string): string {
  return text
    .replace(/[\\`*_{}[\]<>|~]/g, (c) => `\\${c}`)
    .replace(
      /^(\s*)([#>+-]|\d+[.)])(?=\s|$)/,
      (_m, sp: string, mark: string) => `${sp}${mark.replace(/([#>+\-.)])$/, '\\$1')}`,
    )
    .replace(/&/g, '&amp;');
}

/** Batches in the paper's order (签约, 开工, 投产, 合计), whatever order the extractor found them in. */
function inPaperOrder(f: RoundFigures): RoundFigures {
  const out: RoundFigures = {};
  for (const part of FIGURE_PARTS) {
    const batch = f[part];
    if (batch) out[part] = batch;
  }
  return out;
}

/** The city slug written for a report; `TODO` (which the check refuses) when the text names only 我市. */
const slugOf = (r: DraftCityReport) => r.city?.slug ?? 'TODO';
const nameOf = (r: DraftCityReport) => r.place?.name ?? r.city?.name ?? '我市';

const comment = (note: string) => `{/* ${note.replace(/\*\//g, '* /')} */}`;
const reportText = (r: DraftCityReport) => [...r.headline, ...r.blocks.map((b) => b.text)].join('\n');

/** A caption as an attribute value: one line, no quotes or braces MDX would read. */
const attribute = (text: string) => text.replace(/\s+/g, ' ').replace(/["{}<>&]/g, (c) => `&#${c.charCodeAt(0)};`);

function renderBlock(b: DraftBlock): string {
  if (b.kind === 'photo') {
    // A photo cut out of the page's PDF shows itself; its caption says what it shows.
    const open = b.src ? `<Photo src="${b.src}" alt="${attribute(b.caption)}">` : '<Photo>';
    const lines = [b.caption, b.credit].filter((l) => l !== '').map(escapeMdxText);
    return [open, ...lines, '</Photo>'].join('\n\n');
  }
  return `${b.review ? `${comment(b.review)}\n` : ''}${escapeMdxText(b.text)}`;
}

const wrap = (open: string, inner: string[], close: string) => [open, ...inner, close].join('\n\n');

/**
 * The MDX body: a `<Page>` per page holding its articles; a compilation holds its 编前语,
 * reports and notes. A piece goes on the page it starts on (`printedOn`), else on `pageId`.
 */
function renderBody(page: DraftPage, pageId: string): string {
  const out: { page: string; text: string }[] = [];
  // An article holds the reports that name it: a 报道集锦, or a province article split by city.
  const containers = new Set(
    page.pieces.flatMap((p) => (p.type === 'report' && p.report.article ? [p.report.article] : [])),
  );
  let compilation: { open: string; inner: string[]; page: string } | undefined;
  let current = pageId;
  const flush = () => {
    if (compilation)
      out.push({ page: compilation.page, text: wrap(compilation.open, compilation.inner, '</Article>') });
    compilation = undefined;
  };
  const push = (text: string) => (compilation ? compilation.inner.push(text) : out.push({ page: current, text }));
  for (const piece of page.pieces) {
    if (piece.type === 'article') {
      const a = piece.article;
      const inner = a.blocks.map(renderBlock);
      if (a.kind === '报道集锦' || containers.has(a.id)) {
        flush();
        current = a.printedOn ?? current;
        compilation = { open: `<Article id="${a.id}">`, inner, page: current };
      } else if (a.partOf && compilation) compilation.inner.push(wrap(`<Article id="${a.id}">`, inner, '</Article>'));
      else {
        flush();
        current = a.printedOn ?? current;
        out.push({ page: current, text: wrap(`<Article id="${a.id}">`, inner, '</Article>') });
      }
    } else if (piece.type === 'report') {
      const r = piece.report;
      if (!compilation) current = r.printedOn ?? current;
      push(wrap(`<CityReport city="${slugOf(r)}">`, r.blocks.map(renderBlock), '</CityReport>'));
    } else push(escapeMdxText(piece.text));
  }
  flush();
  const pages: { page: string; texts: string[] }[] = [];
  for (const { page: id, text } of out) {
    const last = pages.at(-1);
    if (last?.page === id) last.texts.push(text);
    else pages.push({ page: id, texts: [text] });
  }
  if (pages.length === 0) pages.push({ page: pageId, texts: [] });
  return pages.map((p) => wrap(`<Page id="${p.page}">`, p.texts, '</Page>')).join('\n\n');
}

function articleMeta(a: DraftArticle, page: string) {
  return {
    id: a.id,
    page,
    kind: a.kind,
    ...(a.kicker ? { kicker: a.kicker } : {}),
    title: a.title,
    ...(a.subtitle ? { subtitle: a.subtitle } : {}),
    ...(a.dateline ? { dateline: a.dateline } : {}),
    ...(a.byline.length ? { byline: a.byline } : {}),
    ...(a.partOf ? { partOf: a.partOf } : {}),
  };
}

export interface RenderedIssue {
  mdx: string;
  /** Review notes gathered from structure and figures, also written into the file. */
  review: string[];
  /** The extracted figures, in the batch shape of /data/city-reports.json. */
  figures: { reports: ({ city: string; county?: string } & RoundFigures)[]; province: RoundFigures };
}

export function renderIssueMdx(page: DraftPage, opts: RenderOptions): RenderedIssue {
  const review = [...page.review];
  const articles = page.pieces.flatMap((p) => (p.type === 'article' ? [p.article] : []));
  const reports = page.pieces.flatMap((p) => (p.type === 'report' ? [p.report] : []));
  const lead = articles.find((a) => a.kind === '要闻');
  const leadText = lead ? lead.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : [])).join('\n') : '';
  // The province's figures only where the text speaks of the province's round (`全省开发区…
  // “三个一批”活动`): an article that names no unit is no province report.
  const speaksOfProvince =
    lead !== undefined && speaksOfProvinceRound([lead.kicker, lead.title, lead.subtitle, leadText].join('\n'));
  const province = speaksOfProvince ? opts.figures.province(leadText) : { figures: {}, review: [] };
  if (lead && !speaksOfProvince && FIGURE_LIKE.test(leadText)) {
    review.push(
      `「${lead.title}」 does not speak of the province's round (全省…“三个一批”): none of its figures is taken for 全省`,
    );
  }
  review.push(...province.review.map((r) => `全省: ${r}`));
  const provinceFigures = inPaperOrder(province.figures);
  const round = page.rounds[0];
  const cityReports = reports.map((r) => {
    // A county's or zone's report: its figures are never the city's (the review says so).
    if (r.place) return { r, figures: {} };
    const { figures, review: notes } = opts.figures.report(reportText(r));
    review.push(...notes.map((n) => `${nameOf(r)}: ${n}`));
    return { r, figures: inPaperOrder(figures) };
  });

  const frontmatter = {
    year: opts.year,
    number: opts.number,
    masthead: page.masthead,
    pages: opts.pages ?? [opts.page],
    missingPages: page.referencedPages.filter((p) => !(opts.pages?.map((q) => q.id) ?? [opts.page]).includes(p)),
    rounds: page.rounds.map((r) => ({ ...r, province: round && r.id === round.id ? provinceFigures : {} })),
    articles: articles.map((a) => articleMeta(a, a.printedOn ?? opts.page)),
    cityReports: cityReports.map(({ r, figures }) => ({
      city: slugOf(r),
      ...(round ? { round: round.id } : {}),
      ...(r.article ? { article: r.article } : {}),
      headline: r.headline,
      ...(r.venue ? { venue: r.venue } : {}),
      ...(r.reporter ? { reporter: r.reporter } : {}),
      ...figures,
    })),
  };
  const header = [
    `# Draft made by \`npm run import\` from the page text; review it, then \`npm run check\`.`,
    `# Figures were read from the text by the figure extractor: store only what the text states.`,
    ...review.map((r) => `# REVIEW: ${r}`),
  ].join('\n');
  const yaml = stringify(frontmatter, { lineWidth: 0, flowCollectionPadding: true });
  const mdx = `---\n${header}\n${yaml}---\n\n${renderBody(page, opts.page)}\n`;
  return {
    mdx,
    review,
    figures: {
      reports: cityReports.map(({ r, figures }) => ({
        city: slugOf(r),
        ...(r.place ? { county: r.place.name } : {}),
        ...figures,
      })),
      province: provinceFigures,
    },
  };
}
