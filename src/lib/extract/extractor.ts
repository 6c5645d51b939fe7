/**
 * The figure extractor: which "三个一批" figures a report's text states, and which numbers it
 * leaves out and why. Pure TypeScript, no Astro imports.
 *
 * How it reads:
 * 1. Normalise (traditional → simplified, full-width digits → ASCII), keeping offsets.
 * 2. Find every number + unit token (`15个`, `77.01亿元`, `3500万元`); capacities such as
 *    `10万千瓦`, `39MW`, `年产4万吨` are never tokens.
 * 3. Walk sentences and clauses in order. Each token is read in its own frame: the clause text
 *    from the previous token to the next one. A count reads its label (`“签约一批”项目15个`,
 *    `共签约21个项目`, `15个项目集中签约`, `项目总数61个`); an amount reads its money word
 *    (`总投资`, `签约投资额`, `预计年产值`). A figure with no batch word of its own takes the
 *    batch of the clause's count, else of the clause, else of the previous clause in the same
 *    sentence (`签约项目15个，总投资77.01亿元`).
 * 4. Exclusion rules (each documented where it is applied) leave figures out with a review note.
 * 5. Taken figures fill a RoundFigures; a key the text does not state stays absent.
 */
import type { Batch, BatchFigures, FigureKey, FigurePart, RoundFigures } from '#schemas/figures.ts';
import { originalSpan, readingText, type ReadingText } from './normalise.ts';
import { splitClauses, splitSentences, type Span } from './clauses.ts';
import { namesOwnUnit, otherUnitName, sentenceSubject } from './units.ts';
import {
  numbersSplitByLineBreak,
  scanNumbers,
  truncatedNumberAtEnd,
  type FigureUnit,
  type NumberToken,
} from './numbers.ts';
import {
  APPROXIMATE_WORD,
  approximateAfter,
  approximateBefore,
  batchWords,
  CURRENT_MARKER,
  distinctBatches,
  endsWithTotalWord,
  isExpectedOutput,
  isPerProjectAmount,
  isProgressAmount,
  labelMeaning,
  labelStart,
  moneyWordBefore,
  PERIOD_MARKER,
  qualifierMeaning,
  singleProjectSubject,
  SUBSET_MARKER,
  subUnitSubject,
  type LabelMeaning,
  type UnitScope,
} from './words.ts';

export type { FigureUnit } from './numbers.ts';

export interface ExtractedFigures {
  /** Only stated values: a key not stated is absent, a batch not mentioned is absent. */
  figures: RoundFigures;
  /** Notes on values left out and why, e.g. `“约15个”: approximate, left out`. */
  review: string[];
  /** Why each output figure was taken: its batch, the phrase and sentence as printed, the rule. */
  evidence: FigureEvidence[];
}

/** What made one output figure (the unit is the report's or the province's, as read). */
export interface FigureEvidence {
  part: FigurePart;
  key: FigureKey;
  value: number;
  /** The figure's phrase as printed, e.g. `“签约一批”项目15个`. */
  phrase: string;
  /** Its sentence as printed. */
  clause: string;
  /** How the batch was read, e.g. `label-first count`, `amount after 总投资, batch of the count in its clause`. */
  rule: string;
}

/** One number + unit about projects or money, for the figures ↔ text cross-check. */
export interface FigureMention {
  value: number;
  unit: FigureUnit;
  /** Offset in the text passed in (normalisation keeps offsets). */
  offset: number;
  length: number;
  /** The mention as printed, e.g. `70.05亿元`. */
  text: string;
  /** projects for 个; expectedOutput after 年产值; investment for every other amount. */
  key: FigureKey;
  /** The batch (or total) the figure is attributed to. Present only when it is taken. */
  part?: FigurePart;
  /** Why the figure is left out. Present only when it is left out. */
  leftOut?: string;
}

export interface ExtractOptions {
  /** `city` (default): a city report. `province`: a lead article about the whole province. */
  scope?: UnitScope;
}

/** Figures stated in ONE city report's text (its heading lines + body). */
export function extractFigures(text: string): ExtractedFigures {
  return summarise(text, readFigures(text, 'city'));
}

/** Province-wide figures from a lead article (`共签约项目198个、开工项目194个、投产项目158个`). */
export function extractProvinceFigures(text: string): ExtractedFigures {
  return summarise(text, readFigures(text, 'province'));
}

/**
 * {@link extractFigures} and {@link findFigureMentions} of one city report from a single reading
 * of its text: the content check needs both for every report, and reading is the costly part.
 */
export function extractFiguresAndMentions(text: string): ExtractedFigures & { mentions: FigureMention[] } {
  const read = readFigures(text, 'city');
  return { ...summarise(text, read), mentions: read.decisions.map((d) => toMention(text, read.reading, d)) };
}

/** Every project count and amount in the text, with its attribution or why it is left out. */
export function findFigureMentions(text: string, options: ExtractOptions = {}): FigureMention[] {
  const read = readFigures(text, options.scope ?? 'city');
  return read.decisions.map((d) => toMention(text, read.reading, d));
}

// ---------------------------------------------------------------------------------------------
// Reading state
// ---------------------------------------------------------------------------------------------

/** What the figures just read were about; figures without a batch word of their own inherit it. */
type Context =
  | { kind: 'part'; part: FigurePart }
  /** `part`: the batch a left-out subset belongs to (`现场签约项目6个` after the signed count). */
  | { kind: 'excluded'; reason: string; part?: FigurePart }
  | { kind: 'respectively'; batches: Batch[] };

interface Decision {
  token: NumberToken;
  key: FigureKey;
  part?: FigurePart;
  leftOut?: string;
  /** Left out because of what the figure is about (sub-unit, subset, period): it taints the context. */
  structural: boolean;
  /** Offsets of the phrase quoted in a review note. */
  phraseStart: number;
  phraseEnd: number;
  /** Inside parentheses (see {@link Marks}). */
  aside?: boolean;
  /** The place other than the reporting unit the figure is stated for, when that is why it is left out. */
  otherUnit?: string;
  /** The batch whose subset (signed on site) the figure counts, when that is why it is left out. */
  subsetOf?: FigurePart;
  /** How the figure was read (see {@link FigureEvidence}). */
  rule?: string;
}

/** State within one sentence. */
interface SentenceState {
  /** Context for figures without their own batch word, as of the start of the current clause. */
  context: Context | undefined;
  /** Context from figures only, updated figure by figure; the base of a following `其中`. */
  figureContext: Context | undefined;
  /** After `其中` that follows a batch or a subset: why the figures now are parts. */
  subsetOf: string | undefined;
  /** The `其中` opened on a batch figure (`签约项目18个，其中…`): a `；` ends it. */
  subsetOfBatch: boolean;
  /** After `今年以来` / `累计` / `1-4月` …, until `本次` / `此次`. */
  otherPeriod: boolean;
  /** Amounts of the previous clause with nothing to attribute them to yet. */
  pending: Decision[];
  /** How deep in parentheses the reading is, and where a `其中` was opened. */
  parenDepth: number;
  subsetDepth: number;
  /** Batches of the figures read so far in the sentence, in order (for a later 分别). */
  batchesSoFar: Batch[];
  /** A place other than the reporting unit that the sentence is about (`原平市签约…；开工…`). */
  subject: string | undefined;
}

/** The markers in force at one token (see {@link applyMarkers}). */
interface Marks {
  otherPeriod: boolean;
  subsetOf: string | undefined;
  /** Inside parentheses: an aside, which never sets the context for the figures after it. */
  aside: boolean;
  /** The place other than the reporting unit that the sentence is about, if any. */
  subject: string | undefined;
}

/** The frame of one token: its clause, and the text between its neighbouring tokens. */
interface Frame {
  token: NumberToken;
  clause: Span;
  zoneStart: number;
  zoneEnd: number;
  before: string;
  after: string;
}

/** What one clause reads with: the sentence's context, 分别 pairing, the scope. */
interface ClauseReading {
  text: string;
  scope: UnitScope;
  /** The context at the start of the clause. */
  context: Context | undefined;
  respectively: Respectively | undefined;
  /** Next figure index per key after 分别. */
  cursor: Record<FigureKey, number>;
  /** The count of a batch taken so far in the text, if any. */
  statedCount: (part: FigurePart) => number | undefined;
  /**
   * The sentence before named the round (`“三个一批”活动…举行`) and stated no figure, and this
   * clause opens its sentence: a bare `812个项目涉及…` there counts the round's projects.
   */
  opensAfterRound: boolean;
}

// ---------------------------------------------------------------------------------------------
// The walk
// ---------------------------------------------------------------------------------------------

interface Reading {
  decisions: Decision[];
  reading: ReadingText;
}

function readFigures(original: string, scope: UnitScope): Reading {
  const reading = readingText(original);
  const { text } = reading;
  const tokens = scanNumbers(text);
  const decisions: Decision[] = [];
  const statedCount = (part: FigurePart) =>
    decisions.findLast((d) => d.key === 'projects' && d.part === part && d.leftOut === undefined)?.token.value;
  let previousSentence: Context | undefined;
  // A place other than the reporting unit that a sentence opens with (`同日，定襄县举行分会场
  // 活动。活动中，该县集中签约项目4个`): its paragraph's later sentences stay about it.
  let paragraphSubject: string | undefined;
  let previousEnd = 0;
  let roundJustNamed = false;
  for (const sentence of splitSentences(text)) {
    if (text.slice(previousEnd, sentence.start).includes('\n')) paragraphSubject = undefined;
    previousEnd = sentence.end;
    const opens = sentenceSubject(sentence.text);
    if (opens !== 'same' && opens !== undefined) paragraphSubject = otherUnitName(opens, scope);
    const state: SentenceState = {
      context: undefined,
      figureContext: undefined,
      subsetOf: undefined,
      otherPeriod: false,
      pending: [],
      parenDepth: 0,
      subsetDepth: 0,
      subsetOfBatch: false,
      batchesSoFar: [],
      subject: paragraphSubject,
    };
    for (const clause of splitClauses(text, sentence)) {
      // `“签约一批”项目18个，其中战新产业项目6个；“开工一批”项目20个`: the `；` closes the parts
      // of the signed batch. (The parts of a category, `…的项目共25个，其中…；…`, stay parts.)
      if (state.subsetOfBatch && /[；;]/u.test(text[clause.start - 1] ?? '')) {
        state.subsetOf = undefined;
        state.subsetOfBatch = false;
      }
      const inClause = tokens.filter((t) => t.offset >= clause.start && t.end <= clause.end);
      const opensAfterRound = clause.start === sentence.start && roundJustNamed;
      const read = readClause(text, clause, inClause, state, previousSentence, scope, statedCount, opensAfterRound);
      decisions.push(...read);
      // `原平市签约项目6个，…；开工项目5个`: the rest of the sentence stays about 原平市.
      const named = read.find((d) => d.otherUnit !== undefined)?.otherUnit;
      if (named !== undefined) state.subject = named;
    }
    previousSentence = state.figureContext ?? previousSentence;
    roundJustNamed =
      /三个一批|签约一批[^。]{0,12}开工一批[^。]{0,12}投产一批/u.test(sentence.text) &&
      !decisions.some((d) => d.token.offset >= sentence.start && d.token.offset < sentence.end);
  }
  return { decisions: decisions.map(finalise), reading };
}

/** An amount still unattributed at the end is left out (e.g. `康佳集团…投资50亿元`). */
function finalise(d: Decision): Decision {
  if (d.part !== undefined || d.leftOut !== undefined) return d;
  return { ...d, leftOut: 'not attributed to any batch or to the total' };
}

/**
 * One clause, in two passes: tokens in text order (markers applied as they come, counts
 * decided at once), then amounts, which may take the batch of any count in the clause.
 */
function readClause(
  text: string,
  clause: Span,
  tokens: NumberToken[],
  state: SentenceState,
  previousSentence: Context | undefined,
  scope: UnitScope,
  statedCount: (part: FigurePart) => number | undefined,
  opensAfterRound = false,
): Decision[] {
  const reading: ClauseReading = {
    text,
    scope,
    context: state.context,
    respectively: respectivelyBatches(clause.text, state),
    cursor: { projects: 0, investment: 0, expectedOutput: 0 },
    statedCount,
    opensAfterRound,
  };
  const counts: Decision[] = [];
  const amounts: { frame: Frame; marks: Marks }[] = [];
  let position = clause.start;
  tokens.forEach((token, i) => {
    applyMarkers(text, position, token.offset, state, previousSentence);
    position = token.end;
    const frame = frameOf(text, clause, tokens, i);
    const marks: Marks = {
      otherPeriod: state.otherPeriod,
      subsetOf: state.subsetOf,
      aside: state.parenDepth > 0,
      subject: state.subject,
    };
    if (token.unit !== '个') {
      amounts.push({ frame, marks });
      return;
    }
    const d = decideCount(reading, frame, marks);
    if (!d) return;
    counts.push(d);
    if (!d.aside) state.figureContext = contextAfter(d) ?? state.figureContext;
  });
  applyMarkers(text, position, clause.end, state, previousSentence);
  attributePending(state, counts);

  const decided = [...counts, ...amounts.map(({ frame, marks }) => decideAmount(reading, frame, marks, counts))];
  decided.sort((a, b) => a.token.offset - b.token.offset);
  for (const d of decided) {
    if (d.part && d.part !== 'total' && !d.aside && !state.batchesSoFar.includes(d.part)) {
      state.batchesSoFar.push(d.part);
    }
  }
  updateContext(clause, decided, state, reading.respectively);
  state.pending = decided.filter((d) => d.key !== 'projects' && d.part === undefined && !d.leftOut);
  return decided;
}

function frameOf(text: string, clause: Span, tokens: NumberToken[], i: number): Frame {
  const token = tokens[i] as NumberToken;
  const zoneStart = tokens[i - 1]?.end ?? clause.start;
  const zoneEnd = tokens[i + 1]?.offset ?? clause.end;
  return {
    token,
    clause,
    zoneStart,
    zoneEnd,
    before: text.slice(zoneStart, token.offset),
    after: text.slice(token.end, zoneEnd),
  };
}

/** Any of the markers {@link applyMarkers} reads; it matches wherever one of them would. */
const ANY_MARKER = new RegExp(
  [PERIOD_MARKER, CURRENT_MARKER, SUBSET_MARKER, /[(（]/u, /[)）]/u].map((re) => re.source).join('|'),
  'u',
);

/**
 * Markers between `from` and `to`, in text order:
 * - `今年以来` / `累计` / `1-4月` …: figures that follow are for another period (left out);
 * - `本次` / `此次` / `当日`: back to the round (after a cumulative figure);
 * - `其中`: what follows is a part of the figure before it. After a total that is the batch
 *   breakdown (`共有项目37个…。其中，“签约一批”项目15个`) and is taken; after a batch, a
 *   sub-unit or a category it is a sub-figure and is left out
 *   (`涉及“省级重点产业链”的项目共25个，其中签约项目7个`). A `其中` opened inside parentheses
 *   ends with them (`签约项目15个（其中外资项目3个），总投资77.01亿元`).
 */
function applyMarkers(
  text: string,
  from: number,
  to: number,
  state: SentenceState,
  previousSentence: Context | undefined,
): void {
  if (to <= from) return;
  const slice = text.slice(from, to);
  // Most stretches between figures hold no marker at all: one test instead of five scans.
  if (!ANY_MARKER.test(slice)) return;
  const found = (re: RegExp, kind: 'period' | 'current' | 'subset' | 'open' | 'close') =>
    [...slice.matchAll(re)].map((m) => ({ index: m.index, kind }));
  const markers = [
    ...found(PERIOD_MARKER, 'period'),
    ...found(CURRENT_MARKER, 'current'),
    ...found(SUBSET_MARKER, 'subset'),
    ...found(/[(（]/gu, 'open'),
    ...found(/[)）]/gu, 'close'),
  ].sort((a, b) => a.index - b.index);
  for (const marker of markers) {
    if (marker.kind === 'period') state.otherPeriod = true;
    else if (marker.kind === 'current') {
      // `今年以来累计签约项目120个，其中本次签约项目15个`: back to the round, out of the subset
      // of the cumulative figure. (`…的项目共25个，其中此次签约项目7个` stays a subset.)
      if (state.otherPeriod) state.subsetOf = undefined;
      state.otherPeriod = false;
    } else if (marker.kind === 'subset') {
      const base = state.figureContext ?? previousSentence;
      state.subsetOf = subsetReason(base);
      state.subsetOfBatch = base?.kind === 'part' && base.part !== 'total';
      state.subsetDepth = state.parenDepth;
    } else if (marker.kind === 'open') state.parenDepth += 1;
    else {
      state.parenDepth = Math.max(0, state.parenDepth - 1);
      if (state.subsetDepth > state.parenDepth) state.subsetOf = undefined;
    }
  }
}

function subsetReason(base: Context | undefined): string | undefined {
  if (base === undefined) return undefined;
  if (base.kind === 'part' && base.part === 'total') return undefined;
  if (base.kind === 'part') return `a part (其中…) of the ${base.part} figure before it`;
  if (base.kind === 'excluded') return 'a part (其中…) of a figure left out before it';
  return 'a part (其中…) of the figures before it';
}

// ---------------------------------------------------------------------------------------------
// Counts (个)
// ---------------------------------------------------------------------------------------------

/** How a count is written. */
type CountForm =
  /** `签约项目15个`, `“签约一批”项目15个`, `项目总数61个`, `共有项目37个`. */
  | { form: 'label'; meaning: LabelMeaning; totalTail: boolean; respectively: boolean; phraseStart: number }
  /** `共签约21个项目`, `15个项目集中签约`, `10个代表项目`, `共有60个项目`. */
  | { form: 'countFirst'; qualifier: LabelMeaning; phraseStart: number; phraseEnd: number }
  /** `签约15个`, or the 2nd/3rd number after 分别 (`分别为12个、10个、10个`). */
  | { form: 'bare'; meaning: LabelMeaning; phraseStart: number };

const LABEL_TAIL = new RegExp(
  String.raw`项目\s*(总数量|总数|数量|数)?\s*(分别)?\s*((?:共有|共计|合计|总计|共|为|是|达到|达|有|计)*)\s*${APPROXIMATE_WORD}?\s*$`,
  'u',
);
const COUNT_FIRST = /^\s*([^，。；、\d\s]{0,10}?)项目/u;
/** What is quoted before a count-first number: `共有10个代表项目`, `集中签约的15个项目`. */
const COUNT_FIRST_LEAD = new RegExp(
  String.raw`(?:共有|共计|合计|共|集中|现场|新)*(?:签约|开工|动工|投产|投运)?(?:了|的)?(?:共有|共计|共)?${APPROXIMATE_WORD}?\s*$`,
  'u',
);

function countForm(frame: Frame, respectively: Respectively | undefined): CountForm | undefined {
  const label = LABEL_TAIL.exec(frame.before);
  if (label) {
    const words = frame.before.slice(0, label.index);
    const meaning = labelMeaning(words);
    return {
      form: 'label',
      meaning,
      totalTail: /总数|共有|共计|合计|总计|共/u.test(`${label[1] ?? ''}${label[3] ?? ''}`),
      respectively: label[2] !== undefined,
      phraseStart: frame.zoneStart + labelStart(words, meaning),
    };
  }
  const countFirst = COUNT_FIRST.exec(frame.after);
  // `19个开发区共签约项目15个`: 19 counts zones; the qualifier would swallow a label.
  const swallowsLabel =
    countFirst &&
    /签约|开工|动工|投产|投运|共/u.test(countFirst[1] ?? '') &&
    qualifierMeaning(countFirst[1] ?? '').kind !== 'batch';
  if (countFirst && !swallowsLabel) {
    return {
      form: 'countFirst',
      qualifier: qualifierMeaning(countFirst[1] ?? ''),
      phraseStart: frame.token.offset - (COUNT_FIRST_LEAD.exec(frame.before)?.[0].length ?? 0),
      phraseEnd: frame.token.end + countFirst.index + countFirst[0].length,
    };
  }
  const words = frame.before.replace(new RegExp(String.raw`(?:分别|为|是|共|${APPROXIMATE_WORD})+\s*$`, 'u'), '');
  const meaning = labelMeaning(words);
  if (meaning.kind === 'batch' || meaning.kind === 'list') {
    return { form: 'bare', meaning, phraseStart: frame.zoneStart + labelStart(words, meaning) };
  }
  if (respectively && /^[\s、和及与]*$/u.test(frame.before)) {
    return { form: 'bare', meaning: { kind: 'generic' }, phraseStart: frame.token.offset };
  }
  // Any other `N个` (`11个市`, `3个分会场`) does not count projects: not a figure mention.
  return undefined;
}

interface Respectively {
  batches: Batch[];
}

/**
 * `签约、开工、投产项目分别为12个、10个、10个，总投资分别为…`: a clause with 分别 pairs the
 * batches named before it in the clause, else those of the previous 分别, else those of the
 * figures read so far in the sentence (`签约项目15个，开工项目11个，总投资分别为…`), with its
 * figures, in order.
 */
function respectivelyBatches(clause: string, state: SentenceState): Respectively | undefined {
  const at = clause.indexOf('分别');
  if (at < 0) return undefined;
  const named = distinctBatches(clause.slice(0, at));
  if (named.length >= 2) return { batches: named };
  if (state.context?.kind === 'respectively') return { batches: state.context.batches };
  if (state.batchesSoFar.length >= 2) return { batches: [...state.batchesSoFar] };
  return undefined;
}

const COUNT_RULE: Record<CountForm['form'], string> = {
  label: 'count after its label (签约项目15个)',
  countFirst: 'count before 项目 (15个项目集中签约)',
  bare: 'count after a batch word (签约15个)',
};

type Meant = { part: FigurePart | undefined } | { leftOut: string; structural: boolean };

function decideCount(reading: ClauseReading, frame: Frame, marks: Marks): Decision | undefined {
  const form = countForm(frame, reading.respectively);
  if (!form) return undefined;
  const { token } = frame;
  const base = {
    token,
    key: 'projects' as const,
    aside: marks.aside,
    phraseStart: form.phraseStart,
    phraseEnd: form.form === 'countFirst' ? form.phraseEnd : token.end,
    rule: COUNT_RULE[form.form],
  };

  const structural = structuralExclusion(reading, frame, marks);
  if (structural) {
    const other = structural.otherUnit === undefined ? {} : { otherUnit: structural.otherUnit };
    return { ...base, ...other, structural: true, leftOut: structural.reason };
  }

  const meant = countPart(reading, frame, form);
  if ('leftOut' in meant) return { ...base, structural: meant.structural, leftOut: meant.leftOut };
  if (meant.part === undefined)
    return { ...base, structural: false, leftOut: 'not attributed to any batch or to the total' };
  const taken = { ...base, part: meant.part, structural: false };

  // Rule: `现场签约项目6个` / `9个项目进行了现场签约` after the batch's count was stated (18):
  // the projects signed on site, a subset of the batch, never its count.
  const before = reading.statedCount(meant.part);
  if (
    before !== undefined &&
    before !== token.value &&
    /现场/u.test(reading.text.slice(frame.zoneStart, frame.zoneEnd))
  ) {
    return {
      ...base,
      structural: true,
      subsetOf: meant.part,
      leftOut: `on site (现场), a subset of the ${meant.part} count ${before} stated before`,
    };
  }

  // Rule: `约15个`, `15余个`, `15个左右`, `15个以上项目` are approximate: never a figure.
  if (token.rough || approximateBefore(frame.before) || approximateAfter(frame.after)) {
    return { ...taken, leftOut: 'approximate' };
  }
  // Rule: a count of projects is a whole number.
  if (!Number.isInteger(token.value)) return { ...taken, leftOut: 'not a whole number of projects' };
  return taken;
}

function countPart(reading: ClauseReading, frame: Frame, form: CountForm): Meant {
  if (form.form === 'countFirst') {
    // Rule: `10个代表项目`, `43个亿元以上项目`: a qualified subset, never the batch count.
    if (form.qualifier.kind === 'category') return category(form.qualifier.qualifier);
    if (form.qualifier.kind === 'batch') return { part: form.qualifier.batch };
    const list = labelMeaning(frame.before);
    if (list.kind === 'list') return fromList(reading, list.batches, false);
    // `39个项目参加集中签约、开工、投产`: the projects of several batches together.
    const listAfter = distinctBatches(frame.after);
    if (
      listAfter.length >= 2 &&
      /^[^，。；]*?(?:签约|开工|动工|投产|投运)(?:一批)?[”"」]?[、和及与]/u.test(frame.after)
    ) {
      return fromList(reading, listAfter, false);
    }
    const word = nearestBatchWord(frame);
    if (word) return { part: word };
    if (endsWithTotalWord(frame.before)) return { part: 'total' };
    // Rule: `…“三个一批”活动在全省各地同步举行。812个项目涉及…`: a sentence that opens with a
    // bare count right after the sentence naming the round counts all the round's projects.
    if (
      reading.opensAfterRound &&
      form.qualifier.kind === 'generic' &&
      frame.before.trim() === '' &&
      /^项目(?:涉及|涵盖|覆盖|包括|分布|共|总投资)/u.test(frame.after)
    ) {
      return { part: 'total' };
    }
    return inherited(reading, 'projects');
  }
  const meaning = form.meaning;
  // Rule: `战略性新兴产业项目54个`, `亿元以上项目共43个`, `涉及…的项目共25个`: a category.
  if (meaning.kind === 'category') return category(meaning.qualifier);
  if (meaning.kind === 'batch') return { part: meaning.batch };
  if (meaning.kind === 'list') return fromList(reading, meaning.batches, form.form === 'label' && form.respectively);
  if (meaning.kind === 'total') return { part: 'total' };
  if (form.form === 'label' && form.totalTail) return { part: 'total' };
  return inherited(reading, 'projects');
}

function category(qualifier: string): Meant {
  return { leftOut: `a subset of projects (${qualifier}), not a batch figure`, structural: true };
}

/**
 * A count labelled with several batches: with 分别 each batch takes its figure in order;
 * without, all three together mean the total (`共签约、开工、投产项目90个`), two are ambiguous.
 */
function fromList(reading: ClauseReading, batches: Batch[], saysRespectively: boolean): Meant {
  if (saysRespectively || reading.respectively) return nextRespectively(reading, 'projects', batches);
  if (batches.length === 3) return { part: 'total' };
  return { leftOut: `stated for several batches together (${batches.join(' + ')})`, structural: true };
}

function nextRespectively(
  reading: ClauseReading,
  key: FigureKey,
  batches: Batch[] = reading.respectively?.batches ?? [],
): Meant {
  const i = reading.cursor[key];
  reading.cursor[key] = i + 1;
  const batch = batches[i];
  if (batch === undefined) return { leftOut: 'more figures after 分别 than batches named', structural: false };
  return { part: batch };
}

/** A figure with no batch word of its own takes the sentence's context. */
function inherited(reading: ClauseReading, key: FigureKey): Meant {
  const { context } = reading;
  if (reading.respectively) return nextRespectively(reading, key);
  if (context === undefined || context.kind === 'respectively') return { part: undefined };
  if (context.kind === 'part') return { part: context.part };
  return { leftOut: context.reason, structural: true };
}

/** The batch word nearest to a count-first number: before it (`共签约21个`) or after (`15个项目集中签约`). */
function nearestBatchWord(frame: Frame): Batch | undefined {
  const before = batchWords(frame.before).at(-1);
  const after = batchWords(frame.after)[0];
  if (!before) return after?.batch;
  if (!after) return before.batch;
  return frame.before.length - before.end <= after.index ? before.batch : after.batch;
}

/**
 * Reasons that concern what a figure is about; they hold for counts and amounts alike and are
 * carried to the figures that follow in the sentence.
 */
function structuralExclusion(
  reading: ClauseReading,
  frame: Frame,
  marks: Marks,
): { reason: string; otherUnit?: string } | undefined {
  // Rule: cumulative or yearly figures (`今年以来累计签约项目120个`, `1-4月`) are not the round's.
  if (marks.otherPeriod) return { reason: 'cumulative or for another period, not the round' };
  // Rule: a county's / district's / zone's figures are never credited to the city; a city's
  // never to the province; the province's never to a city.
  const region = reading.text.slice(frame.clause.start, frame.token.end);
  const said = subUnitSubject(region, reading.scope);
  // `该县集中签约…`: the county named before.
  const subUnit = said !== undefined && /^该(?:县|区)$/u.test(said) ? (marks.subject ?? said) : said;
  if (subUnit) return { reason: `stated for ${subUnit}, not for the reporting unit`, otherUnit: subUnit };
  // Rule: in a sentence or paragraph about such a place, a figure with no unit of its own is
  // that place's too (`原平市签约项目6个；开工项目5个`, `定襄县举行…。活动中，该县集中签约…`).
  if (marks.subject !== undefined && !namesOwnUnit(region, reading.scope)) {
    return { reason: `stated for ${marks.subject}, not for the reporting unit`, otherUnit: marks.subject };
  }
  // Rule: `其中…` after a batch or a subset: a sub-figure, never credited to the batch.
  if (marks.subsetOf) return { reason: marks.subsetOf };
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Amounts (亿元, 万元)
// ---------------------------------------------------------------------------------------------

function decideAmount(reading: ClauseReading, frame: Frame, marks: Marks, counts: Decision[]): Decision {
  const { token } = frame;
  const money = moneyWordBefore(frame.before);
  // `总投资分别为24.07亿元、12.12亿元`: the 2nd amount continues the list.
  const continuesList = !money && reading.respectively !== undefined && /^[\s、和及与]*$/u.test(frame.before);
  const key = amountKey(reading, frame, money, continuesList);
  const base = {
    token,
    key,
    aside: marks.aside,
    phraseStart: money ? frame.zoneStart + money.index : Math.max(frame.zoneStart, token.offset - 4),
    phraseEnd: token.end,
    rule: money ? `amount after ${money.word}` : 'amount continuing a 分别 list',
  };
  const leftOut = (reason: string, structural = false): Decision => ({ ...base, structural, leftOut: reason });

  // Rule: an amount needs a money word (`总投资`, `签约投资额`, `预计年产值`, …) right before it.
  if (!money && !continuesList) return leftOut('amount without a money word (总投资, 年产值 …)');
  if (money) {
    // Rule: `实现产值` (output achieved) is not an expected annual output.
    if (money.word.includes('产值') && key !== 'expectedOutput') {
      return leftOut('output achieved, not an expected annual output');
    }
    // Rule: `完成投资`, `累计完成投资`: progress so far, not a stated batch figure.
    if (isProgressAmount(frame.before.slice(0, money.index))) {
      return leftOut('investment completed so far, not a stated figure');
    }
    // Rule: `平均单体投资5.57亿元`: an average or one project's share, not a batch figure.
    if (isPerProjectAmount(frame.before.slice(0, money.index))) {
      return leftOut("an average or one project's amount, not a batch figure");
    }
  }
  // Rule: one project's or company's amount (`该项目拟投资4.18亿元`) is not a batch figure.
  if (counts.length === 0 && money && batchWords(frame.before).length === 0) {
    const own = singleProjectSubject(reading.text.slice(frame.clause.start, frame.zoneStart + money.index));
    if (own) return leftOut(`one project's or company's amount (${own}), not a batch figure`, true);
  }
  const structural = structuralExclusion(reading, frame, marks);
  if (structural) {
    const d = leftOut(structural.reason, true);
    return structural.otherUnit === undefined ? d : { ...d, otherUnit: structural.otherUnit };
  }

  const meant = amountPart(reading, frame, money?.respectively === true || continuesList, counts, key);
  if ('leftOut' in meant) return leftOut(meant.leftOut, meant.structural);
  const attributed =
    meant.part === undefined ? { ...base, structural: false } : { ...base, part: meant.part, structural: false };

  // Rule: `约15亿元`, `70余亿元`, `10亿元以上` are approximate: never a figure.
  if (money?.approximate === true || token.rough || approximateAfter(frame.after)) {
    return { ...attributed, leftOut: 'approximate' };
  }
  // Rule: `万元` amounts are left out, not converted: figures are stated in 亿元 as printed.
  if (token.unit === '万元') return { ...attributed, leftOut: `万元 amount ${token.digits}万元 not converted` };
  return attributed;
}

function amountKey(
  reading: ClauseReading,
  frame: Frame,
  money: ReturnType<typeof moneyWordBefore>,
  continuesList: boolean,
): FigureKey {
  if (money) return isExpectedOutput(money.word, frame.before.slice(money.index)) ? 'expectedOutput' : 'investment';
  if (!continuesList) return 'investment';
  const clauseBefore = reading.text.slice(frame.clause.start, frame.token.offset);
  return /产值[^投]*$/u.test(clauseBefore) ? 'expectedOutput' : 'investment';
}

/**
 * The batch of an amount, in order: 分别; a batch word in its own frame (`签约投资额41.33亿元`);
 * the nearest count in the same clause (`总投资77.01亿元的15个项目集中签约`); a single batch
 * word in the clause; the previous clause's context in the same sentence.
 */
function amountPart(
  reading: ClauseReading,
  frame: Frame,
  saysRespectively: boolean,
  counts: Decision[],
  key: FigureKey,
): Meant {
  if (saysRespectively) {
    if (reading.respectively) return nextRespectively(reading, key);
    return { leftOut: '分别 (respectively) without the batches it pairs with', structural: false };
  }
  const own = batchWords(frame.before).at(-1);
  // `现场签约项目6个，签约金额28.7亿元`: the amount of the subset just left out.
  const { context } = reading;
  if (own && context?.kind === 'excluded' && context.part === own.batch) {
    return { leftOut: context.reason, structural: true };
  }
  if (own) return { part: own.batch };
  const count = nearestCount(frame.token.offset, counts);
  if (count) {
    if (count.structural && count.leftOut) return { leftOut: count.leftOut, structural: true };
    return { part: count.part };
  }
  const inClause = distinctBatches(frame.clause.text);
  if (inClause.length === 1 && inClause[0]) return { part: inClause[0] };
  if (inClause.length > 1) return { leftOut: 'the clause names several batches', structural: false };
  if (context === undefined || context.kind === 'respectively') return { part: undefined };
  if (context.kind === 'part') return { part: context.part };
  return { leftOut: context.reason, structural: true };
}

function nearestCount(offset: number, counts: Decision[]): Decision | undefined {
  return counts.filter((c) => c.token.offset < offset).at(-1) ?? counts.find((c) => c.token.offset > offset);
}

/**
 * `总投资77.01亿元，15个项目集中签约`: an amount the previous clause could not attribute takes
 * the batch of the first count of the next clause.
 */
function attributePending(state: SentenceState, counts: Decision[]): void {
  const first = counts[0];
  if (!first || first.part === undefined || first.structural) return;
  for (const pending of state.pending) pending.part = first.part;
}

// ---------------------------------------------------------------------------------------------
// Context after a clause
// ---------------------------------------------------------------------------------------------

/** What a decided figure tells the figures after it; undefined when it tells nothing. */
function contextAfter(d: Decision): Context | undefined {
  if (d.structural && d.leftOut !== undefined) {
    return d.subsetOf === undefined
      ? { kind: 'excluded', reason: d.leftOut }
      : { kind: 'excluded', reason: d.leftOut, part: d.subsetOf };
  }
  if (d.part !== undefined) return { kind: 'part', part: d.part };
  return undefined;
}

function updateContext(
  clause: Span,
  decided: Decision[],
  state: SentenceState,
  respectively: Respectively | undefined,
): void {
  if (respectively) {
    state.context = { kind: 'respectively', batches: respectively.batches };
    state.figureContext = state.context;
    return;
  }
  const last = decided
    .filter((d) => !d.aside)
    .map(contextAfter)
    .filter((c) => c !== undefined)
    .at(-1);
  if (last) {
    state.context = last;
    state.figureContext = last;
    return;
  }
  // A clause that names one batch and states no figure (`“签约一批”：`) sets the context.
  const named = distinctBatches(clause.text);
  if (decided.length === 0 && named.length === 1 && named[0]) state.context = { kind: 'part', part: named[0] };
}

// ---------------------------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------------------------

function toMention(original: string, reading: ReadingText, d: Decision): FigureMention {
  const at = originalSpan(reading, d.token.offset, d.token.end);
  const mention: FigureMention = {
    value: d.token.value,
    unit: d.token.unit,
    offset: at.start,
    length: at.end - at.start,
    text: original.slice(at.start, at.end),
    key: d.key,
  };
  if (d.leftOut !== undefined) mention.leftOut = d.leftOut;
  else if (d.part !== undefined) mention.part = d.part;
  return mention;
}

function summarise(original: string, { decisions, reading }: Reading): ExtractedFigures {
  const quote = (start: number, end: number) => {
    const at = originalSpan(reading, start, end);
    return original.slice(at.start, at.end).replace(/^[\s、，,“”"]+/u, '');
  };
  const review: string[] = [];
  const taken: Decision[] = [];
  for (const d of decisions) {
    if (d.leftOut !== undefined || d.part === undefined) {
      review.push(`“${quote(d.phraseStart, d.phraseEnd)}”: ${d.leftOut ?? 'not attributed'}, left out`);
      continue;
    }
    taken.push(d);
  }
  // Rule: a batch stated twice with different values is a second unit or period that the text
  // does not make clear: neither value is output, the review quotes both.
  const slot = (d: Decision) => `${d.part}.${d.key}`;
  const conflicting = new Set<string>();
  for (const d of taken) {
    if (taken.some((e) => slot(e) === slot(d) && e.token.value !== d.token.value)) conflicting.add(slot(d));
  }
  for (const key of conflicting) {
    const values = taken.filter((d) => slot(d) === key).map((d) => `“${quote(d.phraseStart, d.phraseEnd)}”`);
    review.push(
      `${key} stated with different values (${[...new Set(values)].join(', ')}): a second unit or period the text does not make clear, none of them output`,
    );
  }
  const figures: RoundFigures = {};
  const evidence: FigureEvidence[] = [];
  for (const d of taken) {
    if (conflicting.has(slot(d)) || d.part === undefined) continue;
    const batch: BatchFigures = figures[d.part] ?? {};
    batch[d.key] = d.token.value;
    figures[d.part] = batch;
    const clause = clauseAround(reading.text, d.token.offset);
    evidence.push({
      part: d.part,
      key: d.key,
      value: d.token.value,
      phrase: quote(d.phraseStart, d.phraseEnd),
      clause: quote(clause.start, clause.end),
      rule: d.rule ?? (d.key === 'projects' ? 'count' : 'amount'),
    });
  }
  const { text } = reading;
  for (const split of numbersSplitByLineBreak(text)) {
    review.push(`number split by a line break: ${split}, not joined, left out`);
  }
  const cut = truncatedNumberAtEnd(text);
  if (cut !== undefined) review.push(`truncated number at end of text: ${cut}, not guessed`);
  return { figures, review, evidence };
}

/** The sentence around `offset` (from the previous 。！？ or line break to the next). */
function clauseAround(text: string, offset: number): { start: number; end: number } {
  const before = text.slice(0, offset);
  const start = Math.max(before.search(/[^。！？\n]*$/u), 0);
  const rest = /[。！？\n]/u.exec(text.slice(offset));
  return { start, end: rest ? offset + rest.index : text.length };
}
