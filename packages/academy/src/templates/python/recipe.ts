import type { RecipeStep } from '../../labs/lab-types';
import { comment, indentLines, py, wrapList } from '../code';
import { columnsAfter, type TemplateContext, type TypedColumn } from '../context';
import { combinedName, combineSeparator, describeStep } from '../describe-step';

const TRUE_WORDS = ['true', 'yes', 'y', 't', '1'];
const ROW_STEPS = new Set(['filter', 'deduplicate']);

/**
 * The clean step in pandas: a `clean(df)` function that replays the learner's recipe with the studio's semantics
 * (server/src/recipes/compile-step.ts): filters compare typed values and keep a missing value only for '!=',
 * 'notIn' and 'isMissing'; row order is kept; at prediction, row-removing steps and steps on absent columns are
 * skipped, as the studio does when it scores an uploaded file.
 */
export function pythonClean(ctx: TemplateContext): string {
  const lines: string[] = [];
  lines.push(comment('#', `Step 2 · Clean — ${recipeIntro(ctx)}`));
  lines.push('def clean(df, for_prediction=False):');
  lines.push(
    comment(
      '#',
      'With for_prediction=True (new rows to score) steps that remove rows are skipped, so every row gets a prediction, and so are steps on a column the file lacks (the target, typically), as in the studio.',
      '    ',
    ),
  );
  lines.push('    df = df.copy()');
  ctx.recipe.forEach((step, k) => {
    const before = columnsAfter(ctx.loadColumns, ctx.recipe.slice(0, k));
    lines.push(comment('#', `Step ${k + 1} of your recipe: ${describeStep(step)}.`, '    '));
    let code = stepCode(step, before);
    const column = typeof step.column === 'string' ? step.column : null;
    if (column !== null && step.op !== 'filter')
      code = `if ${py(column)} in df.columns:\n${indentLines(code, '    ')}`;
    if (ROW_STEPS.has(step.op)) code = `if not for_prediction:\n${indentLines(code, '    ')}`;
    lines.push(indentLines(code, '    '));
  });
  lines.push('    return df.reset_index(drop=True)');
  lines.push('');
  lines.push('');
  lines.push('data = clean(raw)');
  lines.push(
    `print(f'Cleaning: {len(raw)} rows and {raw.shape[1]} columns before, {len(data)} rows and {data.shape[1]} columns after')`,
  );
  return lines.join('\n');
}

function recipeIntro(ctx: TemplateContext): string {
  const n = ctx.recipe.length;
  if (n === 0) return 'you made no cleaning steps in the Clean tab, so the data is used as loaded.';
  const where =
    ctx.recipeFrom !== 'model'
      ? 'your current version of the data set'
      : ctx.model !== null
        ? `version ${ctx.model.datasetVersion} of the data set, the one your latest model was trained on`
        : `the version of the data set your latest ${ctx.forecast !== null ? 'forecast' : 'anomaly run'} used`;
  return `your recipe from the Clean tab, ${n} step${n === 1 ? '' : 's'} that made ${where}, replayed in pandas.`;
}

const typeIn = (columns: TypedColumn[], name: string) =>
  columns.find((c) => c.name === name)?.type ?? 'categorical';

/** A value as the column's kind compares it: a number, a timestamp or trimmed text. */
function operand(type: string, value: unknown): string {
  if (type === 'numeric') return py(Number(String(value).trim()));
  if (type === 'datetime') return `pd.Timestamp(${py(String(value))})`;
  return py(String(value).trim());
}

function stepCode(step: RecipeStep, columns: TypedColumn[]): string {
  const c = String(step.column ?? '');
  const col = `df[${py(c)}]`;
  const type = typeIn(columns, c);
  switch (step.op) {
    case 'drop':
      return `df = df.drop(columns=${wrapList((step.columns ?? []).map(py), '[', ']')}, errors='ignore')`;
    case 'rename':
      return `df = df.rename(columns={${py(c)}: ${py(String(step.to))}})`;
    case 'cast':
      return castCode(col, type, String(step.to));
    case 'filter':
      return `df = df[${condition(step, col, type)}]`;
    case 'deduplicate': {
      const keys = step.columns ? `subset=${wrapList(step.columns.map(py), '[', ']')}, ` : '';
      return `df = df.drop_duplicates(${keys}keep='first')`;
    }
    case 'fillMissing':
      return `${col} = ${col}.fillna(${operand(type, step.value)})`;
    case 'clip': {
      const args = [
        step.lower !== undefined ? `lower=${py(Number(step.lower))}` : '',
        step.upper !== undefined ? `upper=${py(Number(step.upper))}` : '',
      ].filter((a) => a !== '');
      return `${col} = ${col}.clip(${args.join(', ')})`;
    }
    case 'flagOutliers': {
      const name = py(String(step.newColumn ?? `${c}_outlier`));
      return [
        `outside = (${col} < ${py(Number(step.lower))}) | (${col} > ${py(Number(step.upper))})`,
        `df[${name}] = np.where(np.isfinite(${col}), np.where(outside, 'true', 'false'), None)`,
      ].join('\n');
    }
    case 'dateParts': {
      const parts = [...new Set((step.parts as string[] | undefined) ?? [])];
      const expr: Record<string, string> = {
        year: `${col}.dt.year`,
        month: `${col}.dt.month`,
        day: `${col}.dt.day`,
        weekday: `(${col}.dt.dayofweek + 1) % 7  # 0 = Sunday, as in the studio (pandas starts at Monday)`,
        hour: `${col}.dt.hour`,
      };
      return parts.map((p) => `df[${py(`${c}_${p}`)}] = ${expr[p] ?? `${col}.dt.${p}`}`).join('\n');
    }
    case 'textLength':
      return `df[${py(String(step.newColumn ?? `${c}_length`))}] = ${col}.str.len()`;
    case 'replaceValue': {
      const to = step.to === null ? 'np.nan' : operand(type, step.to);
      const from = type === 'numeric' ? operand(type, step.from) : py(String(step.from).trim());
      return `${col} = ${col}.mask(${col} == ${from}, ${to})`;
    }
    case 'combine': {
      const names = (step.columns as string[]) ?? [];
      const asText = names.map((n) =>
        typeIn(columns, n) === 'numeric'
          ? `df[${py(n)}].map(lambda v: v if pd.isna(v) else ('%d' % v if float(v).is_integer() else repr(v)))`
          : `df[${py(n)}].astype('string')`,
      );
      return [
        comment(
          '#',
          'A missing part makes the whole key missing (str.cat gives NaN), as in the studio. Numbers are written back as text; the studio joins them as written in the file (007 stays 007).',
        ),
        `df[${py(combinedName(step))}] = ${asText[0]}.str.cat([${asText.slice(1).join(', ')}], sep=${py(combineSeparator(step))})`,
      ].join('\n');
    }
    case 'standardize':
      return [
        comment(
          '#',
          'Note: the mean and SD come from every row, the holdout included — fitted on the full data.',
        ),
        `${col} = (${col} - ${py(Number(step.mean))}) / ${py(Number(step.sd))}`,
      ].join('\n');
    default:
      return `pass  # '${step.op}' has no pandas translation here yet`;
  }
}

function castCode(col: string, from: string, to: string): string {
  if (from === to) return `pass  # already ${to}`;
  if (to === 'numeric')
    return `${col} = pd.to_numeric(${col}, errors='coerce')  # text that is not a number becomes missing`;
  if (to === 'datetime')
    return `${col} = pd.to_datetime(${col}, errors='coerce')  # text that is not a date becomes missing`;
  if (from === 'numeric')
    return `${col} = ${col}.map(lambda v: None if pd.isna(v) else ('%d' % v if float(v).is_integer() else repr(v)))`;
  if (from === 'datetime') return `${col} = ${col}.dt.strftime('%Y-%m-%d %H:%M:%S')`;
  return `pass  # ${from} and ${to} are both read as text`;
}

function condition(step: RecipeStep, col: string, type: string): string {
  const operator = String(step.operator);
  const value = step.value;
  if (operator === 'isMissing') return `${col}.isna()`;
  if (operator === 'notMissing') return `${col}.notna()`;
  if (operator === 'contains')
    return `${col}.astype('string').str.lower().str.contains(${py(String(value).toLowerCase())}, regex=False, na=False)`;
  if (operator === 'in' || operator === 'notIn') {
    const list = wrapList(
      ((value as unknown[]) ?? []).map((v) => operand(type, v)),
      '[',
      ']',
      '        ',
    );
    return operator === 'in' ? `${col}.isin(${list})` : `~${col}.isin(${list})`;
  }
  if (typeof value === 'boolean' && type !== 'numeric') {
    const truthy = `${col}.str.lower().isin(${py(TRUE_WORDS)})`;
    return (operator === '=') === value ? truthy : `~${truthy}`;
  }
  // pandas already agrees with the studio on missing values: NaN != x is True, every other comparison False.
  const op = operator === '=' ? '==' : operator;
  return `${col} ${op} ${operand(type, value)}`;
}
