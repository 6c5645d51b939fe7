import { z } from 'astro/zod';
import { cityName } from '#data/cities.ts';
import { ArticleSchema } from './article.ts';
import { CityReportSchema } from './city-report.ts';
import { PartialDateSchema } from './date.ts';
import { PageIdSchema, PageSchema } from './page.ts';
import { NamedProjectSchema } from './project.ts';
import { RoundSchema } from './round.ts';

/** Masthead facts printed at the top of page 1. */
export const MastheadSchema = z.strictObject({
  /** 指导单位. */
  guidedBy: z.string().optional(),
  /** 邮发代号 (postal distribution code). */
  postalCode: z.string().optional(),
  /** 投稿邮箱. */
  email: z.string().optional(),
  /** Slogans printed under the title. */
  slogans: z.array(z.string()).default([]),
});

/** One issue (期) of 《开发区建设》专刊: the front-matter of `content/issues/YYYY-NN.mdx`. */
export const IssueSchema = z
  .strictObject({
    /** Year of the issue. */
    year: z.number({ error: 'expected the year as a number, e.g. 2024' }).int().min(2000).max(2100),
    /** Number within the year: 第18期 → 18. */
    number: z.number({ error: 'expected the issue number as a number, e.g. 18' }).int().min(1).max(99),
    /** Publication date, as precise as a source states it; left out when unknown. */
    date: PartialDateSchema.optional(),
    /** The newspaper the special edition is printed in. */
    publication: z.string().default('科学导报'),
    masthead: MastheadSchema.default({ slogans: [] }),
    /** The pages (版) of this issue held in the archive, each with its scan and regions when it has them. */
    pages: z.array(PageSchema).min(1, { error: 'list at least one archived page (版), e.g. [D1]' }),
    /** Pages the text refers to that the archive does not hold (e.g. D3 from `(下转D3版)`). */
    missingPages: z.array(PageIdSchema).default([]),
    /** "三个一批" rounds this issue reports on. */
    rounds: z.array(RoundSchema).default([]),
    articles: z.array(ArticleSchema).default([]),
    cityReports: z.array(CityReportSchema).default([]),
    projects: z.array(NamedProjectSchema).default([]),
    /** Marks an issue made up for tests or benchmarks; such issues never ship in content/. */
    synthetic: z.boolean().default(false),
  })
  .superRefine((issue, ctx) => {
    const anchors = new Map<string, string>();
    const claim = (id: string, what: string, path: (string | number)[]) => {
      const prior = anchors.get(id);
      if (prior) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: `anchor "${id}" of ${what} is already used by ${prior}; give one of them its own id`,
        });
      } else anchors.set(id, what);
    };
    issue.articles.forEach((a, i) => claim(a.id, `articles[${i}]`, ['articles', i, 'id']));
    const roundIds = new Set(issue.rounds.map((r) => r.id));
    const articleIds = new Set(issue.articles.map((a) => a.id));
    issue.cityReports.forEach((r, i) => {
      const name = cityName(r.city);
      claim(r.id ?? r.city, `cityReports[${i}] ${name}`, ['cityReports', i, r.id ? 'id' : 'city']);
      if (!roundIds.has(r.round)) {
        ctx.addIssue({
          code: 'custom',
          path: ['cityReports', i, 'round'],
          message: `${name} reports on round "${r.round}", which this issue does not declare under rounds (declared: ${[...roundIds].join(', ') || 'none'})`,
        });
      }
      if (r.article && !articleIds.has(r.article)) {
        ctx.addIssue({
          code: 'custom',
          path: ['cityReports', i, 'article'],
          message: `${name} belongs to article "${r.article}", which is not under articles`,
        });
      }
    });
    const pageIds = issue.pages.map((p) => p.id);
    issue.articles.forEach((a, i) => {
      if (!pageIds.includes(a.page)) {
        ctx.addIssue({
          code: 'custom',
          path: ['articles', i, 'page'],
          message: `article "${a.id}" is on page ${a.page}, which is not listed under pages (${pageIds.join(', ')})`,
        });
      }
      if (a.partOf && !articleIds.has(a.partOf)) {
        ctx.addIssue({
          code: 'custom',
          path: ['articles', i, 'partOf'],
          message: `article "${a.id}" is part of "${a.partOf}", which is not under articles`,
        });
      }
    });
    // A page (版) is listed once, archived or missing: twice, the page list would show it twice.
    const listed = new Map<string, string>();
    const listOnce = (id: string, where: string, path: (string | number)[]) => {
      const prior = listed.get(id);
      if (prior) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: `page ${id} is already listed as ${prior}; list each page (版) once, under pages when the archive holds it, else under missingPages`,
        });
      } else listed.set(id, where);
    };
    issue.pages.forEach((p, i) => listOnce(p.id, `pages[${i}]`, ['pages', i]));
    issue.missingPages.forEach((id, i) => listOnce(id, `missingPages[${i}]`, ['missingPages', i]));
    const pieces = [...articleIds, ...issue.cityReports.map((r) => r.id ?? r.city)];
    issue.pages.forEach((page, i) => {
      if (page.regions.length > 0 && page.scan === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['pages', i, 'regions'],
          message: `page ${page.id} has regions but no scan to draw them on; add scan: ./${issueKey(issue)}/${page.id}.jpg or remove the regions`,
        });
      }
      page.regions.forEach((r, j) => {
        if (!pieces.includes(r.of)) {
          ctx.addIssue({
            code: 'custom',
            path: ['pages', i, 'regions', j, 'of'],
            message: `"${r.of}" is not an article or city report of this issue; expected one of: ${pieces.join(', ')}`,
          });
        }
      });
    });
    issue.projects.forEach((p, i) => {
      if (p.round && !roundIds.has(p.round)) {
        ctx.addIssue({
          code: 'custom',
          path: ['projects', i, 'round'],
          message: `project "${p.name}" names round "${p.round}", which this issue does not declare`,
        });
      }
    });
  });

export type Issue = z.infer<typeof IssueSchema>;
export type IssueInput = z.input<typeof IssueSchema>;

/** `2024-18`: the issue's stable key in file names, open data and search filters. */
export const issueKey = (i: Pick<Issue, 'year' | 'number'>) => `${i.year}-${String(i.number).padStart(2, '0')}`;
/** `2024年第18期` as printed. */
export const issueLabel = (i: Pick<Issue, 'year' | 'number'>) => `${i.year}年第${i.number}期`;

/** How pages, search and open data name an issue, in one order: key, year, number, label, date when known. */
export const issueIdentity = (i: Pick<Issue, 'year' | 'number' | 'date'>) => ({
  key: issueKey(i),
  year: i.year,
  number: i.number,
  label: issueLabel(i),
  ...(i.date === undefined ? {} : { date: i.date }),
});
