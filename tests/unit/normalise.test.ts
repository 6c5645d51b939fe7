import { describe, expect, test } from 'vitest';
import { normalizeText, toHalfWidth, toSimplified } from '#lib/extract/normalise.ts';

describe('toSimplified', () => {
  test.each([
    ['簽約', '签约'],
    ['開工', '开工'],
    ['投產', '投产'],
    ['億元', '亿元'],
    ['個', '个'],
    ['總投資', '总投资'],
    ['項目', '项目'],
    ['預計年產值', '预计年产值'],
    ['計劃總投資', '计划总投资'],
    ['簽約投資額', '签约投资额'],
    ['項目總數', '项目总数'],
    ['平定縣', '平定县'],
    ['開發區', '开发区'],
    ['萬元', '万元'],
  ])('%s → %s', (trad, simp) => {
    expect(toSimplified(trad)).toBe(simp);
  });

  test('a whole traditional sentence', () => {
    expect(toSimplified('簽約項目12個，總投資24.07億元')).toBe('签约项目12个，总投资24.07亿元');
  });

  test('characters already simplified, and 值, stay as they are', () => {
    expect(toSimplified('签约项目15个，预计年产值76.01亿元')).toBe('签约项目15个，预计年产值76.01亿元');
  });

  test('likely misprints are never "corrected" (孟县 stays, 崞崞 stays)', () => {
    expect(toSimplified('孟县 崞崞经济技术开发区 三峽')).toBe('孟县 崞崞经济技术开发区 三峽');
  });
});

describe('toHalfWidth', () => {
  test('full-width digits and point → ASCII', () => {
    expect(toHalfWidth('１４８．１７')).toBe('148.17');
  });

  test('full-width letters, percent, slash → ASCII', () => {
    expect(toHalfWidth('２００ＭＷ／８００ＭＷｈ，７２％')).toBe('200MW/800MWh，72%');
  });

  test('Chinese punctuation is kept', () => {
    expect(toHalfWidth('签约项目15个，总投资；其中：（一期）！？')).toBe('签约项目15个，总投资；其中：（一期）！？');
  });

  test('the ideographic space becomes a space', () => {
    expect(toHalfWidth('项目总数61个\u3000总投资')).toBe('项目总数61个 总投资');
  });

  test('a character outside the BMP is kept, so offsets still match the printed text', () => {
    const text = '𠀀簽約項目１５個';
    expect(normalizeText(text)).toBe('𠀀签约项目15个');
    expect(normalizeText(text)).toHaveLength(text.length);
  });
});

describe('normalizeText', () => {
  test('traditional and full-width together', () => {
    expect(normalizeText('簽約項目１２個，總投資２４．０７億元')).toBe('签约项目12个，总投资24.07亿元');
  });

  test('keeps the length, so offsets carry over to the original', () => {
    const samples = ['簽約項目１２個，總投資２４．０７億元', '项目总数61个\u3000总投资', '𠀀項目１個', ''];
    for (const s of samples) expect(normalizeText(s).length).toBe(s.length);
  });

  test('an offset found in the normalised text points at the same figure in the original', () => {
    const original = '開工項目１０個，總投資１２．１２億元';
    const at = normalizeText(original).indexOf('12.12');
    expect(original.slice(at, at + 5)).toBe('１２．１２');
  });
});
