/**
 * `npm run diff -- <git-ref>`: what a change does to the archive, on fixture repositories made
 * here (git init, commit the seed issue, change it). The changes are made for the tests; the
 * seed is the only real issue, and every other issue below is the seed renumbered.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { diffArchives } from '#lib/review/archive-diff.ts';
import { formatDiffMarkdown, formatDiffText } from '#lib/review/format-diff.ts';
import { loadIssuesAt, readArchive } from '#lib/review/read-archive-fs.ts';
import { seedEdited } from '../fixtures/bad-inputs/cases.ts';
import { seedMdx } from '../support/content.ts';
import { archiveRepo, type ArchiveRepo } from '../support/git-archive.ts';

const SEED = '2024-18.mdx';

interface Fixture extends ArchiveRepo {
  /** The working tree's archive compared with `ref`, as `npm run diff` prints it. */
  diff: (ref?: string) => string;
  markdown: (ref?: string) => string;
}

const repos: ArchiveRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

/** A repository whose first commit holds `files` under content/issues/. */
function fixture(files: Record<string, string> = { [SEED]: seedMdx() }): Fixture {
  const repo = archiveRepo(files);
  repos.push(repo);
  const compare = (ref: string) => diffArchives(loadIssuesAt(ref, repo.issues), readArchive(repo.issues, repo.repo));
  return {
    ...repo,
    diff: (ref = 'HEAD') => formatDiffText(compare(ref), ref),
    markdown: (ref = 'HEAD') => formatDiffMarkdown(compare(ref), ref),
  };
}

const lines = (text: string) => text.split('\n');

describe('npm run diff', () => {
  test('no change at all', () => {
    const f = fixture();
    expect(f.diff()).toBe('no change to the archive since HEAD');
    expect(f.markdown()).toBe(
      '## What this change does to the archive (compared with `HEAD`)\n\nNo issue, figure, project or text of the archive changes.\n',
    );
  });

  test('a changed figure: old → new with unit and batch, and the total it moves', () => {
    // The archive had 忻州's 投产 investment mistyped; the change corrects it to what the page prints.
    const f = fixture({
      [SEED]: seedEdited(
        ['producing: { projects: 17, investment: 12.24 }', 'producing: { projects: 17, investment: 12.34 }'],
        ['total: { projects: 61, investment: 148.17 }', 'total: { projects: 61, investment: 148.27 }'],
      ),
    });
    f.write(SEED, seedMdx());
    expect(lines(f.diff())).toEqual([
      '2024-18 忻州 投产一批 investment: 12.34 → 12.24 亿元',
      '2024-18 忻州 合计 investment: 148.27 → 148.17 亿元',
    ]);
    expect(f.markdown()).toContain(
      [
        '### 2024年第18期 (2024-18)',
        '',
        '| reporting unit | batch | figure | before | after | in |',
        '| --- | --- | --- | --- | --- | --- |',
        '| 忻州 | 投产一批 | investment | 12.34 | 12.24 | 亿元 |',
        '| 忻州 | 合计 | investment | 148.27 | 148.17 | 亿元 |',
      ].join('\n'),
    );
  });

  test('province figures and projects', () => {
    const f = fixture();
    f.write(
      SEED,
      seedEdited(
        ['signed: { projects: 198 }', 'signed: { projects: 199 }'],
        [/ {2}- \{ name: 文旅太空舱项目.*\n/, ''],
        ['investment: 4.18, source: taiyuan', 'investment: 4.2, source: taiyuan'],
      ),
    );
    expect(lines(f.diff())).toEqual([
      '2024-18 全省 2024-2 签约一批 projects: 198 → 199 个',
      '2024-18: changed project 领卓医药集团全球联动综合体项目 (太原, 2024-2, 开工一批, 4.18亿元 → 太原, 2024-2, 开工一批, 4.2亿元)',
      '2024-18: removed project 文旅太空舱项目 (忻州, 2024-2, 签约一批, 德奥智能科技有限公司, 五台现代农业产业示范区)',
    ]);
  });

  test('an added issue: the issue, its pieces and every figure it states', () => {
    const f = fixture();
    f.write('2024-19.mdx', seedEdited(['number: 18', 'number: 19']));
    const out = lines(f.diff());
    expect(out[0]).toBe('2024-19: added issue 2024年第19期 (content/issues/2024-19.mdx)');
    expect(out).toContain('2024-19: added city report 忻州');
    expect(out).toContain(
      '2024-19: added article lead 全省开发区2024年第二次“三个一批”活动暨全省重点工程项目调度会举行',
    );
    expect(out).toContain('2024-19 忻州 投产一批 investment: — → 12.24 亿元');
    expect(out).toContain('2024-19 全省 2024-2 开工一批 projects: — → 194 个');
    expect(out).toContain('2024-19: added project 阳泉陆港多式联运项目 (阳泉, 2024-2, 签约一批)');
    // Its text is new as a whole: no clause by clause listing, and nothing about 2024-18.
    expect(out.filter((l) => / [+-] “/.test(l))).toEqual([]);
    expect(out.filter((l) => l.startsWith('2024-18'))).toEqual([]);
  });

  test('a removed city report', () => {
    const f = fixture();
    f.write(
      SEED,
      seedEdited(
        [/ {2}- city: yangquan\n(?: {4}.*\n)+/, ''],
        [/<CityReport city="yangquan">[^]*?<\/CityReport>\n\n/, ''],
      ).replace(/ {2}- \{ name: [^\n]*source: yangquan \}\n/g, ''),
    );
    const out = lines(f.diff());
    expect(out).toEqual([
      '2024-18: removed city report 阳泉',
      '2024-18 阳泉 签约一批 projects: 15 → — 个',
      '2024-18 阳泉 签约一批 investment: 77.01 → — 亿元',
      '2024-18: removed project 阳泉陆港多式联运项目 (阳泉, 2024-2, 签约一批)',
      '2024-18: removed project 凯泽零碳国际木业新材料产业园项目 (阳泉, 2024-2, 签约一批)',
      '2024-18: removed project 高性能建筑材料添加剂生产项目 (阳泉, 2024-2, 签约一批, 阳泉高新区)',
      '2024-18: removed project 钠电储能集成生产项目 (阳泉, 2024-2, 签约一批, 阳泉高新区)',
    ]);
  });

  test('a text edit: the clauses removed and added, per article, with a short excerpt', () => {
    const f = fixture();
    f.write(SEED, seedEdited(['汤志平主持会议并作现场点评', '汤志平主持会议']));
    expect(lines(f.diff())).toEqual([
      '2024-18 lead: - “汤志平主持会议并作现场点评”',
      '2024-18 lead: + “汤志平主持会议”',
    ]);

    f.write(SEED, seedEdited(['本次活动，忻州市开发区', '本次“三个一批”活动期间，忻州市各个开发区']));
    expect(lines(f.diff())).toEqual([
      '2024-18 忻州: - “本次活动”',
      '2024-18 忻州: - “忻州市开发区共签约21个项目”',
      '2024-18 忻州: + “本次“三个一批”活动期间”',
      '2024-18 忻州: + “忻州市各个开发区共签约21个项目”',
    ]);

    // A long clause is cut to 40 characters around the edit, not at its start.
    f.write(SEED, seedEdited(['超级电容组装项目、', '']));
    const [removed, added, ...rest] = lines(f.diff());
    expect(rest).toEqual([]);
    expect(removed).toBe(
      '2024-18 阳泉: - “…吨碳基电池负极材料项目、超级电容组装项目、郊区资源循环利用及新材料研发项目、西上…”',
    );
    expect(added).toBe(
      '2024-18 阳泉: + “…吨碳基电池负极材料项目、郊区资源循环利用及新材料研发项目、西上庄煤矿39MW低浓…”',
    );
  });

  test("other front-matter values: the issue's date, a round's venue, a byline, a reporter", () => {
    const f = fixture();
    f.write(
      SEED,
      seedEdited(
        ['publication: 科学导报', 'date: "2024-05"\npublication: 科学导报'],
        ['mainVenue: 晋城经济技术开发区', 'mainVenue: 晋城开发区'],
        ['byline: [张巨峰]', 'byline: [张巨峰, 王媛]'],
        ['reporter: 畅雪', 'reporter: 畅雪雪'],
      ),
    );
    expect(lines(f.diff())).toEqual([
      '2024-18 issue: date: — → 2024-05',
      '2024-18 round 2024-2: mainVenue: 晋城经济技术开发区 → 晋城开发区',
      '2024-18 lead: byline: 张巨峰 → 张巨峰, 王媛',
      '2024-18 忻州: reporter: 畅雪 → 畅雪雪',
    ]);
    expect(f.markdown()).toContain('| 忻州 | reporter | 畅雪 | 畅雪雪 |');
  });

  test('a renamed file is the same issue', () => {
    const f = fixture();
    f.git('mv', 'content/issues/2024-18.mdx', 'content/issues/2024-18-d1.mdx');
    expect(f.diff()).toBe('2024-18: file renamed: content/issues/2024-18.mdx → content/issues/2024-18-d1.mdx');
  });

  test('against an earlier commit, as the pull-request workflow compares the merge with its base', () => {
    const f = fixture();
    f.write(SEED, seedEdited(['started: { projects: 194 }', 'started: { projects: 195 }']));
    f.git('commit', '--quiet', '-am', 'the pull request');
    expect(f.diff('HEAD')).toBe('no change to the archive since HEAD');
    expect(f.diff('HEAD^1')).toBe('2024-18 全省 2024-2 开工一批 projects: 194 → 195 个');
  });

  test('a new issue that fails the check is added, compared as far as it reads, and marked failing', () => {
    const f = fixture();
    f.write(
      '2024-19.mdx',
      seedEdited(
        ['number: 18', 'number: 19'],
        ['total: { projects: 61, investment: 148.17 }', 'total: { projects: 61, investment: 148.27 }'],
      ),
    );
    const out = lines(f.diff());
    expect(out[0]).toBe('2024-19: added issue 2024年第19期 (content/issues/2024-19.mdx)');
    expect(out[1]).toMatch(
      /^2024-19: fails the check in the working tree \(1 error\(s\)\), first: content\/issues\/2024-19\.mdx:65: cityReports\[1\] 忻州 total\.investment: /,
    );
    expect(out).toContain('2024-19 忻州 合计 investment: — → 148.27 亿元');
  });

  test('a change that breaks a total: the figure old → new, the check it fails, nothing removed', () => {
    // One batch retyped, the total not: the change a reviewer most needs to see.
    const f = fixture();
    f.write(
      SEED,
      seedEdited(['producing: { projects: 17, investment: 12.24 }', 'producing: { projects: 17, investment: 12.34 }']),
    );
    const out = lines(f.diff());
    expect(out).toHaveLength(2);
    expect(out[0]).toMatch(
      /^2024-18: fails the check in the working tree \(1 error\(s\)\), first: content\/issues\/2024-18\.mdx:65: cityReports\[1\] 忻州 total\.investment: .*148\.27亿元/,
    );
    expect(out[1]).toBe('2024-18 忻州 投产一批 investment: 12.24 → 12.34 亿元');
    expect(out.filter((l) => l.includes('removed'))).toEqual([]);

    // Committed, the break is the base's; the change that mends it shows the figure back.
    f.git('commit', '--quiet', '-am', 'a mistyped batch');
    f.write(SEED, seedMdx());
    const mended = lines(f.diff());
    expect(mended[0]).toMatch(/^2024-18: fails the check at HEAD \(1 error\(s\)\), first: .*:65: /);
    expect(mended.slice(1)).toEqual(['2024-18 忻州 投产一批 investment: 12.34 → 12.24 亿元']);
  });

  test('front-matter the YAML parser rejects: not removed, marked failing, nothing of it compared', () => {
    const f = fixture();
    f.write(SEED, seedEdited(['mainVenue: 晋城经济技术开发区', 'mainVenue: 晋城: 经济技术开发区']));
    expect(lines(f.diff())).toEqual([
      '2024-18: fails the check in the working tree (1 error(s)), first: content/issues/2024-18.mdx:20: front-matter is not valid YAML: bad indentation of a mapping entry (check the indentation; a value containing ": " must be in quotes)',
      '2024-18: nothing of it is compared: its front-matter in the working tree cannot be read as an issue',
    ]);

    // Broken at the revision compared with: the same, on that side.
    f.git('commit', '--quiet', '-am', 'a broken venue');
    f.write(SEED, seedMdx());
    expect(lines(f.diff())).toEqual([
      '2024-18: fails the check at HEAD (1 error(s)), first: content/issues/2024-18.mdx:20: front-matter is not valid YAML: bad indentation of a mapping entry (check the indentation; a value containing ": " must be in quotes)',
      '2024-18: nothing of it is compared: its front-matter at HEAD cannot be read as an issue',
    ]);

    // A new file that cannot be read is an added file: its name is all that is known of it.
    f.write('2024-19.mdx', '---\nyear: 2024\nnumber: [19\n---\n');
    expect(lines(f.diff())[2]).toBe('2024-19: added file content/issues/2024-19.mdx');
  });

  test('a body that does not parse: the front-matter is compared, the text is not', () => {
    const f = fixture();
    f.write(
      SEED,
      seedEdited(
        ['started: { projects: 194 }', 'started: { projects: 195 }'],
        ['汤志平主持会议并作现场点评', '汤志平主持会议{'],
      ),
    );
    const out = lines(f.diff());
    expect(out[0]).toMatch(
      /^2024-18: fails the check in the working tree \(1 error\(s\)\), first: .*MDX does not parse/,
    );
    expect(out.slice(1)).toEqual([
      '2024-18: its text is not compared: its body in the working tree does not parse',
      '2024-18 全省 2024-2 开工一批 projects: 194 → 195 个',
    ]);
  });

  test('fields the schema rejects read as unstated; the first three errors are shown', () => {
    const f = fixture();
    f.write(
      SEED,
      seedEdited(
        ['publication: 科学导报', 'publicaton: 科学导报'],
        ['mainVenue: 晋城经济技术开发区', 'mainVenu: 晋城经济技术开发区'],
        ['dateline: 科学导报讯 5月10日', 'datelin: 科学导报讯 5月10日'],
        ['reporter: 畅雪', 'reportr: 畅雪'],
      ),
    );
    const out = lines(f.diff());
    expect(out[0]).toMatch(
      /^2024-18: fails the check in the working tree \(4 error\(s\)\), first: content\/issues\/2024-18\.mdx:\d+: .*unknown field/,
    );
    expect(
      out.slice(1, 3).every((l) => /^2024-18: {3}content\/issues\/2024-18\.mdx:\d+: .*unknown field/.test(l)),
    ).toBe(true);
    // publication falls back to its default, 科学导报, as the schema reads a file without it.
    expect(out.slice(3)).toEqual([
      '2024-18:   and 1 more (npm run check names them all)',
      '2024-18 round 2024-2: mainVenue: 晋城经济技术开发区 → —',
      '2024-18 lead: dateline: 科学导报讯 5月10日 → —',
      '2024-18 忻州: reporter: 畅雪 → —',
    ]);
  });

  test('Markdown: a failing side is a warning with its first errors, above the figures it changes', () => {
    const f = fixture();
    f.write(
      SEED,
      seedEdited(['producing: { projects: 17, investment: 12.24 }', 'producing: { projects: 17, investment: 12.34 }']),
    );
    const sum = f.markdown();
    expect(sum).toMatch(
      /### 2024年第18期 \(2024-18\)\n\n\*\*⚠ Fails the check in the working tree \(1 error\(s\)\)\*\*\. First:\n\n- content\/issues\/2024-18\.mdx:65: cityReports\\\[1\\\] 忻州 total\.investment: .*\n\n\| reporting unit \|/,
    );
    expect(sum).toContain('| 忻州 | 投产一批 | investment | 12.24 | 12.34 | 亿元 |');
    expect(sum).not.toContain('removed');

    f.write(SEED, seedEdited(['mainVenue: 晋城经济技术开发区', 'mainVenue: 晋城: 经济技术开发区']));
    const broken = f.markdown();
    expect(broken).toContain(
      [
        '### 2024年第18期 (2024-18)',
        '',
        '**⚠ Fails the check in the working tree (1 error(s))**; nothing of it is compared: its front-matter in the working tree cannot be read as an issue. First:',
        '',
        '- content/issues/2024-18.mdx:20: front-matter is not valid YAML: bad indentation of a mapping entry (check the indentation; a value containing ": " must be in quotes)',
      ].join('\n'),
    );
    expect(broken).not.toContain('removed');
    expect(broken).not.toContain('| ');
  });
});
