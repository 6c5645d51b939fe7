import { describe, expect, inject, test } from 'vitest';
import { htmlToText, readPage } from '../support/html.ts';
import { clauses, readSeed } from '../support/seed.ts';
import { SEED_ANCHORS } from '../support/seed-figures.ts';

const dist = inject('distDir');
const html = readPage(dist, '/issues/2024/18/');
const text = htmlToText(html);

describe('the issue page of 2024年第18期', () => {
  test('holds every clause of the printed page D1', () => {
    const all = clauses(readSeed());
    const missing = all.filter((c) => !text.includes(c));
    console.log(`seed clauses on the page: ${all.length - missing.length}/${all.length}`);
    expect(all.length).toBeGreaterThan(150);
    expect(missing).toEqual([]);
  });

  test('joins the column breaks a reader would join', () => {
    for (const joined of [
      '三要突出问题导向',
      '省重点工程项目总指挥部',
      '阳泉市举行2024年第二次',
      '晋川合成材料股份有限公司',
    ]) {
      expect(text).toContain(joined);
    }
  });

  test('keeps the misprints of the source', () => {
    for (const misprint of ['崞崞经济技术开发区', '孟县', '三峽']) expect(text).toContain(misprint);
  });

  test('shows the figures table with 忻州 148.17亿元 beside the text', () => {
    const aside = html.slice(html.indexOf('<table', html.indexOf('<aside')));
    const row = aside.slice(aside.indexOf('>忻州<'), aside.indexOf('</tr>', aside.indexOf('>忻州<')));
    expect(htmlToText(row)).toContain('148.17亿元');
    expect(htmlToText(row)).toContain('61个');
  });

  test('gives every article and city report a stable anchor', () => {
    for (const id of [...SEED_ANCHORS, 'page-d1']) {
      expect(html).toMatch(new RegExp(`<(article|section)[^>]* id="${id}"`));
    }
  });

  test('carries the article metadata: 引题, 主题, 副题 and byline', () => {
    expect(html).toMatch(/class="kicker"[^>]*>持续扩大有效益的投资 为新质生产力蓄势赋能</);
    expect(html).toMatch(/<h2[^>]*>全省开发区2024年第二次“三个一批”活动暨全省重点工程项目调度会举行<\/h2>/);
    expect(html).toMatch(/class="subtitle"[^>]*>金湘军出席并讲话</);
    expect(text).toContain('张巨峰');
  });

  test('shows the photo caption and credit without a broken image', () => {
    expect(html).toMatch(/<figure[^>]*class="photo"/);
    expect(text).toContain('5月10日，省委副书记、省长金湘军宣布康佳智慧科技城项目启动。');
    expect(text).toContain('阮洋摄');
    expect(html).not.toMatch(/<img\b/);
  });

  test('shows (下转D3版) as a note, not a broken link, since D3 is not archived', () => {
    expect(text).toContain('(下转D3版)');
    expect(html).not.toMatch(/href="[^"]*#page-d3"/);
  });

  test('is Chinese, semantic and ships no script but search', () => {
    expect(html).toMatch(/<html lang="zh-CN"/);
    for (const el of ['<article', '<header', '<main', '<figure']) expect(html).toContain(el);
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)]
      .map((m) => m[0])
      .filter((s) => !s.includes('application/ld+json'));
    expect(scripts.every((s) => /search|pagefind|citation/i.test(s))).toBe(true);
  });

  test('does not invent a publication date the page does not print', () => {
    expect(html).not.toMatch(/<time[^>]*datetime="2024-0?\d-\d\d"[^>]*>[^<]*出版/);
    expect(text).toContain('版面未载出版日期');
  });
});
