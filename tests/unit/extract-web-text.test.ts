/**
 * Reading web copies: the reading text (normalisation with a map back to the print), the round
 * verdict, per-paragraph units, conflicts and the evidence of each figure. Synthetic sentences.
 */
import { describe, expect, test } from 'vitest';
import { extractFigures, findFigureMentions } from '#lib/extract/extractor.ts';
import { originalSpan, readingText } from '#lib/extract/normalise.ts';
import { roundVerdict, speaksOfProvinceRound } from '#lib/extract/round.ts';
import { reportUnit } from '#lib/extract/units.ts';

describe('readingText', () => {
  test.each([
    ['開(kāi)發(fā)區(qū)簽(qiān)約項(xiàng)目12個(gè)', '开发区签约项目12个'],
    ['總投資(zī)15.2億(yì)元', '总投资15.2亿元'],
    ['签约项目12个,总投资15.2亿元;开工项目8个!', '签约项目12个，总投资15.2亿元；开工项目8个！'],
    ['签约项目12个,,总投资 15 .2 亿元', '签约项目12个，总投资15.2亿元'],
    ['“ 三个一批” 活动', '“三个一批”活动'],
    ['共1,200个项目', '共1200个项目'],
    ['09:51:15 来源:网', '09:51:15来源：网'],
    ['(占全省的9%)', '（占全省的9%）'],
    ['签约项目5个﹔开工项目3个', '签约项目5个；开工项目3个'],
    ['MW (ABC) 10 MW', 'MW（ABC）10 MW'],
  ])('%s → %s', (printed, read) => {
    expect(readingText(printed).text).toBe(read);
  });

  test('a gloss never becomes part of a word or a number', () => {
    expect(readingText('項(xiàng)目(mù)3個(gè)').text).toBe('项目3个');
    expect(readingText('年產(chǎn)5萬(wàn)噸(dūn)').text).toBe('年产5万吨');
  });

  test('maps every read span back to the text as printed', () => {
    const printed = '簽(qiān)約項(xiàng)目12個(gè), 總投資(zī)15.2億(yì)元';
    const r = readingText(printed);
    const at = r.text.indexOf('15.2亿元');
    const span = originalSpan(r, at, at + '15.2亿元'.length);
    expect(printed.slice(span.start, span.end)).toBe('15.2億(yì)元');
  });

  test('mentions and review lines quote the print, not the reading text', () => {
    const [m] = findFigureMentions('簽(qiān)約項(xiàng)目12個(gè),總投資(zī)15.2億元');
    expect(m?.text).toBe('12個');
    const { review } = extractFigures('簽約項(xiàng)目約(yuē)12個(gè)');
    expect(review.join('\n')).toContain('約(yuē)12個');
  });
});

describe('roundVerdict', () => {
  test.each([
    ['全省开发区2024年第三次“三个一批”活动举行，共签约项目200个。', true],
    ['忻州：\n签约项目20个\n\n忻州市在繁峙设立分会场，签约一批、开工一批、投产一批项目集中亮相。', true],
  ])('%s → a round', (text, round) => {
    expect(roundVerdict(text).round).toBe(round);
  });

  test.each([
    ['运城市第二季度重点项目集中开工，86个项目开工。', /quarterly 重点项目集中开工/u],
    ['晋中市招商引资项目集中签约，签约项目9个。', /招商签约/u],
    ['工业项目百日会战新签约项目8个。', /百日会战/u],
    ['全省第七期“三个一批”项目建设活动举行，签约项目40个。', /第N期 项目建设活动, as 河南/u],
    ['某区举行2021年“三个一批”大会战，50个项目集中签约。', /大会战, as 浙江/u],
    ['长治市举行2019年“三个一批”开工活动，开工项目30个。', /before the rounds began \(2020\)/u],
    ['经开区参加全省重大项目建设暨“三个一批”推进会，签约项目5个。', /not as a development-zone round/u],
    ['南昌经开区2021年“三个一批”活动举行，签约项目6个。', /南昌's, not a Shanxi round/u],
  ])('%s → not a round', (text, why) => {
    const verdict = roundVerdict(text);
    expect(verdict.round).toBe(false);
    expect(verdict.round ? '' : verdict.why).toMatch(why);
  });

  test('a partner company from another province does not make it another province’s round', () => {
    expect(roundVerdict('太原市开发区2024年第三次“三个一批”活动举行，与河南某某集团签约项目3个。').round).toBe(true);
  });

  test('the province only where the text speaks of the province’s round', () => {
    expect(speaksOfProvinceRound('全省开发区2024年第三次“三个一批”活动举行')).toBe(true);
    expect(speaksOfProvinceRound('市举行第四季度项目集中开工活动，98个项目开工')).toBe(false);
  });
});

describe('units: venues, lists, 片区, media names', () => {
  const unitOf = (headline: string[], body: string) => {
    const u = reportUnit(headline, body);
    if (!u) return undefined;
    if (u.kind === 'city') return u.city.slug;
    if (u.kind === 'subUnit') return `${u.place.city.slug}/${u.place.name}`;
    return u.kind;
  };
  test.each([
    ['全省开发区“三个一批”活动在太原、大同、晋中等11个市和综改区同步举行。', 'province'],
    ['全省开发区“三个一批”活动在山西综改示范区(晋中片区)主会场举行。', 'province'],
    ['图源:黄河新闻网长治频道。全省开发区“三个一批”活动举行。', 'province'],
    ['太原市与全省同步举行开发区“三个一批”活动。', 'taiyuan'],
    ['太忻一体化经济区忻州片区集中签约项目9个。', undefined],
  ])('%s → %s', (body, unit) => {
    expect(unitOf([], body)).toBe(unit);
  });
});

describe('conflicts and evidence', () => {
  test('two values for one batch: neither is output, the review quotes both', () => {
    const { figures, review } = extractFigures('开工项目17个，总投资48.8亿元。开工项目总投资49.8亿元。');
    expect(figures).toEqual({ started: { projects: 17 } });
    expect(review.join('\n')).toContain(
      'started.investment stated with different values (“总投资48.8亿元”, “总投资49.8亿元”)',
    );
  });

  test('every output figure carries its batch, phrase, sentence and rule', () => {
    const { evidence } = extractFigures('大同：\n签约项目20个\n\n本次活动，大同市签约项目20个,总投资56.3亿元。');
    expect(evidence).toEqual(
      expect.arrayContaining([
        {
          part: 'signed',
          key: 'investment',
          value: 56.3,
          phrase: '总投资56.3亿元',
          clause: '本次活动，大同市签约项目20个,总投资56.3亿元',
          rule: 'amount after 总投资',
        },
        expect.objectContaining({
          part: 'signed',
          key: 'projects',
          value: 20,
          rule: 'count after its label (签约项目15个)',
        }),
      ]),
    );
  });

  test('亿 without 元, 项 for 个, count before the verb in traditional script', () => {
    expect(extractFigures('签约项目15项，总投资43.7亿！').figures).toEqual({
      signed: { projects: 15, investment: 43.7 },
    });
    expect(extractFigures('19個項目簽約,總投資52.7億元').figures).toEqual({
      signed: { projects: 19, investment: 52.7 },
    });
  });
});
