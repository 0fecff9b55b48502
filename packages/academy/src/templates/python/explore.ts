import { comment, py, wrapList } from '../code';
import type { TemplateContext } from '../context';
import { guessTask } from '../features';

/**
 * Step 3 in pandas: a summary of the cleaned data and of the target, then each of the lab's questions as a
 * comment followed by a look at the columns it names (their values, and how the target varies with them).
 */
export function pythonExplore(ctx: TemplateContext): string {
  const task = guessTask(ctx);
  const t = py(ctx.target);
  const tabular = ctx.lab.kind === 'tabular' && ctx.cleanColumns.some((c) => c.name === ctx.target);
  const lines = [
    comment(
      '#',
      'Step 3 · Explore — what the Explore page shows: a summary of every column, then the target.',
    ),
    "with pd.option_context('display.width', 160, 'display.max_columns', 20):",
    "    print(data.select_dtypes(exclude='datetime').describe(include='all').T.reindex(columns=['count', 'mean', 'std', 'min', 'max']).dropna(how='all'))",
  ];
  if (tabular) {
    if (task === 'classification')
      lines.push(`print('Share of each class:', data[${t}].value_counts(normalize=True).round(3).to_dict())`);
    else
      lines.push(
        `print('Target: mean', round(data[${t}].mean(), 2), 'median', data[${t}].median(), 'skewness', round(data[${t}].skew(), 2))`,
      );
  }
  const questions = ctx.lab.questions.filter((q) => ['load', 'clean', 'explore'].includes(q.step));
  if (questions.length === 0) return lines.join('\n');
  const all = [...new Set([...ctx.loadColumns, ...ctx.cleanColumns].map((c) => c.name))];
  lines.push('', '', look(tabular, task, t));
  for (const q of questions) {
    const text = `${q.prompt} ${(q.choices ?? []).join(' ')}`.toLowerCase();
    const named = all.filter((n) => {
      const name = n.toLowerCase();
      return n !== ctx.target && (text.includes(name) || text.includes(name.replaceAll('_', ' ')));
    });
    lines.push('');
    lines.push(comment('#', `Question: ${q.prompt}${q.choices ? ` (${q.choices.join(' / ')})` : ''}`));
    if (named.length === 0) lines.push('# The summaries above show the answer.');
    else if (named.length === 1) lines.push(`look(${py(named[0])})`);
    else lines.push(`for column in ${wrapList(named.map(py), '[', ']')}:\n    look(column)`);
  }
  return lines.join('\n');
}

/** `look(column)`: its values (cleaned data, or the raw file if cleaning dropped it) and the target by it. */
function look(tabular: boolean, task: string, t: string): string {
  const positive =
    task === 'classification' ? `(frame[${t}] == sorted(frame[${t}].dropna().unique())[-1])` : `frame[${t}]`;
  const lines = [
    'def look(column):',
    `    """A column's values and, when there is a target, how the target varies with it."""`,
    '    frame = data if column in data else raw  # a column you dropped is still in the raw file',
    '    numeric = pd.api.types.is_numeric_dtype(frame[column])',
    '    if numeric:',
    "        print(column, frame[column].describe().round(2).to_dict(), 'missing:', int(frame[column].isna().sum()))",
    '    else:',
    '        print(column, frame[column].value_counts(dropna=False).head(10).to_dict())',
  ];
  if (tabular)
    lines.push(
      `    target = ${positive}.astype(float)`,
      '    if numeric:',
      "        print('  correlation with the target:', round(frame[column].corr(target), 3))",
      '    if frame[column].isna().any():',
      "        print('  target when missing:', round(target[frame[column].isna()].mean(), 3), 'otherwise:', round(target[frame[column].notna()].mean(), 3))",
      '    if not numeric:',
      "        print('  target by value:', target.groupby(frame[column]).mean().round(3).to_dict())",
    );
  return lines.join('\n');
}
