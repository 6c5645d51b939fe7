/**
 * The figure extractor (src/lib/extract): the seed page's figures exactly as DOMAIN.md states
 * them, and many phrasings of our own for every rule.
 */
import { describe, expect, test } from 'vitest';
import {
  extractFigures,
  extractFiguresAndMentions,
  extractProvinceFigures,
  findFigureMentions,
} from '#lib/extract/extractor.ts';
import type { RoundFigures } from '#schemas/figures.ts';
import { SEED_PROVINCE, seedFigures } from '../support/seed-figures.ts';

/**
 * The seed page (2024年第18期 D1), as printed: the lead article and the six city reports.
 * 忻州 is joined across the compilation box that cuts it (`晋川合成材` + `料股份有限公司`).
 */
const PROVINCE = `科学导报讯 5月10日，全省开发区2024年第二次“三个一批”活动暨全省重点工程项目调度会举行。省委副书记、省长金湘军在晋城经济技术开发区主会场出席并讲话。他强调，要深入贯彻习近平总书记对山西工作的重要讲话重要指示，落实省委、省政府决策部署，坚定转型信心，保持战略定力，久久为功抓项目、谋发展，持续扩大有效益的投资，为培育发展新质生产力蓄势赋能，扎实推进中国式现代化山西实践。省领导卢东亮在大同分会场参加。汤志平主持会议并作现场点评。

本次“三个一批”活动以现场会形式举行。金湘军带领11市政府、省直有关部门及转型综改示范区主要负责同志，来到开工、投产代表项目和重点工程一线，现场考察调研招商引资及项目建设运营等工作。康佳集团在晋城投资50亿元建设全国智能家居总部，是“开工一批”代表项目，金湘军听取企业产业布局、在晋投资建设及智能电子产品生态链招商等进展，并宣布康佳智慧科技城项目启动。在“投产一批”代表项目山西智绘沧穹科技有限公司，金湘军察看清洁、医护等多种智能商用机器人产品，强调，要把握消费品以旧换新政策机遇，落实我省工作部署，持续完善产业布局，加快推进消费品工业提质增效，着力打造消费品领域“山西精品”。在市级重点工程晋钢光伏装备产业园，金湘军肯定企业自筹资金建设标准厂房以商招商、以科技创新引领产业转型升级等做法，指出，要学习借鉴晋城市在招商引资、产业培育等方面的好经验，推广“政府+链主企业+园区”招商合作、“供应链+金融”服务等模式，让有效市场更加有效、有为政府更加有为，激发民间投资活力，协同构建良好产业发展生态。百里沁河生态经济带项目是“一泓清水入黄河”省级重点工程。金湘军察看阳城县段水湾平台、砥洓城品质提升工程，指出，要高标准推进项目建设，改善流域整体面貌，提升水环境水生态，统筹生态治理和文旅康养，持续壮大县域经济，助力黄河流域生态保护和高质量发展。



5月10日，省委副书记、省长金湘军宣布康佳智慧科技城项目启动。

■ 阮洋摄

在调度会上，金湘军要求，一要突出分类施策，结合开发区空间布局、产业布局指引项目，紧盯投资强度、产出力度科学指导，因地制宜培育壮大特色产业集群。二要突出以点带面，以“三个一批”为牵引，推动落地项目应开尽开，统筹开工项目建设进度和质量安全，推动竣工项目早日投产达效。三要突出问题导

向，用好“四全工作法”，加强要素保障，完善向民间资本推介项目长效机制，优化营商环境，精准服务企业和项目建设。四要突出前瞻意识，积极对接中部地区崛起、国家战略腹地建设、超长期特别国债发行等国家重大战略、重大政策，持续谋划储备推进项目建设。本次“三个一批”活动，共签约项目198个、开工项目194个、投产项目158个。省重点

工程项目总指挥部办公室通报了1-4月省级重点工程项目进展情况。省商务厅通报了全省开发区主要经济指标和“三个一批”项目情况。晋城、临汾两市作了交流发言。签约、开工、投产项目代表发言，并举行了集中签约仪式。11位市市长及省直有关部门、有关开发区、企业负责同志在分会场参会。各市市委书记及相关负责同志在分会场参会。`;

const TAIYUAN = `太原：  
14个项目签约  
加快培育和发展新质生产力

科学导报讯 按照省委、省政府统一安排，5月10日，太原市与全省同步举行开发区2024年第二次“三个一批”活动。

太原市“签约一批”仪式在阳曲现代农业产业示范区科创中心举行。中北高新区半导体硅片材料生产基地项目、西山示范区低空经济载人飞行器项目、迎泽区海旅免税超体项目等14个项目分三批现场签约。项目涵盖新能源、新材料、文化旅游、消费服务、智能制造等领域，将为太原市加快构建“1233”重点产业链体系、培育和发展新质生产力注入新动能。

太原市“开工一批”活动在领卓医药集团全球联动综合体项目现场举行。该项目拟投资4.18亿元，建成后将实现药品及医疗器械研究中心、第三方物流中心、商贸交易中心、综合服务中心一体化运营。

之后，与会人员集体参观阳曲中医药健康小镇展示大厅，走进“投产一批”代表项目山西农投现代农业产业示范园观摩，现场查看园区果蔬无土栽培和种苗繁育情况，了解工厂化育苗、自动化水肥控制及分拣包装、冷链物流等情况。`;

const XINZHOU = `忻州：  
项目总数61个  
总投资148.17亿元

科学导报讯 5月10日，全省开发区2024年第二次“三个一批”活动举行，忻州市在繁峙经济技术开发区设立分会场，与全省同步举行相关活动。

当日，忻州市共有10个代表项目在现场进行集中签约，包括忻州经济开发区与四川悍天实业有限公司签订的“智能电子设备制造加工项目”、原平经济技术开发区与晋川合成材料股份有限公司签订的“年产4.5万吨紫外线硬化材料二期工程”、繁峙经济技术开发区与鹏盛新材料科技有限公司签订的“废铝环保循环再生利用项目”、崞崞经济技术开发区与华启天成(深圳)智能科技有限公司签订的“行业级无人机生产项目”、五台现代农业产业示范区与德奥智能科技有限公司签订的“文旅太空舱项目”等，涉及新能源、新材料、智能制造、节能环保、现代农业、现代服务业、基础设施等产业。

据了解，本次活动，忻州市开发区共签约21个项目，总投资70.05亿元；开工23个项目，总投资65.88亿元；投产17个项目，总投资12.24亿元。`;

const YANGQUAN = `阳泉：  
集中签约项目15个  
总投资77.01亿元

科学导报讯 5月10日，阳泉市举行2024

年第二次“三个一批”活动，并举行阳泉陆港多式联运项目开工奠基仪式。本次活动集中签约项目15个，总投资77.01亿元。

集中签约的15个项目，主要涉及现代物流、装备制造、新能源、新材料、现代农业、节能环保等领域。这些项目分别为阳泉陆港多式联运项目、凯泽零碳国际木业新材料产业园项目、三峽孟县风光蓄一体化10万千瓦风电、20万千瓦光伏发电项目、粤电孟县西烟镇风电二期10万千瓦项目、鑫卓益阳泉市孟县7万千瓦项目、重工戴卡孟县10万千瓦光伏项目、华电孟县10万千瓦光伏发电项目、平定县年产4万吨碳基电池负极材料项目、超级电容组装项目、郊区资源循环利用及新材料研发项目、西上庄煤矿39MW低浓度瓦斯发电项目、阳泉金泰叶农副农产品加工及销售项目、矿区矿用无机加固材料研发生产项目、阳泉高新区签订高性能建筑材料添加剂生产项目和钠电储能集成生产项目。据了解，2024年第一次项目建设“看述评”活动和平定县、孟县项目建设专题会议同时举行。`;

const SHUOZHOU = `朔州：  
项目总数37个  
总投资88.34亿元

科学导报讯 5月10日，朔州市在山阴经济技术开发区设立分会场，与全省同步举行2024年第二次“三个一批”活动。本次活动朔州市共有项目37个，总投资88.34亿元，预计年产值76.01亿元。其中，“签约一批”项目15个，签约投资额41.33亿元；“开工一批”项目11个，计划总投资26.08亿元；“投产一批”项目11个，总投资20.93亿元。

活动中，200MW/800MWh共享储能电站项目、半导体级高纯硅项目、源网荷共享储能电站项目、新城镇120MW屋顶分布式光伏发电项目、油制气项目、玺烨智能烧烤机器人项目、商业风情街及酒店新建项目、反应烧结碳化硅件和匣钵生产线项目、年产60万只药用包装及5000吨生物基材料项目等10个代表项目分两批进行了现场签约。`;

const JINZHONG = `晋中：  
项目总数60个  
总投资280.8亿元

科学导报讯 5月10日，晋中市与全省同步举行开发区2024年第二次“三个一批”活动。此次活动，晋中市共有60个项目，总投资280.8亿元。

此次活动，“签约一批”项目17个，总投资94.7亿元；“开工一批”项目23个，总投资98.7亿元；“投产一批”项目20个，总投资87.4亿元。从项目质量来看，工业类开发区中战略性新兴产业项目54个，占比为100%。从项目规模来看，亿元以上项目共43个，占项目总数的72%。涉及“省级重点产业链”的项目共25个，其中签约项目7个、开工项目10个、投产项目8个。`;

const LVLIANG = `吕梁：  
项目总数32个  
总投资47.97亿元

科学导报讯 5月10日，全省开发区2024年第二次“三个一批”项目集中签约仪式后，吕梁市在文水经济开发区举行该市开发区2024年第二次“三个一批”项目集中开工仪式。

活动中，吕梁市开发区“签约一批”项目12个，总投资24.07亿元，预计年产值16.23亿元；“开工一批”项目10个，总投资12.12亿元，预计年产值17.80亿元；“投产一批”项目10个，总投资11.78亿元，预计年产值10.44亿元。项目主要集中在新材料、新能源、高端装备制造、节能环保等领域。

与会领导一同为文水开发区交通装配式智能建造项目开工培土奠基，并深入文水经济技术开发区、在山阴固废资源化利用科技园(一期)项目现场观摩产品展示区、声屏障车间、建筑3D打印车间、生态构件车间等。`;

// ---------------------------------------------------------------------------------------------

const figuresOf = (text: string) => extractFigures(text).figures;
const reviewOf = (text: string) => extractFigures(text).review.join('\n');

describe('the seed page: figures exactly as DOMAIN.md states them', () => {
  test('province (lead article): 198 / 194 / 158 and nothing else (康佳 50亿元 is one project)', () => {
    const { figures, review } = extractProvinceFigures(PROVINCE);
    expect(figures).toEqual(SEED_PROVINCE);
    expect(review.join('\n')).toContain('投资50亿元');
  });

  test('太原: signed 14 only; 拟投资4.18亿元 is one named project, left out with a note', () => {
    const { figures, review } = extractFigures(TAIYUAN);
    expect(figures).toEqual(seedFigures('taiyuan'));
    expect(review.join('\n')).toMatch(/拟投资4\.18亿元.*one project/u);
  });

  test('忻州: 21/23/17 and total 61; the 10 代表项目 are not the batch count', () => {
    const { figures, review } = extractFigures(XINZHOU);
    expect(figures).toEqual(seedFigures('xinzhou'));
    expect(review.join('\n')).toContain('10个代表项目');
  });

  test('阳泉: signed 15 / 77.01 only; capacities 10万千瓦, 39MW, 年产4万吨 are never figures', () => {
    expect(figuresOf(YANGQUAN)).toEqual(seedFigures('yangquan'));
    const values = findFigureMentions(YANGQUAN).map((m) => m.value);
    expect(values).not.toContain(10);
    expect(values).not.toContain(39);
    expect(values).not.toContain(4);
  });

  test('朔州: 签约投资额 and 计划总投资 read; total 预计年产值; 10 代表项目 never override 15', () => {
    expect(figuresOf(SHUOZHOU)).toEqual(seedFigures('shuozhou'));
  });

  test('晋中: the batches and the total, not 54 / 43 / 25 (7, 10, 8)', () => {
    const { figures, review } = extractFigures(JINZHONG);
    expect(figures).toEqual(seedFigures('jinzhong'));
    const notes = review.join('\n');
    for (const left of ['54个', '43个', '25个', '签约项目7个', '开工项目10个', '投产项目8个']) {
      expect(notes).toContain(left);
    }
  });

  test('吕梁: expected output per batch (17.80 → 17.8)', () => {
    expect(figuresOf(LVLIANG)).toEqual(seedFigures('lvliang'));
  });

  test('heading and body joined by single line breaks give the same figures', () => {
    for (const text of [TAIYUAN, XINZHOU, YANGQUAN, SHUOZHOU, JINZHONG, LVLIANG]) {
      expect(figuresOf(text.replace(/ *\n\s*/gu, '\n'))).toEqual(figuresOf(text));
    }
  });

  test('the 忻州 heading on one line', () => {
    expect(figuresOf('忻州：项目总数61个 总投资148.17亿元')).toEqual({ total: seedFigures('xinzhou').total });
  });
});

// ---------------------------------------------------------------------------------------------

type Case = [name: string, text: string, figures: RoundFigures];

const phrasings: Case[] = [
  // label-first
  ['label-first count', '签约项目15个', { signed: { projects: 15 } }],
  ['quoted batch label + 总投资', '“签约一批”项目15个，总投资94.7亿元', { signed: { projects: 15, investment: 94.7 } }],
  ['batch label without quotes', '开工一批项目9个，总投资30亿元', { started: { projects: 9, investment: 30 } }],
  ['项目数为', '签约项目数为15个', { signed: { projects: 15 } }],
  ['项目共计', '投产项目共计11个', { producing: { projects: 11 } }],
  ['prefix 新', '新开工项目8个，总投资12.5亿元', { started: { projects: 8, investment: 12.5 } }],
  ['prefix 集中', '集中开工项目9个', { started: { projects: 9 } }],
  ['prefix 现场 + 签约投资额', '现场签约项目6个，签约投资额30.2亿元', { signed: { projects: 6, investment: 30.2 } }],
  ['计划总投资', '“投产一批”项目11个，计划总投资20.93亿元', { producing: { projects: 11, investment: 20.93 } }],
  ['总投资额', '签约项目12个，总投资额36.5亿元', { signed: { projects: 12, investment: 36.5 } }],
  ['投资', '开工项目10个，投资12.12亿元', { started: { projects: 10, investment: 12.12 } }],
  [
    '总投资为 / 达',
    '签约项目12个，总投资为36.5亿元；开工项目8个，总投资达20亿元',
    {
      signed: { projects: 12, investment: 36.5 },
      started: { projects: 8, investment: 20 },
    },
  ],
  // verb-first
  ['verb-first 共签约N个项目', '共签约21个项目', { signed: { projects: 21 } }],
  ['verb-first with 总投资', '开工23个项目，总投资65.88亿元', { started: { projects: 23, investment: 65.88 } }],
  [
    'verb-first, three batches in a row',
    '签约15个项目，开工11个项目，投产11个项目',
    {
      signed: { projects: 15 },
      started: { projects: 11 },
      producing: { projects: 11 },
    },
  ],
  [
    'bare verb counts',
    '签约15个、开工11个、投产11个',
    {
      signed: { projects: 15 },
      started: { projects: 11 },
      producing: { projects: 11 },
    },
  ],
  ['集中签约的N个项目', '集中签约的15个项目，主要涉及现代物流等领域', { signed: { projects: 15 } }],
  ['N个签约项目', '本次活动共有15个签约项目', { signed: { projects: 15 } }],
  // money-first / count-then-verb
  ['money-first', '总投资77.01亿元的15个项目集中签约', { signed: { projects: 15, investment: 77.01 } }],
  ['N个项目集中签约', '15个项目集中签约', { signed: { projects: 15 } }],
  ['N个项目签约 (heading)', '太原：\n14个项目签约\n加快培育和发展新质生产力', { signed: { projects: 14 } }],
  [
    'list of names 等N个项目分三批现场签约',
    '中北高新区半导体项目、迎泽区海旅免税超体项目等14个项目分三批现场签约',
    {
      signed: { projects: 14 },
    },
  ],
  [
    'count then verb, two batches',
    '15个项目集中签约，总投资77.01亿元；11个项目集中开工，总投资26.08亿元',
    {
      signed: { projects: 15, investment: 77.01 },
      started: { projects: 11, investment: 26.08 },
    },
  ],
  [
    'amount in the clause before its count',
    '总投资77.01亿元，15个项目集中签约',
    { signed: { projects: 15, investment: 77.01 } },
  ],
  [
    'batch named in its own clause',
    '“签约一批”：项目15个，总投资41.33亿元',
    { signed: { projects: 15, investment: 41.33 } },
  ],
  // expected output
  [
    '预计年产值',
    '“签约一批”项目12个，总投资24.07亿元，预计年产值16.23亿元',
    {
      signed: { projects: 12, investment: 24.07, expectedOutput: 16.23 },
    },
  ],
  ['达产后可实现年产值', '投产项目5个，达产后可实现年产值8.6亿元', { producing: { projects: 5, expectedOutput: 8.6 } }],
  [
    '投产后 is not the producing batch',
    '“签约一批”项目12个，投产后预计年产值16亿元',
    { signed: { projects: 12, expectedOutput: 16 } },
  ],
  // traditional characters, full-width digits
  ['traditional', '簽約項目12個，總投資24.07億元', { signed: { projects: 12, investment: 24.07 } }],
  [
    'traditional 開工 投產',
    '開工項目10個；投產項目10個，總投資11.78億元',
    {
      started: { projects: 10 },
      producing: { projects: 10, investment: 11.78 },
    },
  ],
  ['full-width digits', '签约项目１５个，总投资７７．０１亿元', { signed: { projects: 15, investment: 77.01 } }],
  // totals
  ['项目总数', '项目总数61个', { total: { projects: 61 } }],
  ['heading lines', '朔州：\n项目总数37个\n总投资88.34亿元', { total: { projects: 37, investment: 88.34 } }],
  ['共有项目N个', '本次活动朔州市共有项目37个，总投资88.34亿元', { total: { projects: 37, investment: 88.34 } }],
  ['共有N个项目', '晋中市共有60个项目，总投资280.8亿元', { total: { projects: 60, investment: 280.8 } }],
  [
    '共计N个项目 after the batches',
    '签约15个项目，开工11个项目，投产11个项目，共计37个项目',
    {
      signed: { projects: 15 },
      started: { projects: 11 },
      producing: { projects: 11 },
      total: { projects: 37 },
    },
  ],
  [
    'all three batches together are the total',
    '本次活动共签约、开工、投产项目90个，总投资300亿元',
    {
      total: { projects: 90, investment: 300 },
    },
  ],
  [
    '其中 after a total is the breakdown',
    '共有项目37个，总投资88.34亿元。其中，“签约一批”项目15个，签约投资额41.33亿元',
    {
      total: { projects: 37, investment: 88.34 },
      signed: { projects: 15, investment: 41.33 },
    },
  ],
  // 分别
  [
    '分别',
    '签约、开工、投产项目分别为12个、10个、10个，总投资分别为24.07亿元、12.12亿元、11.78亿元',
    {
      signed: { projects: 12, investment: 24.07 },
      started: { projects: 10, investment: 12.12 },
      producing: { projects: 10, investment: 11.78 },
    },
  ],
  // aggregate subjects that are the city itself
  [
    '市开发区 is the city',
    '据了解，本次活动，忻州市开发区共签约21个项目，总投资70.05亿元',
    {
      signed: { projects: 21, investment: 70.05 },
    },
  ],
  ['市开发区“签约一批”', '活动中，吕梁市开发区“签约一批”项目12个', { signed: { projects: 12 } }],
  ['全市开发区', '全市开发区集中开工项目20个', { started: { projects: 20 } }],
  // representative projects vs the batch count
  [
    '代表项目 is a subset; the later batch count wins',
    '当日，忻州市共有10个代表项目在现场进行集中签约。本次活动，共签约21个项目，总投资70.05亿元。',
    {
      signed: { projects: 21, investment: 70.05 },
    },
  ],
  [
    '代表项目 after the batch count does not override it',
    '“签约一批”项目15个。10个代表项目分两批进行了现场签约',
    { signed: { projects: 15 } },
  ],
  // sub-units
  [
    'county after the city (其中，…县)',
    '阳泉市签约项目15个，总投资77.01亿元。其中，平定县签约项目5个，总投资20亿元。',
    {
      signed: { projects: 15, investment: 77.01 },
    },
  ],
  ['county in the same sentence', '阳泉市开工项目8个，孟县开工项目3个，总投资5亿元', { started: { projects: 8 } }],
  ['county alone', '孟县开工项目3个，总投资5亿元', {}],
  ['county, count-first', '平定县15个项目集中签约', {}],
  ['a named zone is not the city', '繁峙经济技术开发区签约项目5个，总投资10亿元', {}],
  ['a district (郊区) is not the city', '郊区新开工项目4个', {}],
  [
    'province-wide figure inside a city report',
    '全省共签约项目198个，忻州市签约项目21个',
    { signed: { projects: 21 } },
  ],
  // 其中 sub-figures
  ['其中 after a batch', '签约项目15个，其中外资项目3个', { signed: { projects: 15 } }],
  [
    '其中 batch words after a category',
    '涉及“省级重点产业链”的项目共25个，其中签约项目7个、开工项目10个、投产项目8个。',
    {},
  ],
  // categories
  ['亿元以上项目共N个', '亿元以上项目共43个，占项目总数的72%', {}],
  ['N个亿元以上项目', '其中43个亿元以上项目', {}],
  ['category label', '工业类开发区中战略性新兴产业项目54个，占比为100%', {}],
  // cumulative and yearly figures
  ['今年以来累计', '今年以来累计签约项目120个，总投资500亿元', {}],
  ['今年以来 in its own clause', '今年以来，全市累计签约项目120个，总投资500亿元。', {}],
  ['1-4月', '1-4月，全市新开工项目56个', {}],
  ['上半年', '上半年全市投产项目30个', {}],
  ['cumulative, then 本次', '今年以来，全市累计签约项目120个。本次活动签约项目15个', { signed: { projects: 15 } }],
  ['cumulative, then 其中本次', '今年以来累计签约项目120个，其中本次签约项目15个', { signed: { projects: 15 } }],
  // capacities
  [
    'capacities in project names',
    '10万千瓦风电项目、20万千瓦光伏发电项目、年产4.5万吨紫外线硬化材料项目等15个项目集中签约，总投资77.01亿元',
    {
      signed: { projects: 15, investment: 77.01 },
    },
  ],
  ['MW / MWh / 120MW', '200MW/800MWh共享储能电站项目、新城镇120MW屋顶分布式光伏发电项目', {}],
  ['年产N个 is a capacity', '年产500万个电池项目', {}],
  // 万元, 约, progress, single projects
  ['万元 left out', '签约项目3个，总投资3500万元', { signed: { projects: 3 } }],
  ['约 count', '签约项目约15个', {}],
  ['约 amount', '签约项目15个，总投资约15亿元', { signed: { projects: 15 } }],
  ['余 amount', '签约项目15个，总投资70余亿元', { signed: { projects: 15 } }],
  ['左右 count', '开工项目15个左右', {}],
  ['以上 amount', '开工项目10个，总投资10亿元以上', { started: { projects: 10 } }],
  ['已完成投资 is progress', '开工项目10个，已完成投资5亿元', { started: { projects: 10 } }],
  ['实现产值 is not expected output', '投产项目10个，实现产值5亿元', { producing: { projects: 10 } }],
  ['该项目 is one project', '太原市“开工一批”活动在领卓医药集团全球联动综合体项目现场举行。该项目拟投资4.18亿元', {}],
  [
    'a named project in a batch sentence',
    '“开工一批”项目11个，阳泉陆港多式联运项目总投资30亿元',
    { started: { projects: 11 } },
  ],
  ['a company investing', '康佳集团在晋城投资50亿元建设全国智能家居总部，是“开工一批”代表项目', {}],
  ['an amount with no money word', '签约项目15个，营业收入5亿元', { signed: { projects: 15 } }],
  // truncated text
  ['truncated amount at the cut', '签约项目15个，总投资14.', { signed: { projects: 15 } }],
  [
    'truncated count at the cut',
    '“签约一批”项目12个，总投资24.07亿元；“开工一批”项目1',
    { signed: { projects: 12, investment: 24.07 } },
  ],
  ['truncated before a continuation note', '签约项目15个，总投资14.\n(下转D3版)', { signed: { projects: 15 } }],
  // found by probing
  ['签约总金额', '共签约项目15个，签约总金额77亿元', { signed: { projects: 15, investment: 77 } }],
  [
    '“三个一批”项目共N个 is the total',
    '“三个一批”项目共32个，总投资47.97亿元',
    { total: { projects: 32, investment: 47.97 } },
  ],
  [
    'a parenthetical 其中 ends with its parenthesis',
    '签约项目15个（其中外资项目3个），总投资77.01亿元',
    {
      signed: { projects: 15, investment: 77.01 },
    },
  ],
  ['全市N个开发区 is the city', '全市19个开发区共签约项目15个', { signed: { projects: 15 } }],
  [
    '分别 over batches of earlier clauses',
    '签约项目15个，开工项目11个，总投资分别为41.33亿元和26.08亿元',
    {
      signed: { projects: 15, investment: 41.33 },
      started: { projects: 11, investment: 26.08 },
    },
  ],
  ['分别 with nothing to pair', '总投资分别为41.33亿元和26.08亿元', {}],
  [
    'an average is not the batch investment',
    '“签约一批”项目17个，总投资94.7亿元，平均单体投资5.57亿元',
    {
      signed: { projects: 17, investment: 94.7 },
    },
  ],
  ['其中此次 after a category stays a subset', '涉及“省级重点产业链”的项目共25个，其中此次签约项目7个', {}],
  [
    '其中 … 亿元以上 after a batch',
    '投产项目20个，其中，亿元以上项目10个，总投资80亿元',
    { producing: { projects: 20 } },
  ],
  ['two named zones, nothing for the city', '晋城经济技术开发区签约项目5个，泽州经济技术开发区签约项目3个', {}],
  // not project counts at all
  ['other 个', '金湘军带领11个市政府负责同志，设3个分会场', {}],
  ['ordinals and 三个一批', '第2个“三个一批”，3个一批活动', {}],
];

describe('phrasings', () => {
  test.each(phrasings)('%s', (_name, text, expected) => {
    expect(figuresOf(text)).toEqual(expected);
  });

  test('there are at least 40 phrasings', () => {
    expect(phrasings.length).toBeGreaterThanOrEqual(40);
  });
});

describe('review notes', () => {
  test.each([
    ['签约项目约15个', /“签约项目约15个”: approximate, left out/u],
    ['签约项目3个，总投资3500万元', /万元 amount 3500万元 not converted/u],
    ['签约项目15个，总投资14.', /truncated number at end of text: 14\./u],
    ['“开工一批”项目1', /truncated number at end of text: 1\b/u],
    ['签约项目15个，总投资14.\n(下转D3版)', /truncated number at end of text: 14\./u],
    ['孟县开工项目3个', /“开工项目3个”: stated for 孟县, not for the reporting unit, left out/u],
    ['今年以来累计签约项目120个', /cumulative/u],
    ['共有10个代表项目在现场进行集中签约', /“共有10个代表项目”: a subset of projects \(代表\)/u],
    ['该项目拟投资4.18亿元', /“拟投资4\.18亿元”: one project's/u],
    ['泽州经济技术开发区签约项目3个', /stated for 泽州经济技术开发区/u],
    ['签约项目1\n5个', /number split by a line break: 1⏎5个, not joined/u],
    ['“签约一批”项目17个，平均单体投资5.57亿元', /an average/u],
  ])('%s', (text, note) => {
    expect(reviewOf(text)).toMatch(note);
  });

  test('a restated figure that disagrees: neither value is output, the review quotes both', () => {
    const { figures, review } = extractFigures('签约项目15个，总投资20.5亿元。据了解，本次活动签约项目16个。');
    expect(figures).toEqual({ signed: { investment: 20.5 } });
    expect(review.join('\n')).toMatch(
      /signed\.projects stated with different values \(“签约项目15个”, “签约项目16个”\): a second unit or period the text does not make clear, none of them output/u,
    );
  });

  test('a restated figure that agrees raises no note', () => {
    const { review } = extractFigures(
      '阳泉：\n集中签约项目15个\n\n本次活动集中签约项目15个。集中签约的15个项目，主要涉及现代物流。',
    );
    expect(review).toEqual([]);
  });

  test('nothing to report on a clean report', () => {
    expect(extractFigures(LVLIANG).review).toEqual([]);
  });
});

describe('extractProvinceFigures', () => {
  test('a city named as subject is never credited to the province', () => {
    expect(extractProvinceFigures('全省共签约项目198个，晋城市签约项目20个，太原开工项目15个').figures).toEqual({
      signed: { projects: 198 },
    });
  });

  test('全省 is the unit itself', () => {
    expect(extractProvinceFigures('全省开发区共签约项目198个、开工项目194个').figures).toEqual({
      signed: { projects: 198 },
      started: { projects: 194 },
    });
  });
});

describe('findFigureMentions', () => {
  test.each([
    ['太原', TAIYUAN],
    ['忻州', XINZHOU],
    ['阳泉', YANGQUAN],
    ['朔州', SHUOZHOU],
    ['晋中', JINZHONG],
    ['吕梁', LVLIANG],
  ])('the check reads %s once and gets what extractFigures and findFigureMentions each give', (_, text) => {
    expect(extractFiguresAndMentions(text)).toEqual({ ...extractFigures(text), mentions: findFigureMentions(text) });
  });

  test('value, unit, offset, part and key of each mention', () => {
    const text = '签约项目15个，总投资77.01亿元，预计年产值16.23亿元';
    expect(findFigureMentions(text)).toEqual([
      { value: 15, unit: '个', offset: 4, length: 3, text: '15个', key: 'projects', part: 'signed' },
      { value: 77.01, unit: '亿元', offset: 11, length: 7, text: '77.01亿元', key: 'investment', part: 'signed' },
      { value: 16.23, unit: '亿元', offset: 24, length: 7, text: '16.23亿元', key: 'expectedOutput', part: 'signed' },
    ]);
  });

  test('offsets point into the original text, traditional and full-width', () => {
    const text = '開工項目１０個，總投資１２．１２億元';
    const mentions = findFigureMentions(text);
    expect(mentions.map((m) => [m.value, m.text, m.part])).toEqual([
      [10, '１０個', 'started'],
      [12.12, '１２．１２億元', 'started'],
    ]);
    for (const m of mentions) expect(text.slice(m.offset, m.offset + m.length)).toBe(m.text);
  });

  test('left-out mentions carry the reason and no batch', () => {
    const [mention] = findFigureMentions('其中，平定县签约项目5个');
    expect(mention?.part).toBeUndefined();
    expect(mention?.leftOut).toMatch(/平定县/u);
  });

  test('万元 amounts are mentions with their unit', () => {
    const mentions = findFigureMentions('签约项目3个，总投资3500万元');
    expect(mentions[1]).toMatchObject({ value: 3500, unit: '万元', key: 'investment' });
    expect(mentions[1]?.part).toBeUndefined();
  });

  test('capacities are not mentions', () => {
    expect(findFigureMentions('200MW/800MWh共享储能电站项目、10万千瓦风电、年产4.5万吨、39MW')).toEqual([]);
  });

  test('every figure of every seed report is among its mentions, attributed', () => {
    for (const text of [XINZHOU, SHUOZHOU, JINZHONG, LVLIANG, YANGQUAN, TAIYUAN]) {
      const { figures } = extractFigures(text);
      const mentions = findFigureMentions(text);
      for (const [batch, values] of Object.entries(figures)) {
        for (const [key, value] of Object.entries(values ?? {})) {
          expect(mentions.some((m) => m.part === batch && m.key === key && m.value === value)).toBe(true);
        }
      }
    }
  });

  test('province scope', () => {
    const mentions = findFigureMentions(PROVINCE, { scope: 'province' });
    expect(mentions.filter((m) => m.part !== undefined).map((m) => m.value)).toEqual([198, 194, 158]);
  });
});
