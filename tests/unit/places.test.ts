/** The registry of places below Shanxi's cities (src/data/places.ts) and how texts name them. */
import { describe, expect, test } from 'vitest';
import { CITIES } from '#data/cities.ts';
import { COUNTIES, DEVELOPMENT_ZONES, countyNamed } from '#data/places.ts';
import { reportUnit, sentenceUnit } from '#lib/extract/units.ts';

describe('the registry', () => {
  test("Shanxi's 117 county-level divisions: 26 districts, 80 counties, 11 county-level cities, names unique", () => {
    const count = (kind: string) => COUNTIES.filter((c) => c.kind === kind).length;
    expect([count('区'), count('县'), count('市')]).toEqual([26, 80, 11]);
    expect(new Set(COUNTIES.map((c) => `${c.city}:${c.name}`)).size).toBe(117);
    for (const c of COUNTIES) expect(c.name.endsWith(c.kind)).toBe(true);
  });

  test('every prefecture-level city has its places; DOMAIN.md examples are where it says', () => {
    for (const city of CITIES.filter((c) => c.slug !== 'zonggai')) {
      expect(COUNTIES.some((c) => c.city === city.slug)).toBe(true);
    }
    expect(countyNamed('原平市')?.city).toBe('xinzhou');
    expect(countyNamed('孝义市')?.city).toBe('lvliang');
    expect(countyNamed('汾阳市')?.city).toBe('lvliang');
    expect(countyNamed('繁峙县')?.city).toBe('xinzhou');
  });

  test("each zone's county belongs to the zone's city", () => {
    for (const z of DEVELOPMENT_ZONES) {
      if (z.county !== undefined) expect(countyNamed(z.county)?.city).toBe(z.city);
    }
  });
});

const unitOf = (headline: string[], body: string) => {
  const u = reportUnit(headline, body);
  if (u === undefined) return undefined;
  if (u.kind === 'city') return u.city.slug;
  if (u.kind === 'subUnit') return `${u.place.city.slug}/${u.place.name}`;
  return u.kind;
};

describe('which unit a text is about', () => {
  test.each([
    [['运城市举行开发区“三个一批”活动'], '', 'yuncheng'],
    [[], '科学导报讯 5月10日，運(yùn)城市與全省同步舉辦活動。', 'yuncheng'],
    [['運城市…項目集中開工'], '', 'yuncheng'],
    [[], '科学导报讯 5月10日，山西繁峙县举行“三个一批”项目集中签约活动。', 'xinzhou/繁峙县'],
    [[], '晋中市榆次区与全省同步举行活动。', 'jinzhong/榆次区'],
    [[], '阳泉市郊区集中开工项目5个。', 'yangquan/郊区'],
    [[], '全省开发区2024年第二次“三个一批”活动举行，忻州市在繁峙经济技术开发区设立分会场。', 'xinzhou'],
    [
      ['全省开发区2024年第二次“三个一批”活动暨全省重点工程项目调度会举行'],
      '省委副书记在晋城经济技术开发区主会场出席。',
      'province',
    ],
    [[], '转型综改示范区与全省同步举行活动。', 'zonggai'],
    [[], '山西综改示范区举行活动。', 'zonggai'],
    [['我市开发区项目集中开工'], '我市与全省同步举行活动。', 'ours'],
    [['持续壮大县域经济'], '振兴县域经济。', undefined],
  ])('%j %s → %s', (headline, body, unit) => {
    expect(unitOf(headline, body)).toBe(unit);
  });

  test('a venue (在…) is not the subject', () => {
    const u = sentenceUnit('忻州市在原平经济技术开发区设立分会场');
    expect(u?.kind === 'city' && u.city.slug).toBe('xinzhou');
  });
});
