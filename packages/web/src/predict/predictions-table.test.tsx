// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ModelDetail } from '../api/types';
import { HoldoutCoverage } from '../train/holdout-coverage';
import { PredictionsTable } from './predictions-table';
import { SchemaIssues } from './schema-issues';

// React only batches act() updates synchronously when told it runs in a test environment.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

function render(node: React.ReactNode) {
  act(() => root.render(<MantineProvider>{node}</MantineProvider>));
}

describe('PredictionsTable', () => {
  it('renders values as text, never as HTML, and missing values as a dash', () => {
    render(
      <PredictionsTable
        result={{
          predictionId: 'p1',
          nRows: 250,
          columns: ['note', 'prediction', 'p_yes'],
          rows: [
            ['<img src=x onerror="alert(1)">', 'yes', 0.91],
            [null, '=HYPERLINK("x")', 0.08],
          ],
          issues: [],
        }}
      />,
    );
    const table = container.querySelector('[data-testid="predictions-table"]');
    expect(table).not.toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(table?.textContent).toContain('<img src=x onerror="alert(1)">');
    const cells = [...container.querySelectorAll('tbody td')].map((td) => td.textContent);
    expect(cells).toEqual(['<img src=x onerror="alert(1)">', 'yes', '0.91', '—', '=HYPERLINK("x")', '0.08']);
    expect(container.textContent).toContain('The first 2 of 250 rows');
  });
});

describe('SchemaIssues', () => {
  it('lists errors first with their severity', () => {
    render(
      <SchemaIssues
        issues={[
          { column: 'extra', severity: 'info', code: 'EXTRA_COLUMN', message: "'extra' is ignored." },
          { column: 'age', severity: 'error', code: 'MISSING_COLUMN', message: "'age' is missing." },
          { column: 'city', severity: 'warning', code: 'UNSEEN_CATEGORY', message: "'city' has new values." },
        ]}
      />,
    );
    const rows = [...container.querySelectorAll('[data-testid="schema-issue"]')];
    expect(rows.map((row) => row.getAttribute('data-severity'))).toEqual(['error', 'warning', 'info']);
    expect(rows[0]?.textContent).toContain("'age' is missing.");
  });

  it('groups findings by severity, with rows affected, examples and what to do', () => {
    render(
      <SchemaIssues
        issues={[
          {
            column: 'type',
            severity: 'warning',
            code: 'UNSEEN_CATEGORY',
            message: "1 category of 'type' never seen in training ('Castle') in 7 rows.",
            count: 7,
            examples: ['Castle'],
            suggestion: 'Check spelling and case against the training categories.',
          },
          {
            column: 'baths',
            severity: 'error',
            code: 'MISSING_COLUMN',
            message: "Column 'baths' is missing.",
            count: 200,
            examples: [],
            suggestion: "Add a column named 'baths'.",
          },
        ]}
      />,
    );
    const errors = container.querySelector('[data-testid="schema-group-error"]');
    const warnings = container.querySelector('[data-testid="schema-group-warning"]');
    expect(errors?.textContent).toContain('block prediction');
    expect(errors?.textContent).toContain("Add a column named 'baths'.");
    expect(warnings?.textContent).toContain('predict anyway');
    expect(warnings?.textContent).toContain('Castle');
    expect(warnings?.querySelector('td:nth-child(3)')?.textContent).toBe('7');
    expect(container.querySelector('[data-testid="schema-group-info"]')).toBeNull();
  });

  it('says so when the file matches', () => {
    render(<SchemaIssues issues={[]} />);
    expect(container.textContent).toContain('matches the training schema');
  });
});

describe('HoldoutCoverage', () => {
  const model = (uncertainty: ModelDetail['uncertainty']) =>
    ({ task: 'regression', uncertainty }) as unknown as ModelDetail;

  it('shows the coverage measured on the holdout at each level', () => {
    render(
      <HoldoutCoverage
        model={model({
          method: 'normalized-cross-conformal',
          nHoldout: 233,
          levels: [
            { level: 0.8, q: 1.6, holdoutCoverage: 0.8155, meanSize: 150000 },
            { level: 0.9, q: 2.6, holdoutCoverage: 0.9142, meanSize: 230000 },
          ],
        })}
      />,
    );
    const rows = [...container.querySelectorAll('[data-testid="coverage-row"]')].map((r) => r.textContent);
    expect(rows).toEqual(['80%81.6%1.50e+5', '90%91.4%2.30e+5']);
    expect(container.textContent).toContain('233 holdout rows');
  });

  it('says how to get intervals for a model saved before them', () => {
    render(<HoldoutCoverage model={model(null)} />);
    expect(container.textContent).toContain('Retrain it to get them');
  });
});
