// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DataWarning } from '../api/types';
import { countBySeverity, WarningList } from './warning-list';

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

const warnings: DataWarning[] = [
  {
    code: 'near_perfect_predictor',
    category: 'leakage',
    severity: 'critical',
    columns: ['<b>leak</b>'],
    message: 'AUC 0.999 <img src=x onerror="alert(1)">',
    suggestion: 'Drop the column.',
    details: { auc: 0.999 },
  },
  {
    code: 'id_like_column',
    category: 'quality',
    severity: 'info',
    columns: ['id'],
    message: 'id is an identifier.',
    suggestion: 'It is left out of the features.',
    details: {},
  },
];

describe('WarningList', () => {
  it('shows each warning with its explanation, suggestion and severity, as text only', () => {
    act(() =>
      root.render(
        <MantineProvider>
          <WarningList warnings={warnings} />
        </MantineProvider>,
      ),
    );
    const items = container.querySelectorAll('[data-testid="warning"]');
    expect(items).toHaveLength(2);
    expect(items[0]?.getAttribute('data-severity')).toBe('critical');
    expect(items[0]?.textContent).toContain('Leakage');
    expect(items[0]?.textContent).toContain('<b>leak</b>');
    expect(items[0]?.textContent).toContain('Suggested: Drop the column.');
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
  });

  it('says so when there is nothing to warn about', () => {
    act(() =>
      root.render(
        <MantineProvider>
          <WarningList warnings={[]} />
        </MantineProvider>,
      ),
    );
    expect(container.querySelector('[data-testid="no-warnings"]')).not.toBeNull();
  });

  it('counts warnings per severity', () => {
    expect(countBySeverity(warnings)).toEqual({ critical: 1, warning: 0, info: 1 });
  });
});
