import { ID_NAME } from '../datasets/infer-types';
import type { ColumnFacts, QualityFacts } from './quality-facts';
import { fmt, pct, type Warning, warning } from './warning';

const NEAR_CONSTANT = 0.99;
const MANY_LEVELS = 100;
const MOSTLY_NUMBERS = 0.8;
const SOME_NUMBERS = 0.2;
const MINORITY = 0.1;
const RARE_MINORITY = 0.01;

/** Data-quality warnings from the facts (quality-facts.ts); each says what was seen and what to do. */
export function qualityWarnings(facts: QualityFacts, target: string | null): Warning[] {
  const out: Warning[] = [];
  for (const f of facts.columns) {
    const w = columnWarning(f);
    if (w !== null) out.push(w);
    const typed = typeWarning(f);
    if (typed !== null) out.push(typed);
    if (f.impossibleDates > 0) {
      out.push(
        warning(
          'impossible_dates',
          'warning',
          [f.info.name],
          {
            message: `${fmt(f.impossibleDates)} values of '${f.info.name}' are before 1900 or in the future.`,
            suggestion:
              'Check them at the source; filter them out or set them missing (recipe steps filter, replaceValue).',
          },
          { count: f.impossibleDates },
        ),
      );
    }
  }
  if (facts.duplicateRows > 0) {
    const share = facts.duplicateRows / facts.nRows;
    out.push(
      warning(
        'duplicate_rows',
        share >= 0.01 ? 'warning' : 'info',
        [],
        {
          message: `${fmt(facts.duplicateRows)} rows (${pct(share)}) repeat another row exactly.`,
          suggestion:
            'If they are the same record entered twice, remove them (recipe step deduplicate); otherwise a random split can put copies on both sides.',
        },
        { count: facts.duplicateRows, share },
      ),
    );
  }
  if (facts.classCounts !== null && target !== null && facts.classCounts.length >= 2) {
    const total = facts.classCounts.reduce((s, c) => s + c.count, 0);
    const smallest = facts.classCounts[facts.classCounts.length - 1];
    const share = smallest.count / total;
    if (share < MINORITY) {
      out.push(
        warning(
          'class_imbalance',
          share < RARE_MINORITY ? 'critical' : 'warning',
          [target],
          {
            message: `Class '${smallest.label}' of '${target}' has ${fmt(smallest.count)} rows (${pct(share)}).`,
            suggestion:
              'Use a stratified split, judge models by balanced accuracy, ROC AUC or PR AUC rather than accuracy, and consider class weights.',
          },
          { class: smallest.label, count: smallest.count, share },
        ),
      );
    }
  }
  return out;
}

/** At most one of: constant, near-constant, ID-like, high-cardinality (in that order of precedence). */
function columnWarning(f: ColumnFacts): Warning | null {
  const name = f.info.name;
  if (f.nonNull === 0) {
    return warning('constant_column', 'warning', [name], {
      message: `Every value of '${name}' is missing.`,
      suggestion: `Drop '${name}' (recipe step drop): it carries no information.`,
    });
  }
  if (f.distinct === 1 && (f.fullDistinct === null || f.fullDistinct <= 1)) {
    return warning('constant_column', 'warning', [name], {
      message: `'${name}' has one value (missing values aside).`,
      suggestion: `Drop '${name}' (recipe step drop): a constant cannot help a model.`,
    });
  }
  const share = f.top / f.nonNull;
  if (share >= NEAR_CONSTANT) {
    return warning(
      'near_constant_column',
      'info',
      [name],
      {
        message: `${pct(share)} of the values of '${name}' are the same.`,
        suggestion: `Unless the rare values matter, drop '${name}'; a model learns little from it.`,
      },
      { share },
    );
  }
  // (Nearly) every value distinct: a repeated row or two does not make an id a category.
  const allDistinct = f.distinct >= 0.95 * f.nonNull && f.nonNull >= 20;
  if (f.info.type === 'identifier') {
    return warning('id_like_column', 'info', [name], {
      message: `'${name}' is an identifier (every value is distinct); it is not used as a feature.`,
      suggestion:
        'Keep it to look rows up, or drop it. Use it as the group column if rows of one id belong together.',
    });
  }
  const idLike =
    allDistinct && (f.info.type === 'categorical' || (f.info.type === 'numeric' && ID_NAME.test(name)));
  if (idLike) {
    return warning('id_like_column', 'warning', [name], {
      message: `${f.distinct === f.nonNull ? 'Every' : 'Nearly every'} value of '${name}' is distinct: it looks like an identifier, yet it is typed ${f.info.type} and would be used as a feature.`,
      suggestion: `Set its type to identifier (PUT /api/datasets/:id/types) or drop it; a model would only memorise rows by it.`,
    });
  }
  if (
    (f.info.type === 'categorical' || f.info.type === 'boolean') &&
    (f.distinct > MANY_LEVELS || f.distinct > f.nonNull / 2)
  ) {
    return warning(
      'high_cardinality',
      'warning',
      [name],
      {
        message: `'${name}' has ${fmt(f.distinct)} different values${f.distinct > f.nonNull / 2 ? ', most of them rare' : ''}.`,
        suggestion:
          'Group rare values into "other", use a coarser version (e.g. region instead of city), or treat it as text.',
      },
      { distinct: f.distinct },
    );
  }
  return null;
}

/** Numbers stored as text: a non-numeric column where most (or many) values parse as numbers. */
function typeWarning(f: ColumnFacts): Warning | null {
  if (f.info.type === 'numeric' || f.info.type === 'identifier' || f.nonNull === 0) return null;
  const share = f.numbers / f.nonNull;
  const name = f.info.name;
  if (share >= MOSTLY_NUMBERS && share < 1) {
    return warning(
      'numbers_as_text',
      'warning',
      [name],
      {
        message: `${pct(share)} of the values of '${name}' are numbers, but some are not, so it is read as ${f.info.type}.`,
        suggestion: `Find the values that are not numbers (e.g. 'n/a', '?', units), replace them (recipe step replaceValue), then cast '${name}' to numeric.`,
      },
      { share },
    );
  }
  if (share >= SOME_NUMBERS && share < MOSTLY_NUMBERS) {
    return warning(
      'mixed_types',
      'warning',
      [name],
      {
        message: `'${name}' mixes numbers (${pct(share)} of the values) and text.`,
        suggestion: 'Check whether it holds two kinds of information; split or recode it before modelling.',
      },
      { share },
    );
  }
  return null;
}
