/**
 * Figures ↔ text: every figure in a city report's front-matter must be stated by that report's
 * own text (its heading lines and body), in the same batch; a figure the text states for a
 * batch that the front-matter lacks is a warning. The province's figures must occur in the
 * issue's text. The same figure extractor as the importer reads the text, and the check
 * compares only what it reads with certainty: a batch it abstains on (two values stated, a
 * unit not certain, a figure left out) is never compared, and a front-matter value that the
 * text states elsewhere too is at most a warning. An error only where the text states another
 * figure for the same unit and batch, and the front-matter's figure nowhere.
 */
import { cityName } from '#data/cities.ts';
import { FIGURE_KEYS, FIGURE_PARTS, FIGURE_PART_LABELS, UNITS, cents } from '#schemas/figures.ts';
import { extractFiguresAndMentions, findFigureMentions } from '#lib/extract/extractor.ts';
import { describeSubUnit, reportUnit } from '#lib/extract/units.ts';
import { formatFigure } from '#schemas/figures.ts';
import type { LoadedIssue } from '#lib/source/loaded-issue.ts';
import type { Problem } from './problem.ts';

export function crossCheckIssue({ file, issue, body, lineOf }: LoadedIssue): Problem[] {
  const problems: Problem[] = [];
  issue.cityReports.forEach((report, i) => {
    const anchor = report.id ?? report.city;
    const section = body.sections.find((s) => s.component === 'CityReport' && s.anchor === anchor);
    if (!section) return; // reported by the body ↔ front-matter check
    const name = cityName(report.city);
    const text = [...report.headline, section.text].join('\n');
    // A report about a county, district or zone of the city (`山西繁峙县举行…`): the figures its
    // text states are that place's, never the city's round figures.
    const unit = reportUnit(report.headline, section.text);
    if (unit?.kind === 'subUnit' && unit.place.city.slug === report.city) {
      if (FIGURE_PARTS.some((part) => report[part] !== undefined)) {
        const line = lineOf(['cityReports', i]);
        problems.push({
          severity: 'error',
          file,
          ...(line === undefined ? {} : { line }),
          field: `cityReports[${i}] ${name}`,
          message: `the report is about ${describeSubUnit(unit.place)}: its figures are ${unit.place.name}'s, part of ${name}'s and never ${name}'s round figures; leave them out of the front-matter`,
        });
      }
      return;
    }
    const { figures: stated, mentions: mentioned } = extractFiguresAndMentions(text);
    for (const part of FIGURE_PARTS) {
      for (const key of FIGURE_KEYS) {
        const fm = report[part]?.[key];
        const tx = stated[part]?.[key];
        if (fm === undefined && tx === undefined) continue;
        // The line only for a problem: finding it parses the YAML for its positions.
        const at = () => {
          const line = lineOf(['cityReports', i, part, key]) ?? lineOf(['cityReports', i]);
          return { file, ...(line === undefined ? {} : { line }), field: `cityReports[${i}] ${name} ${part}.${key}` };
        };
        if (fm !== undefined && tx !== undefined && cents(fm) !== cents(tx)) {
          // Certain only when the front-matter's value is nowhere else in the text for this key:
          // when the text also states it (left out, or read for another batch), the extractor
          // may have read the wrong one, and the check must not demand its reading.
          const alsoStated = mentioned.some(
            (m) => m.key === key && m.unit === UNITS[key] && cents(m.value) === cents(fm),
          );
          problems.push({
            severity: alsoStated ? 'warning' : 'error',
            ...at(),
            message: alsoStated
              ? `${name} ${FIGURE_PART_LABELS[part]}: the front-matter says ${formatFigure(key, fm)}, which the text states too, but the extractor reads ${formatFigure(key, tx)} for this batch; check it against the printed page`
              : `${name} ${FIGURE_PART_LABELS[part]}: the front-matter says ${formatFigure(key, fm)} but the report's text says ${formatFigure(key, tx)}; make them agree with the printed page`,
          });
        } else if (fm !== undefined && tx === undefined) {
          const anywhere = mentioned.some((m) => m.unit === UNITS[key] && cents(m.value) === cents(fm));
          if (!anywhere) {
            const inText = mentioned.filter((m) => m.unit === UNITS[key]).map((m) => formatFigure(key, m.value));
            problems.push({
              severity: 'error',
              ...at(),
              message: `${name} ${FIGURE_PART_LABELS[part]}: the front-matter says ${formatFigure(key, fm)} but the report's text does not state it (the text's ${UNITS[key]} figures: ${inText.join(', ') || 'none'}); store only what the text states`,
            });
          }
        } else if (fm === undefined && tx !== undefined) {
          problems.push({
            severity: 'warning',
            ...at(),
            message: `${name} ${FIGURE_PART_LABELS[part]}: the text states ${formatFigure(key, tx)} but the front-matter has no ${part}.${key}; add it, or leave it out if it is not this batch's figure`,
          });
        }
      }
    }
  });

  // The province's figures: stated somewhere in the issue's text with the same unit.
  const mentions = findFigureMentions(body.text);
  issue.rounds.forEach((round, r) => {
    for (const part of FIGURE_PARTS) {
      for (const key of FIGURE_KEYS) {
        const fm = round.province[part]?.[key];
        if (fm === undefined) continue;
        if (mentions.some((m) => m.unit === UNITS[key] && cents(m.value) === cents(fm))) continue;
        const line = lineOf(['rounds', r, 'province', part, key]);
        problems.push({
          severity: 'error',
          file,
          ...(line === undefined ? {} : { line }),
          field: `rounds[${r}] province ${part}.${key}`,
          message: `round ${round.id} 全省 ${FIGURE_PART_LABELS[part]}: ${formatFigure(key, fm)} does not occur in the issue's text`,
        });
      }
    }
  });
  return problems;
}
