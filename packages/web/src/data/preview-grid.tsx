import { Box, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../api/client';
import type { Cell, ColumnInfo, RowsPage } from '../api/types';
import { ErrorAlert } from '../components/error-alert';
import { cellText, formatCount } from '../components/format';
import { columnWidth, PAGE_SIZE, pagesFor } from './row-pages';

const ROW_HEIGHT = 32;
const HEADER_HEIGHT = 36;
const INDEX_WIDTH = 72;
const VIEW_HEIGHT = 520;

interface PreviewGridProps {
  datasetId: string;
  columns: ColumnInfo[];
  nRows: number;
}

const cellStyle = {
  padding: '0 10px',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
  lineHeight: `${ROW_HEIGHT}px`,
  borderRight: '1px solid var(--mantine-color-gray-2)',
  flex: 'none',
} as const;

// Takes the space right of the last column so stripes and borders span the whole grid.
const fillerStyle = { flex: '1 0 0' } as const;

const headerStyle = { lineHeight: `${HEADER_HEIGHT}px`, fontWeight: 600 } as const;

/**
 * Every row of a data set in a scrolling grid. Only the rows in view are in the DOM (@tanstack/react-virtual)
 * and rows are fetched from the server in pages of 200 as they come into view.
 *
 *   ┌ scroll container (fixed height) ──────────────┐
 *   │ header   (position: sticky; top: 0)            │
 *   │ body     (height = total × ROW_HEIGHT)         │
 *   │   row i  (absolute, translateY(i × ROW_HEIGHT))│
 *   └────────────────────────────────────────────────┘
 */
export function PreviewGrid({ datasetId, columns, nRows }: PreviewGridProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [pages, setPages] = useState<Map<number, Cell[][]>>(() => new Map());
  const [names, setNames] = useState<string[]>(() => columns.map((c) => c.name));
  const [total, setTotal] = useState(nRows);
  const [error, setError] = useState<unknown>(null);
  const requested = useRef(new Set<number>());
  const aborter = useRef<AbortController | null>(null);

  // Declared before the effect that loads pages, so the controller exists when the first page is asked for.
  useEffect(() => {
    const controller = new AbortController();
    const pending = requested.current;
    aborter.current = controller;
    return () => {
      controller.abort();
      pending.clear();
    };
  }, []);

  const numeric = useMemo(
    () => new Set(columns.filter((c) => c.type === 'numeric').map((c) => c.name)),
    [columns],
  );
  const widths = useMemo(() => names.map(columnWidth), [names]);
  const rowWidth = INDEX_WIDTH + widths.reduce((sum, w) => sum + w, 0);

  const load = useCallback(
    (page: number) => {
      if (requested.current.has(page)) return;
      const signal = aborter.current?.signal;
      if (!signal || signal.aborted) return;
      requested.current.add(page);
      const query = `offset=${page * PAGE_SIZE}&limit=${PAGE_SIZE}`;
      api
        .get<RowsPage>(`/api/datasets/${encodeURIComponent(datasetId)}/rows?${query}`, { signal })
        .then((result) => {
          setNames((previous) => (sameNames(previous, result.columns) ? previous : result.columns));
          setTotal(result.total);
          setPages((previous) => new Map(previous).set(page, result.rows));
        })
        .catch((reason: unknown) => {
          if (signal.aborted) return;
          requested.current.delete(page);
          setError(reason);
        });
    },
    [datasetId],
  );

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? Math.min(total, PAGE_SIZE) - 1;

  useEffect(() => {
    for (const page of pagesFor(first, Math.max(last, 0))) load(page);
  }, [first, last, load]);

  if (total === 0 && pages.size > 0) {
    return <Text c="dimmed">This data set has no rows.</Text>;
  }

  return (
    <Box>
      <ErrorAlert error={error} title="Could not load rows" mb="sm" onClose={() => setError(null)} />
      <Text size="sm" c="dimmed" mb="xs">
        {formatCount(total)} rows · rows are loaded as you scroll.
      </Text>
      <div
        ref={scrollRef}
        data-testid="preview-grid"
        style={{
          height: VIEW_HEIGHT,
          overflow: 'auto',
          border: '1px solid var(--mantine-color-gray-3)',
          borderRadius: 'var(--mantine-radius-md)',
          fontSize: 'var(--mantine-font-size-sm)',
          position: 'relative',
        }}
      >
        {/* A real table laid out as grid/flex boxes, so rows can be positioned absolutely. */}
        <table
          aria-label="Data preview"
          aria-rowcount={total + 1}
          style={{ display: 'grid', borderSpacing: 0 }}
        >
          <thead
            style={{
              display: 'grid',
              position: 'sticky',
              top: 0,
              zIndex: 1,
              background: 'var(--mantine-color-gray-0)',
              borderBottom: '1px solid var(--mantine-color-gray-3)',
            }}
          >
            <tr style={{ display: 'flex', width: rowWidth, minWidth: '100%', height: HEADER_HEIGHT }}>
              <th style={{ ...cellStyle, ...headerStyle, width: INDEX_WIDTH }}>#</th>
              {names.map((name, j) => (
                <th
                  key={name}
                  title={name}
                  style={{
                    ...cellStyle,
                    ...headerStyle,
                    width: widths[j],
                    textAlign: numeric.has(name) ? 'right' : 'left',
                  }}
                >
                  {name}
                </th>
              ))}
              <td aria-hidden="true" style={fillerStyle} />
            </tr>
          </thead>
          <tbody style={{ display: 'grid', height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const row = pages.get(Math.floor(item.index / PAGE_SIZE))?.[item.index % PAGE_SIZE];
              return (
                <tr
                  key={item.key}
                  aria-rowindex={item.index + 2}
                  data-testid="preview-row"
                  style={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    display: 'flex',
                    width: rowWidth,
                    minWidth: '100%',
                    height: ROW_HEIGHT,
                    transform: `translateY(${item.start - HEADER_HEIGHT}px)`,
                    borderBottom: '1px solid var(--mantine-color-gray-2)',
                    background: item.index % 2 ? 'var(--mantine-color-gray-0)' : undefined,
                  }}
                >
                  <td style={{ ...cellStyle, width: INDEX_WIDTH, color: 'var(--mantine-color-dimmed)' }}>
                    {item.index + 1}
                  </td>
                  {names.map((name, j) => (
                    <GridCell
                      key={name}
                      value={row ? row[j] : undefined}
                      loaded={Boolean(row)}
                      width={widths[j] ?? 110}
                      alignRight={numeric.has(name)}
                    />
                  ))}
                  <td aria-hidden="true" style={fillerStyle} />
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Box>
  );
}

interface GridCellProps {
  value: Cell | undefined;
  loaded: boolean;
  width: number;
  /** Numeric columns align right, missing values included, so digits line up. */
  alignRight: boolean;
}

function GridCell({ value, loaded, width, alignRight }: GridCellProps) {
  if (!loaded) return <td style={{ ...cellStyle, width }} aria-busy="true" />;
  const { text, missing, numeric } = cellText(value);
  return (
    <td
      title={missing ? 'missing' : text}
      style={{
        ...cellStyle,
        width,
        textAlign: numeric || alignRight ? 'right' : 'left',
        fontVariantNumeric: numeric ? 'tabular-nums' : undefined,
        color: missing ? 'var(--mantine-color-dimmed)' : undefined,
      }}
    >
      {text}
    </td>
  );
}

function sameNames(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i]);
}
