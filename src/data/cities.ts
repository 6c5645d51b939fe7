/**
 * The registry of reporting units: Shanxi's 11 prefecture-level cities and the
 * 转型综改示范区. Slugs are stable URL segments; never rename one once published.
 */
export interface City {
  /** Stable ASCII slug used in URLs, anchors and open data. */
  readonly slug: string;
  /** Short Chinese name as the paper heads a city report (`忻州：`). */
  readonly name: string;
  /** Other spellings found in reports, used by the importer. */
  readonly aliases: readonly string[];
}

export const CITIES = [
  { slug: 'taiyuan', name: '太原', aliases: ['太原市'] },
  { slug: 'datong', name: '大同', aliases: ['大同市'] },
  { slug: 'shuozhou', name: '朔州', aliases: ['朔州市'] },
  { slug: 'xinzhou', name: '忻州', aliases: ['忻州市'] },
  { slug: 'yangquan', name: '阳泉', aliases: ['阳泉市'] },
  { slug: 'jinzhong', name: '晋中', aliases: ['晋中市'] },
  { slug: 'changzhi', name: '长治', aliases: ['长治市'] },
  { slug: 'jincheng', name: '晋城', aliases: ['晋城市'] },
  { slug: 'linfen', name: '临汾', aliases: ['临汾市'] },
  { slug: 'yuncheng', name: '运城', aliases: ['运城市'] },
  { slug: 'lvliang', name: '吕梁', aliases: ['吕梁市'] },
  {
    slug: 'zonggai',
    name: '综改区',
    aliases: ['山西转型综合改革示范区', '山西综改示范区', '转型综改示范区', '综改示范区'],
  },
] as const satisfies readonly City[];

export type CitySlug = (typeof CITIES)[number]['slug'];

export const CITY_SLUGS = CITIES.map((c) => c.slug) as [CitySlug, ...CitySlug[]];

const bySlug = new Map<string, City>(CITIES.map((c) => [c.slug, c]));

export function isCitySlug(value: string): value is CitySlug {
  return bySlug.has(value);
}

export function cityBySlug(slug: string): City | undefined {
  return bySlug.get(slug);
}

/** The city named by `name` (short name or alias, as printed), if any. */
/** The city's Chinese name (`忻州`), or the slug itself when the registry has no such city. */
export const cityName = (slug: string): string => cityBySlug(slug)?.name ?? slug;

export function cityByName(name: string): City | undefined {
  const n = name.trim();
  return CITIES.find((c) => c.name === n || c.aliases.some((a) => a === n));
}

/** `taiyuan (太原), datong (大同), …`: the list an editor sees in an unknown-city error. */
export function describeKnownCities(): string {
  return CITIES.map((c) => `${c.slug} (${c.name})`).join(', ');
}
