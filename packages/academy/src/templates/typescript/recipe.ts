// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are generated TypeScript, `${…}` included.
import type { RecipeStep } from '../../labs/lab-types';
import { comment, indentLines, ts, wrapList } from '../code';
import { columnsAfter, type TemplateContext, type TypedColumn } from '../context';
import { combinedName, combineSeparator, describeStep } from '../describe-step';

const TRUE_WORDS = ['true', 'yes', 'y', 't', '1'];
const ROW_STEPS = new Set(['filter', 'deduplicate']);

/**
 * The clean step in TypeScript: `clean(rows)` replays the recipe on rows of text, exactly as the studio's SQL
 * does (server/src/recipes/compile-step.ts): changed cells are written back as text, row order is kept, and at
 * prediction row-removing steps and steps on absent columns are skipped.
 */
export function typescriptClean(ctx: TemplateContext): string {
  const lines: string[] = [];
  const n = ctx.recipe.length;
  lines.push(
    comment(
      '//',
      n === 0
        ? 'Step 2 · Clean — you made no cleaning steps in the Clean tab, so the rows are used as loaded.'
        : `Step 2 · Clean — your recipe from the Clean tab (${n} step${n === 1 ? '' : 's'}), replayed on the rows.`,
    ),
  );
  lines.push(
    comment(
      '//',
      'With forPrediction (new rows to score), steps that remove rows are skipped, and so are steps on a column the file lacks, as in the studio.',
    ),
  );
  lines.push('function clean(input: Row[], forPrediction = false): Row[] {');
  lines.push('  let rows = input.map((row) => ({ ...row }));');
  lines.push('  const has = (name: string) => rows.length > 0 && name in rows[0];');
  ctx.recipe.forEach((step, k) => {
    const before = columnsAfter(ctx.loadColumns, ctx.recipe.slice(0, k));
    lines.push(comment('//', `Step ${k + 1} of your recipe: ${describeStep(step)}.`, '  '));
    let code = stepCode(step, before);
    const column = typeof step.column === 'string' ? step.column : null;
    const guards: string[] = [];
    if (ROW_STEPS.has(step.op)) guards.push('!forPrediction');
    if (column !== null && step.op !== 'filter') guards.push(`has(${ts(column)})`);
    if (guards.length > 0) code = `if (${guards.join(' && ')}) {\n${indentLines(code, '  ')}\n}`;
    lines.push(indentLines(code, '  '));
  });
  lines.push('  return rows;');
  lines.push('}');
  lines.push('');
  lines.push('const data = clean(raw);');
  lines.push('console.log(`Cleaning: ${raw.length} rows before, ${data.length} after`);');
  return lines.join('\n');
}

const typeIn = (columns: TypedColumn[], name: string) =>
  columns.find((c) => c.name === name)?.type ?? 'categorical';

/** A cell as the column's kind compares it (number, epoch milliseconds or trimmed text), and a value likewise. */
function typed(type: string, cell: string): string {
  if (type === 'numeric') return `num(${cell})`;
  if (type === 'datetime') return `time(${cell})`;
  return `text(${cell})`;
}
function operand(type: string, value: unknown): string {
  if (type === 'numeric') return ts(Number(String(value).trim()));
  if (type === 'datetime') return ts(Date.parse(`${String(value).trim().replace(' ', 'T')}Z`));
  return ts(String(value).trim());
}

function stepCode(step: RecipeStep, columns: TypedColumn[]): string {
  const c = String(step.column ?? '');
  const cell = `row[${ts(c)}]`;
  const type = typeIn(columns, c);
  const x = typed(type, cell);
  const each = (body: string) => `for (const row of rows) ${body}`;
  switch (step.op) {
    case 'drop':
      return each(
        `for (const name of ${wrapList((step.columns ?? []).map(ts), '[', ']', '  ')}) delete row[name];`,
      );
    case 'rename':
      return each(`{\n  row[${ts(String(step.to))}] = ${cell};\n  delete ${cell};\n}`);
    case 'cast': {
      const to = String(step.to);
      if (to === 'numeric') return each(`${cell} = Number.isFinite(num(${cell})) ? text(${cell}) : null;`);
      if (to === 'datetime') return each(`${cell} = Number.isNaN(time(${cell})) ? null : text(${cell});`);
      return `// ${type} → ${to}: the cells stay as they are (text); from now on they are read as ${to}.`;
    }
    case 'filter':
      return `rows = rows.filter((row) => ${condition(step, type, x)});`;
    case 'deduplicate': {
      const keys = (step.columns ?? columns.map((col) => col.name)).map((n) =>
        typed(typeIn(columns, n), `row[${ts(n)}]`),
      );
      return [
        'const seen = new Set<string>();',
        `rows = rows.filter((row) => {\n  const key = JSON.stringify([${keys.join(', ')}]);\n  return seen.has(key) ? false : (seen.add(key), true);\n});`,
      ].join('\n');
    }
    case 'fillMissing': {
      const missing = type === 'numeric' || type === 'datetime' ? `Number.isNaN(${x})` : `${cell} == null`;
      return each(`if (${missing}) ${cell} = ${ts(String(step.value))};`);
    }
    case 'clip': {
      const parts: string[] = [];
      if (step.lower !== undefined)
        parts.push(`if (num(${cell}) < ${ts(Number(step.lower))}) ${cell} = ${ts(String(step.lower))};`);
      if (step.upper !== undefined)
        parts.push(`if (num(${cell}) > ${ts(Number(step.upper))}) ${cell} = ${ts(String(step.upper))};`);
      return each(`{\n${indentLines(parts.join('\n'), '  ')}\n}`);
    }
    case 'flagOutliers': {
      const name = ts(String(step.newColumn ?? `${c}_outlier`));
      return each(
        `{\n  const x = num(${cell});\n  row[${name}] = !Number.isFinite(x) ? null : x < ${ts(Number(step.lower))} || x > ${ts(Number(step.upper))} ? 'true' : 'false';\n}`,
      );
    }
    case 'dateParts': {
      const parts = [...new Set((step.parts as string[] | undefined) ?? [])];
      const get: Record<string, string> = {
        year: 'getUTCFullYear()',
        month: 'getUTCMonth() + 1',
        day: 'getUTCDate()',
        weekday: 'getUTCDay()', // 0 = Sunday, as DuckDB's dayofweek
        hour: 'getUTCHours()',
      };
      const body = parts.map(
        (p) => `row[${ts(`${c}_${p}`)}] = Number.isNaN(t) ? null : String(new Date(t).${get[p]});`,
      );
      return each(`{\n  const t = time(${cell});\n${indentLines(body.join('\n'), '  ')}\n}`);
    }
    case 'textLength':
      return each(
        `row[${ts(String(step.newColumn ?? `${c}_length`))}] = ${cell} == null ? null : String([...(${cell} as string)].length);`,
      );
    case 'replaceValue':
      return each(
        `if (${cell}?.trim() === ${ts(String(step.from).trim())}) ${cell} = ${ts(step.to === null ? null : String(step.to))};`,
      );
    case 'combine': {
      const names = (step.columns as string[]) ?? [];
      const missing = names.map((n) => {
        const t = typeIn(columns, n);
        const v = typed(t, `row[${ts(n)}]`);
        return t === 'numeric' || t === 'datetime' ? `Number.isNaN(${v})` : `${v} === null`;
      });
      const parts = names.map((n) => `row[${ts(n)}]`);
      return [
        '// A missing part makes the whole key missing; the parts are joined as written (the cells are text).',
        each(
          `row[${ts(combinedName(step))}] = ${missing.join(' || ')} ? null : [${parts.join(', ')}].join(${ts(combineSeparator(step))});`,
        ),
      ].join('\n');
    }
    case 'standardize':
      return [
        '// Note: the mean and SD come from every row, the holdout included — fitted on the full data.',
        each(
          `if (Number.isFinite(num(${cell}))) ${cell} = String((num(${cell}) - ${ts(Number(step.mean))}) / ${ts(Number(step.sd))});`,
        ),
      ].join('\n');
    default:
      return `// '${step.op}' has no translation here yet`;
  }
}

function condition(step: RecipeStep, type: string, x: string): string {
  const operator = String(step.operator);
  const value = step.value;
  const isNumber = type === 'numeric' || type === 'datetime';
  const missing = isNumber ? `Number.isNaN(${x})` : `${x} === null`;
  if (operator === 'isMissing') return missing;
  if (operator === 'notMissing') return `!(${missing})`;
  if (operator === 'contains')
    return `${x} !== null && String(${x}).toLowerCase().includes(${ts(String(value).toLowerCase())})`;
  if (operator === 'in' || operator === 'notIn') {
    const list = `${wrapList(
      ((value as unknown[]) ?? []).map((v) => operand(type, v)),
      '[',
      ']',
    )}.includes(${x}${isNumber ? '' : ' as string'})`;
    return operator === 'in' ? list : `!${list}`;
  }
  if (typeof value === 'boolean' && type !== 'numeric') {
    const truthy = `${ts(TRUE_WORDS)}.includes((${x} ?? '').toLowerCase())`;
    return (operator === '=') === value ? truthy : `!${truthy}`;
  }
  const v = operand(type, value);
  // As in the studio, a missing value passes only '!=': every comparison with NaN or null is false here.
  if (operator === '=') return `${x} === ${v}`;
  if (operator === '!=') return `${x} !== ${v}`;
  return isNumber ? `${x} ${operator} ${v}` : `${x} !== null && ${x} ${operator} ${v}`;
}
