/**
 * Text normalisation for matching, never for display: the archive keeps the source's wording.
 *
 * Every function here maps ONE UTF-16 code unit to ONE code unit, so an offset found in the
 * normalised text is the same offset in the original (the figure extractor relies on this).
 * No Astro imports.
 */

/**
 * Traditional → simplified for the characters that matter to figures and their context
 * (batch words, units, money words, places, time markers), plus a few very common ones.
 * Deliberately small: a full converter would need a dictionary, and rare characters must be
 * kept as printed. Every entry is one character to one character.
 */
const TRAD_TO_SIMP: Readonly<Record<string, string>> = {
  // batches: 簽約 開工 動工 投產 投運
  簽: '签',
  籤: '签',
  約: '约',
  開: '开',
  動: '动',
  產: '产',
  運: '运',
  // units and counts: 億 萬 個 項 數 總 計 額
  億: '亿',
  萬: '万',
  個: '个',
  項: '项',
  數: '数',
  總: '总',
  計: '计',
  額: '额',
  // money: 資 預 劃 實 現 達 這 為
  資: '资',
  預: '预',
  劃: '划',
  實: '实',
  現: '现',
  達: '达',
  這: '这',
  為: '为',
  // places and structure: 縣 區 鎮 鄉 園 場 業 經 濟 發 際 級 點 鏈 類 來
  縣: '县',
  區: '区',
  鎮: '镇',
  鄉: '乡',
  園: '园',
  場: '场',
  業: '业',
  經: '经',
  濟: '济',
  發: '发',
  際: '际',
  級: '级',
  點: '点',
  鏈: '链',
  類: '类',
  來: '来',
  // time and connectives: 與 於 後 當 時 餘 兩 會 務 並 將 從 舉 辦 進 對
  與: '与',
  於: '于',
  後: '后',
  當: '当',
  時: '时',
  餘: '余',
  兩: '两',
  會: '会',
  務: '务',
  並: '并',
  將: '将',
  從: '从',
  舉: '举',
  辦: '办',
  進: '进',
  對: '对',
  // others common in these reports
  電: '电',
  風: '风',
  陽: '阳',
  儲: '储',
  噸: '吨',
  廠: '厂',
  設: '设',
  製: '制',
  匯: '汇',
  聯: '联',
  據: '据',
  瞭: '了',
  擬: '拟',
  們: '们',
  內: '内',
  態: '态',
  雙: '双',
  環: '环',
  // place names (cities, counties, the 综改示范区) and the paper's name 科學導報訊
  晉: '晋',
  長: '长',
  臨: '临',
  呂: '吕',
  綜: '综',
  範: '范',
  學: '学',
  導: '导',
  訊: '讯',
  鹽: '盐',
  絳: '绛',
  聞: '闻',
  榮: '荣',
  遙: '遥',
  壽: '寿',
  嵐: '岚',
  興: '兴',
  陸: '陆',
  寧: '宁',
  靜: '静',
  樂: '乐',
  義: '义',
  馬: '马',
  堯: '尧',
  廣: '广',
  靈: '灵',
  渾: '浑',
  雲: '云',
  澤: '泽',
  懷: '怀',
  陰: '阴',
  應: '应',
  權: '权',
  該: '该',
  參: '参',
};

/** Any character {@link TRAD_TO_SIMP} maps. Every key is one UTF-16 code unit, so a class of them is enough. */
const TRADITIONAL = new RegExp(`[${Object.keys(TRAD_TO_SIMP).join('')}]`, 'g');

/**
 * Traditional characters listed above → simplified. Unknown characters are left as printed.
 * One regex replace rather than a loop appending character by character: the content check
 * normalises every sentence of every report, and most texts hold no traditional character at all.
 */
export function toSimplified(text: string): string {
  return text.replace(TRADITIONAL, (ch) => TRAD_TO_SIMP[ch] ?? ch);
}

/** U+FF01..U+FF5E are the full-width forms of ASCII U+0021..U+007E, this far apart. */
const FULLWIDTH_OFFSET = 0xfee0;

/**
 * Full-width Chinese punctuation that stays as printed: clause splitting reads it, and turning
 * `，` into `,` would blur the line between a clause break and a thousands separator.
 */
const KEEP_FULLWIDTH = new Set(['，', '；', '：', '！', '？', '（', '）']);

/** The ideographic space and the full-width forms U+FF01..U+FF5E: the only code units {@link toHalfWidth} may change. */
const WIDE = /[\u3000\uff01-\uff5e]/g;

/**
 * Full-width digits, letters and the signs used with numbers → ASCII: `１５` → `15`,
 * `１４．１７` → `14.17`, `％` → `%`, `ＭＷ` → `MW`; the ideographic space → a space.
 * Chinese punctuation (，；：！？（）) is kept.
 */
export function toHalfWidth(text: string): string {
  return text.replace(WIDE, (ch) => {
    if (ch === '\u3000') return ' ';
    return KEEP_FULLWIDTH.has(ch) ? ch : String.fromCharCode(ch.charCodeAt(0) - FULLWIDTH_OFFSET);
  });
}

/**
 * The text as the figure extractor reads it: simplified characters, ASCII digits.
 * Same length as the input, character for character.
 */
export function normalizeText(text: string): string {
  return toHalfWidth(toSimplified(text));
}

// ---------------------------------------------------------------------------------------------
// The reading text: what the extractor reads, with a map back to the text as printed
// ---------------------------------------------------------------------------------------------

/**
 * The text as the extractor reads it, and where each of its characters stands in the text as
 * printed: `offsets[i]` is the offset in the original of `text[i]` (`offsets[text.length]` is
 * the original's length), so a review line or the check quotes the original, not this.
 */
export interface ReadingText {
  text: string;
  offsets: number[];
}

/** A pinyin gloss after a Han character: `開(kāi)`, `個（gè）`, `區(qū)` — lower-case letters with tone marks. */
const GLOSS = /(?<=\p{Script=Han})[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüń]{1,6}[)）]/gu;

/** Half-width punctuation as web copies print it → the full-width forms the extractor reads. */
const HALF_TO_FULL: Readonly<Record<string, string>> = {
  ',': '，',
  ';': '；',
  ':': '：',
  '!': '！',
  '?': '？',
  '(': '（',
  ')': '）',
  '﹐': '，',
  '﹔': '；',
  '﹕': '：',
  '﹗': '！',
  '﹖': '？',
  '､': '、',
};

const HAN_OR_MARK = String.raw`[\p{Script=Han}，。、；：！？（）“”‘’「」《》【】—…]`;

/**
 * Steps, in order, each keeping the map:
 * 1. traditional → simplified, full-width digits and letters → ASCII (one to one, as {@link normalizeText});
 * 2. pinyin glosses dropped (`開(kāi)發(fā)區(qū)` → `开发区`), so a word or a number split by them reads whole
 *    and a gloss never becomes part of a word or a number;
 * 3. a thousands separator dropped (`1,200个` → `1200个`); other half-width `,` `;` `:` `!` `?` `( )`
 *    and the small forms `﹔` `﹐` → full-width; a `:` or `,` between digits otherwise stays (`09:51`);
 * 4. doubled clause marks collapsed (`，，` → `，`);
 * 5. spaces and tabs (never line breaks) dropped next to a Han character or Chinese punctuation, and
 *    inside a number (`40 亿元`, `“ 三个一批”`, `签约一批、 开工一批`, `15 .5`).
 */
export function readingText(original: string): ReadingText {
  let text = normalizeText(original);
  let offsets = Array.from({ length: text.length + 1 }, (_, i) => i);
  const apply = (re: RegExp, replace: (m: RegExpExecArray) => string) => {
    let out = '';
    const map: number[] = [];
    let last = 0;
    for (const m of text.matchAll(re)) {
      const exec = m as unknown as RegExpExecArray;
      out += text.slice(last, m.index);
      for (let i = last; i < m.index; i++) map.push(offsets[i] as number);
      const by = replace(exec);
      out += by;
      for (let k = 0; k < by.length; k++) map.push(offsets[m.index + Math.min(k, m[0].length - 1)] as number);
      last = m.index + m[0].length;
    }
    out += text.slice(last);
    for (let i = last; i <= text.length; i++) map.push(offsets[i] as number);
    text = out;
    offsets = map;
  };
  apply(GLOSS, () => '');
  apply(/(?<=\d),(?=\d{3}(?!\d))/gu, () => '');
  apply(/(?<!\d)[,:]|[,:](?!\d)|[;!?()﹐﹔﹕﹗﹖､]/gu, (m) => HALF_TO_FULL[m[0]] ?? m[0]);
  apply(/([，；、])[，；、\s]*\1/gu, (m) => m[1] ?? '');
  apply(
    new RegExp(
      String.raw`[ \t\u00a0]+(?=${HAN_OR_MARK}|\d)|(?<=${HAN_OR_MARK})[ \t\u00a0]+|(?<=\d)[ \t]+(?=\.\d)|(?<=\d\.)[ \t]+(?=\d)`,
      'gu',
    ),
    () => '',
  );
  return { text, offsets };
}

/** The original's offsets of the reading text's span `[start, end)`. */
export function originalSpan(reading: ReadingText, start: number, end: number): { start: number; end: number } {
  const from = reading.offsets[start] ?? 0;
  const to = end > start ? (reading.offsets[end - 1] ?? from) + 1 : from;
  return { start: from, end: to };
}
