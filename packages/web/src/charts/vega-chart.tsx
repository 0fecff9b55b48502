import { Box, Loader, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { TopLevelSpec } from 'vega-lite';

interface VegaChartProps {
  /** Keep the object stable (useMemo): a new spec redraws the chart. */
  spec: TopLevelSpec;
  /** What the chart shows, for screen readers. */
  label: string;
  'data-testid'?: string;
}

/**
 * Draws a Vega-Lite spec as SVG. vega-embed (and with it vega and vega-lite, about a megabyte) is imported
 * the first time a chart is drawn, so pages without charts never load it.
 */
export function VegaChart({ spec, label, 'data-testid': testId }: VegaChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let cancelled = false;
    let finalize: (() => void) | undefined;
    setState('loading');
    import('vega-embed')
      .then(({ default: embed }) =>
        // `ast: true` evaluates Vega expressions with an interpreter instead of new Function(), so charts work
        // under a Content-Security-Policy without 'unsafe-eval'.
        embed(element, spec, { actions: false, renderer: 'svg', ast: true }),
      )
      .then((result) => {
        if (cancelled) {
          result.finalize();
          return;
        }
        finalize = result.finalize;
        setState('ready');
      })
      .catch(() => {
        if (!cancelled) setState('failed');
      });
    return () => {
      cancelled = true;
      finalize?.();
    };
  }, [spec]);

  return (
    <Box pos="relative" data-testid={testId}>
      <div ref={ref} role="img" aria-label={label} style={{ width: '100%' }} />
      {state === 'loading' && <Loader size="sm" type="dots" aria-label="Drawing chart" />}
      {state === 'failed' && (
        <Text size="sm" c="dimmed">
          The chart could not be drawn.
        </Text>
      )}
    </Box>
  );
}
