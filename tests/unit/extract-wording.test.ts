/**
 * The figure extractor on the wordings issue 10 lists, one short fragment each, written for this
 * test in the manner of real reports (none is copied from a published one).
 */
import { describe, expect, test } from 'vitest';
import { extractFigures, extractProvinceFigures } from '#lib/extract/extractor.ts';
import type { RoundFigures } from '#schemas/figures.ts';

type Case = [name: string, text: string, figures: RoundFigures];

const cityFragments: Case[] = [
  // 其中 opening the breakdown of a stated total, versus a sub-figure
  [
    '共实施…其中 breakdown',
    '共实施项目50个，其中“签约一批”项目18个、“开工一批”项目20个、“投产一批”项目12个',
    { total: { projects: 50 }, signed: { projects: 18 }, started: { projects: 20 }, producing: { projects: 12 } },
  ],
  ['共推进 total', '“三个一批”活动共推进项目38个，总投资96.5亿元', { total: { projects: 38, investment: 96.5 } }],
  ['其中战新产业 after a batch', '签约项目18个，其中战新产业项目6个', { signed: { projects: 18 } }],
  [
    '；closes the 其中 of a batch',
    '签约项目18个，其中战新产业项目6个；开工项目20个',
    { signed: { projects: 18 }, started: { projects: 20 } },
  ],
  [
    'output of a subset',
    '投产项目14个，总投资24.6亿元，其中工业项目5个，预计年产值12.3亿元',
    { producing: { projects: 14, investment: 24.6 } },
  ],
  [
    'per-batch 预计年产值',
    '“投产一批”项目7个，总投资15.2亿元，投产后预计年产值22.6亿元',
    { producing: { projects: 7, investment: 15.2, expectedOutput: 22.6 } },
  ],
  [
    '达产后预计年产值',
    '投产项目10个，总投资16.28亿元，达产后预计年产值28.5亿元',
    { producing: { projects: 10, investment: 16.28, expectedOutput: 28.5 } },
  ],
  // Chinese numerals
  ['十五个项目集中签约', '十五个项目集中签约', { signed: { projects: 15 } }],
  ['开工项目十二个', '开工项目十二个，总投资38.5亿元', { started: { projects: 12, investment: 38.5 } }],
  ['二十一个', '共签约二十一个项目', { signed: { projects: 21 } }],
  ['分两批 is no count', '10个代表项目分两批进行了现场签约', {}],
  ['一个 is "a", not a count', '签约一个项目', {}],
  ['三个一批 is no count', '三个一批活动，签约项目9个', { signed: { projects: 9 } }],
  // on site and representative subsets versus the batch count
  [
    'N个项目进行了现场签约 after the batch',
    '签约项目18个，总投资65.2亿元，其中9个项目进行了现场签约',
    { signed: { projects: 18, investment: 65.2 } },
  ],
  [
    '现场签约项目N个 after the batch, with its amount',
    '本次活动签约项目18个，总投资65.2亿元。活动现场，现场签约项目6个，签约金额28.7亿元。',
    { signed: { projects: 18, investment: 65.2 } },
  ],
  ['现场签约 alone is the batch', '现场签约项目16个，签约总额72.4亿元', { signed: { projects: 16, investment: 72.4 } }],
  ['the same count restated on site', '签约项目14个。14个项目分三批现场签约。', { signed: { projects: 14 } }],
  ['N个代表项目', '签约项目12个。6个代表项目进行了集中签约。', { signed: { projects: 12 } }],
  // cumulative and yearly figures
  ['全年累计', '开工项目26个。2024年全年，全市累计开工项目152个。', { started: { projects: 26 } }],
  ['先后开展N次', '今年以来，全市已先后开展3次活动，累计签约项目86个', {}],
  ['…年以来', '2023年以来，全市开发区累计开工项目152个', {}],
  ['截至目前', '截至目前，全市开发区今年已开工项目97个', {}],
  ['1-10月', '1-10月，全市开发区累计开工项目126个', {}],
  [
    '此次 after a cumulative sentence',
    '今年以来累计签约项目86个。此次活动还签约项目12个，总投资40.2亿元。',
    { signed: { projects: 12, investment: 40.2 } },
  ],
  // shares
  ['（占全省的N%）', '签约项目31个（占全省的14.4%），总投资88.9亿元', { signed: { projects: 31, investment: 88.9 } }],
  [
    'share after an amount',
    '开工项目24个，总投资61.5亿元（占全省开工项目总投资的12%）',
    { started: { projects: 24, investment: 61.5 } },
  ],
  // traditional script and pinyin glosses
  [
    '簽約 開工 投產 億元 個',
    '簽約項目22個，簽約投資額68.4億元；開工項目19個，總投資45.7億元；投產項目14個',
    {
      signed: { projects: 22, investment: 68.4 },
      started: { projects: 19, investment: 45.7 },
      producing: { projects: 14 },
    },
  ],
  ['pinyin gloss', '運(yùn)城市集中開工項目19個', { started: { projects: 19 } }],
  // cut text and cut numbers
  ['…… ends what was read', '签约项目17个，总投资52.3亿元……开工项目1', { signed: { projects: 17, investment: 52.3 } }],
  ['cut amount at the end', '开工项目9个，总投资31.', { started: { projects: 9 } }],
  // order and money first
  [
    '开工 stated before 签约',
    '集中开工项目19个，总投资45.7亿元；签约项目22个，签约投资额68.4亿元',
    { started: { projects: 19, investment: 45.7 }, signed: { projects: 22, investment: 68.4 } },
  ],
  [
    'money first for each batch',
    '总投资98.6亿元的21个项目集中签约，总投资64.3亿元的15个项目集中开工',
    { signed: { projects: 21, investment: 98.6 }, started: { projects: 15, investment: 64.3 } },
  ],
  [
    'N个项目 + a list of batches is the total',
    '共有39个项目参加集中签约、开工、投产，总投资102.74亿元',
    { total: { projects: 39, investment: 102.74 } },
  ],
  [
    '分别 with 开工 first',
    '其中开工、签约、投产项目分别为20个、16个、12个',
    { started: { projects: 20 }, signed: { projects: 16 }, producing: { projects: 12 } },
  ],
  // counties, districts, zones after the city's figures
  [
    'a county-level city after its city',
    '忻州市共签约项目25个。原平市签约项目6个，总投资21.4亿元；开工项目5个，总投资12.6亿元。',
    { signed: { projects: 25 } },
  ],
  ['该县 in the next sentence', '同日，定襄县举行分会场活动。活动中，该县集中签约项目4个。', {}],
  ['a county venue with its figure', '潞城区分会场集中签约项目5个，总投资18.2亿元', {}],
  ['山西X县 opening the report', '山西繁峙县举行项目集中签约活动。本次活动共签约项目8个。', {}],
  ['X市Y区', '晋中市榆次区集中开工项目12个，总投资36.8亿元', {}],
  ['traditional county-level city', '其中，介休市簽約項目4個，總投資11.5億元', {}],
  ['同日 after a county-level city', '孝义市同日举行项目集中签约活动，签约项目8个', {}],
  [
    'a new paragraph is about the city again',
    '同日，定襄县举行分会场活动。\n本次活动，忻州市签约项目25个。',
    { signed: { projects: 25 } },
  ],
  ['a listed zone', '大同经济技术开发区签约项目8个，总投资21.5亿元', {}],
  ['county names as examples before 等', '繁峙县、五台县等地的12个项目集中开工', { started: { projects: 12 } }],
  // 万元 and 约
  ['万元 next to 亿元', '投产9个项目，总投资8600万元', { producing: { projects: 9 } }],
  ['约 before an amount', '签约项目10个，总投资约30亿元', { signed: { projects: 10 } }],
  ['近 before a count', '投产项目近10个', {}],
];

const provinceFragments: Case[] = [
  [
    'the province, with 分别 amounts',
    '共签约项目241个、开工项目205个、投产项目173个，总投资分别为936.4亿元、712.8亿元、301.5亿元',
    {
      signed: { projects: 241, investment: 936.4 },
      started: { projects: 205, investment: 712.8 },
      producing: { projects: 173, investment: 301.5 },
    },
  ],
  ['a city opening a sentence is never the province', '其中，太原市签约项目28个，晋城市开工项目25个', {}],
  ['各市活动中，X市…', '各市活动中，大同市签约项目19个，总投资58.6亿元；开工项目16个，总投资40.3亿元', {}],
];

describe('wordings of issue 10 in a city report', () => {
  test.each(cityFragments)('%s', (_name, text, expected) => {
    expect(extractFigures(text).figures).toEqual(expected);
  });
});

describe('wordings of issue 10 in the province article', () => {
  test.each(provinceFragments)('%s', (_name, text, expected) => {
    expect(extractProvinceFigures(text).figures).toEqual(expected);
  });
});

describe('what is left out says why', () => {
  test.each([
    ['签约项目18个。现场签约项目6个', /on site \(现场\), a subset of the signed count 18 stated before/u],
    ['原平市签约项目6个；开工项目5个', /“开工项目5个”: stated for 原平市, not for the reporting unit/u],
    ['同日，定襄县举行分会场活动。活动中，该县集中签约项目4个', /stated for 定襄县/u],
  ])('%s', (text, note) => {
    expect(extractFigures(text).review.join('\n')).toMatch(note);
  });
});
