// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

  it('says so when the file matches', () => {
    render(<SchemaIssues issues={[]} />);
    expect(container.textContent).toContain('matches the training schema');
  });
});
