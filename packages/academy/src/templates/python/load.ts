import { comment, py, wrapList } from '../code';
import type { TemplateContext } from '../context';

/** Step 1 in pandas: the imports and `load(path)`, which reads a file with the studio's column types. */
export function pythonLoad(ctx: TemplateContext): string {
  const of = (type: string) => ctx.loadColumns.filter((c) => c.type === type).map((c) => py(c.name));
  const others = ctx.loadColumns.filter((c) => c.type !== 'numeric' && c.type !== 'datetime');
  return [
    comment(
      '#',
      `Step 1 · Load & inspect — ${ctx.lab.title}: read ${ctx.dataFile} with the column types the studio gave it.`,
    ),
    'import hashlib',
    'import json',
    'import math',
    '',
    'import numpy as np',
    'import pandas as pd',
    '',
    `DATA_FILE = ${py(ctx.dataFile)}`,
    `NUMERIC = ${wrapList(of('numeric'), '[', ']')}`,
    `DATETIME = ${wrapList(of('datetime'), '[', ']')}`,
    comment(
      '#',
      `Read as trimmed text, like the studio: ${others.map((c) => `${c.name} (${c.type})`).join(', ') || 'none'}.`,
    ),
    '',
    '',
    'def load(path):',
    '    """Every cell as text (an empty cell is missing), then numbers and dates parsed; unparseable ones become missing."""',
    "    df = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[''])",
    '    for column in df.columns:',
    '        if column in NUMERIC:',
    "            df[column] = pd.to_numeric(df[column].str.strip(), errors='coerce')",
    '        elif column in DATETIME:',
    "            df[column] = pd.to_datetime(df[column].str.strip(), errors='coerce')",
    '        else:',
    '            df[column] = df[column].str.strip()',
    '    return df',
    '',
    '',
    'raw = load(DATA_FILE)',
    "print(f'{DATA_FILE}: {raw.shape[0]} rows, {raw.shape[1]} columns')",
    "print('Missing values per column:', raw.isna().sum()[raw.isna().sum() > 0].to_dict())",
  ].join('\n');
}
