/**
 * The file `npm run new-issue` writes: a valid skeleton (year, number, one page) with every
 * other field explained in a commented-out example. The check fails on it until the page's
 * text is pasted in, and on any placeholder left in an uncommented example, so a template
 * is never published as an issue.
 */

import { PLACEHOLDER } from '#schemas/placeholder.ts';

/** `content/issues/2024-19.mdx` for 2024年第19期. */
export const issueFileName = (year: number, number: number) => `${year}-${String(number).padStart(2, '0')}.mdx`;

export function scaffoldIssue(year: number, number: number): string {
  const T = PLACEHOLDER;
  return `---
# 《开发区建设》专刊 ${year}年第${number}期, created by \`npm run new-issue -- ${year} ${number}\`.
# Write what the printed page states and nothing else: leave out a field the page does not give.
# The examples below are commented out: uncomment a block (your editor's toggle-comment), replace
# every ${T} with what the page prints, delete the lines the page does not give, and run
# \`npm run check\` until it prints ok. A complete example: content/issues/2024-18.mdx.

# The issue as printed: ${year}年第${number}期. One file per issue.
year: ${year}
number: ${number}

# Publication date, only as precise as a source states it: "2024", "2024-05" or "2024-05-10", in quotes.
# date: "${T}"

# The newspaper the special edition is printed in.
publication: 科学导报

# Masthead facts printed at the top of the first page.
# masthead:
#   guidedBy: ${T}            # 指导单位, e.g. 山西省商务厅
#   postalCode: ${T}          # 邮发代号, e.g. 21-465
#   email: ${T}               # 投稿邮箱, e.g. kfjzsk@163.com
#   slogans: [${T}, ${T}]     # the slogans under the title, e.g. [打造开发区建设升级版, 决胜高质量发展新战场]

# Pages (版) of this issue held in the archive; each is a <Page id="…"> in the text below.
pages: [D1]
# Pages the text refers to that the archive does not hold, e.g. [D3] for (下转D3版).
# missingPages: [${T}]

# The "三个一批" rounds this issue reports on (签约一批 / 开工一批 / 投产一批).
# rounds:
#   - id: "${T}"              # YEAR-N: 2024年第二次 → 2024-2, 2021年第一期 → 2021-1
#     name: ${T}              # as printed, e.g. 全省开发区2024年第二次“三个一批”活动
#     date: "${T}"            # the day it was held, e.g. "2024-05-10"
#     mainVenue: ${T}         # 主会场, e.g. 晋城经济技术开发区
#     province:               # the province's figures: projects (个), investment and expectedOutput (亿元)
#       signed: { projects: ${T}, investment: ${T}, expectedOutput: ${T} }
#       started: { projects: ${T}, investment: ${T}, expectedOutput: ${T} }
#       producing: { projects: ${T}, investment: ${T}, expectedOutput: ${T} }
#       total: { projects: ${T}, investment: ${T}, expectedOutput: ${T} }
#     sources: { ${T}: ${T} }  # only when the check asks: which clause states a figure printed twice,
#                             # e.g. { signed.projects: 共签约项目198个 }

# Articles, in the order printed; each is an <Article id="…"> in the text below.
# articles:
#   - id: ${T}                # anchor of a-z, 0-9 and -, e.g. lead
#     page: D1                # the page (版) it is printed on, listed under pages
#     kind: ${T}              # 要闻 / 报道集锦 / 编前语 / 城市报道 / 通讯 / 评论 / 图片新闻 / 资讯
#     kicker: ${T}            # 引题: the line above the headline
#     title: ${T}             # 主题: the headline
#     subtitle: ${T}          # 副题: the line below the headline
#     dateline: ${T}          # as printed, e.g. 科学导报讯 5月10日
#     byline: [${T}]          # the reporter(s) named at the end
#     partOf: ${T}            # the id of the article it sits in (an 编前语 in its 报道集锦)

# City reports of a 报道集锦; each is a <CityReport city="…"> in the text below. Figures:
# projects (个) a whole number; investment and expectedOutput (预计年产值) in 亿元, a plain number
# without unit (70.05). Give only the batches and figures the text states; a stated total whose
# parts are all stated must add up.
# cityReports:
#   - city: ${T}              # taiyuan datong shuozhou xinzhou yangquan jinzhong changzhi jincheng linfen yuncheng lvliang zonggai
#     id: ${T}                # only when the issue has two reports of one city
#     round: "${T}"           # the id of a round declared above, e.g. 2024-2
#     article: ${T}           # the id of the 报道集锦 it belongs to
#     headline: [${T}, ${T}]  # the lines after 城市：, e.g. [项目总数61个, 总投资148.17亿元]
#     venue: ${T}             # 分会场, as printed
#     reporter: ${T}          # the name in the byline
#     zones: [${T}]           # development zones named, as printed
#     signed: { projects: ${T}, investment: ${T}, expectedOutput: ${T} }      # 签约一批
#     started: { projects: ${T}, investment: ${T}, expectedOutput: ${T} }     # 开工一批
#     producing: { projects: ${T}, investment: ${T}, expectedOutput: ${T} }   # 投产一批
#     total: { projects: ${T}, investment: ${T}, expectedOutput: ${T} }       # a total over the batches
#     continuedOn: ${T}       # the page it continues on: D3 for (下转D3版)
#     sources: { ${T}: ${T} }  # only when the check asks: which clause states a figure printed twice,
#                             # e.g. { signed.investment: 总投资70.05亿元 }

# Projects the text names with at least one fact about them.
# projects:
#   - name: ${T}              # as printed
#     city: ${T}              # city slug, as under cityReports
#     round: "${T}"           # the id of a round declared above
#     batch: ${T}             # signed / started / producing
#     investment: ${T}        # 亿元, a plain number
#     company: ${T}           # as printed
#     zone: ${T}              # development zone, as printed
#     source: ${T}            # the id of the article or city report that names it
---

<Page id="D1">

{/* Paste the text of page D1 here, exactly as printed (misprints kept, column breaks joined),
    in reading order. Put each article inside <Article id="…"> … </Article> and each city report
    inside <CityReport city="…"> … </CityReport>, matching the entries above; a photo's caption and
    credit go inside <Photo> … </Photo>. Write { } < > in the text as \\{ \\} &lt; &gt;. */}

</Page>
`;
}
