/**
 * The places below Shanxi's 11 prefecture-level cities: their districts (区), counties (县) and
 * county-level cities (市), and the province's development zones that reports name. They hold
 * their own "三个一批" events; their figures are part of a city's, never the city's round
 * figures. The importer and the figure extractor read this registry to tell a county's report
 * or figure from its city's.
 *
 * Divisions as they stand since the 2018–2019 changes (大同: 平城区, 云冈区, 云州区; 长治: 潞州区,
 * 上党区, 屯留区, 潞城区; 朔州: 怀仁市; 晋中: 太谷区): 26 districts, 80 counties, 11
 * county-level cities. Development zones: only those named in the seed issue and a few national
 * ones whose names are certain; an unknown zone is still caught by its ending (开发区, 示范区).
 */
import type { CitySlug } from './cities.ts';

export interface County {
  /** Full name as printed: `繁峙县`, `原平市`, `小店区`. */
  readonly name: string;
  readonly kind: '区' | '县' | '市';
  /** The prefecture-level city it belongs to. */
  readonly city: CitySlug;
}

export interface DevelopmentZone {
  /** Full name as printed: `繁峙经济技术开发区`. */
  readonly name: string;
  /** Short forms reports use: `中北高新区`. */
  readonly aliases: readonly string[];
  readonly city: CitySlug;
  /** The county or county-level city it lies in, where certain. */
  readonly county?: string;
}

const divisions: Record<CitySlug, { 区?: string[]; 县?: string[]; 市?: string[] }> = {
  taiyuan: {
    区: ['小店', '迎泽', '杏花岭', '尖草坪', '万柏林', '晋源'],
    县: ['清徐', '阳曲', '娄烦'],
    市: ['古交'],
  },
  datong: { 区: ['平城', '云冈', '新荣', '云州'], 县: ['阳高', '天镇', '广灵', '灵丘', '浑源', '左云'] },
  yangquan: { 区: ['城', '矿', '郊'], 县: ['平定', '盂'] },
  changzhi: {
    区: ['潞州', '上党', '屯留', '潞城'],
    县: ['襄垣', '平顺', '黎城', '壶关', '长子', '武乡', '沁', '沁源'],
  },
  jincheng: { 区: ['城'], 县: ['沁水', '阳城', '陵川', '泽州'], 市: ['高平'] },
  shuozhou: { 区: ['朔城', '平鲁'], 县: ['山阴', '应', '右玉'], 市: ['怀仁'] },
  xinzhou: {
    区: ['忻府'],
    县: ['定襄', '五台', '代', '繁峙', '宁武', '静乐', '神池', '五寨', '岢岚', '河曲', '保德', '偏关'],
    市: ['原平'],
  },
  jinzhong: {
    区: ['榆次', '太谷'],
    县: ['榆社', '左权', '和顺', '昔阳', '寿阳', '祁', '平遥', '灵石'],
    市: ['介休'],
  },
  linfen: {
    区: ['尧都'],
    县: ['曲沃', '翼城', '襄汾', '洪洞', '古', '安泽', '浮山', '吉', '乡宁', '大宁', '隰', '永和', '蒲', '汾西'],
    市: ['侯马', '霍州'],
  },
  yuncheng: {
    区: ['盐湖'],
    县: ['临猗', '万荣', '闻喜', '稷山', '新绛', '绛', '垣曲', '夏', '平陆', '芮城'],
    市: ['永济', '河津'],
  },
  lvliang: {
    区: ['离石'],
    县: ['文水', '交城', '兴', '临', '柳林', '石楼', '岚', '方山', '中阳', '交口'],
    市: ['孝义', '汾阳'],
  },
  zonggai: {},
};

/** Every district, county and county-level city of Shanxi, with its city. */
export const COUNTIES: readonly County[] = Object.entries(divisions).flatMap(([city, kinds]) =>
  (['区', '县', '市'] as const).flatMap((kind) =>
    (kinds[kind] ?? []).map((stem) => ({ name: `${stem}${kind}`, kind, city: city as CitySlug })),
  ),
);

/**
 * `城区`, `矿区`, `郊区` are names in more than one city (阳泉, 晋城) and common words
 * (`新城区`, `矿区矿用…`): they are known only after their city's name (`阳泉市郊区`).
 */
export const GENERIC_DISTRICTS: ReadonlySet<string> = new Set(['城区', '矿区', '郊区']);

export const DEVELOPMENT_ZONES: readonly DevelopmentZone[] = [
  { name: '晋城经济技术开发区', aliases: ['晋城经开区'], city: 'jincheng' },
  { name: '繁峙经济技术开发区', aliases: ['繁峙经开区'], city: 'xinzhou', county: '繁峙县' },
  { name: '山阴经济技术开发区', aliases: ['山阴经开区'], city: 'shuozhou', county: '山阴县' },
  { name: '文水经济开发区', aliases: ['文水经济技术开发区', '文水开发区'], city: 'lvliang', county: '文水县' },
  { name: '阳曲现代农业产业示范区', aliases: [], city: 'taiyuan', county: '阳曲县' },
  { name: '中北高新技术产业开发区', aliases: ['中北高新区'], city: 'taiyuan' },
  { name: '西山生态文化旅游示范区', aliases: ['西山示范区'], city: 'taiyuan' },
  { name: '原平经济技术开发区', aliases: ['原平经开区'], city: 'xinzhou', county: '原平市' },
  { name: '忻州经济开发区', aliases: [], city: 'xinzhou' },
  { name: '五台现代农业产业示范区', aliases: [], city: 'xinzhou', county: '五台县' },
  { name: '阳泉高新技术产业开发区', aliases: ['阳泉高新区'], city: 'yangquan' },
  { name: '大同经济技术开发区', aliases: ['大同经开区'], city: 'datong' },
  { name: '晋中经济技术开发区', aliases: ['晋中开发区'], city: 'jinzhong' },
  { name: '长治高新技术产业开发区', aliases: ['长治高新区'], city: 'changzhi' },
];

const countyByName = new Map(COUNTIES.map((c) => [c.name, c]));

/** The county, district or county-level city of that full name (`繁峙县`, `原平市`), if any. */
export function countyNamed(name: string): County | undefined {
  return countyByName.get(name);
}

/** The development zone of that name or short form, if listed. */
export function zoneNamed(name: string): DevelopmentZone | undefined {
  return DEVELOPMENT_ZONES.find((z) => z.name === name || z.aliases.includes(name));
}

/** All names of places below the cities (counties and zones, with short forms), longest first. */
export function placeNames(): string[] {
  return [
    ...COUNTIES.filter((c) => !GENERIC_DISTRICTS.has(c.name)).map((c) => c.name),
    ...DEVELOPMENT_ZONES.flatMap((z) => [z.name, ...z.aliases]),
  ].sort((a, b) => b.length - a.length);
}
