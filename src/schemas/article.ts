import { z } from 'astro/zod';
import { AnchorIdSchema } from './city-report.ts';

/** Kinds of article the paper prints. */
export const ARTICLE_KINDS = ['要闻', '报道集锦', '编前语', '城市报道', '通讯', '评论', '图片新闻', '资讯'] as const;

/** One article's metadata; its text is the body of `<Article id="…">` in the MDX. */
export const ArticleSchema = z.strictObject({
  /** Anchor id on the issue page (`#lead`). */
  id: AnchorIdSchema,
  /** The 版 it is printed on (`D1`). */
  page: z.string().regex(/^[A-Z]{1,2}\d{1,2}$/, { error: 'expected a page (版) like "D1"' }),
  /** What sort of piece it is. */
  kind: z.enum(ARTICLE_KINDS, {
    error: `expected one of the kinds ${ARTICLE_KINDS.join(' / ')}`,
  }),
  /** 引题: the kicker line above the headline. */
  kicker: z.string().optional(),
  /** 主题: the headline. */
  title: z.string().min(1, { error: 'an article needs its 主题 (headline)' }),
  /** 副题: the line below the headline. */
  subtitle: z.string().optional(),
  /** The dateline as printed (`科学导报讯 5月10日`). */
  dateline: z.string().optional(),
  /** Reporter(s) named at the end of the article. */
  byline: z.array(z.string().min(1)).default([]),
  /** Id of the article this one sits in (an 编前语 inside its 报道集锦). */
  partOf: AnchorIdSchema.optional(),
});

export type Article = z.infer<typeof ArticleSchema>;
export type ArticleKind = Article['kind'];
