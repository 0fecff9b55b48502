import { Alert, Group, Loader, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Computed } from './use-computed';

/** One labelled number of an interactive part. */
export function Stat({ label, value, hint }: { label: string; value: ReactNode; hint?: string }) {
  return (
    <Paper withBorder p="xs" radius="sm">
      <Text size="xs" c="dimmed" title={hint}>
        {label}
      </Text>
      <Text fw={600} size="lg" ff="monospace">
        {value}
      </Text>
    </Paper>
  );
}

/**
 * The numbers of an interactive part, in a grid. `data-testid="lesson-numbers"` is what the e2e test reads
 * before and after moving a control, to see that the engine really recomputed.
 */
export function Stats({ children }: { children: ReactNode }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" data-testid="lesson-numbers">
      {children}
    </SimpleGrid>
  );
}

/** Controls in a row above the numbers. */
export function Controls({ children }: { children: ReactNode }) {
  return (
    <Group gap="lg" align="flex-end" wrap="wrap">
      {children}
    </Group>
  );
}

/** Shows a loader until the first result, an error if the computation failed, then the part's content. */
export function Computing<T>({ state, children }: { state: Computed<T>; children: (value: T) => ReactNode }) {
  if (state.error) {
    return (
      <Alert color="red" variant="light" title="This part could not be computed" role="alert">
        {state.error instanceof Error ? state.error.message : String(state.error)}
      </Alert>
    );
  }
  if (state.value === undefined) {
    return (
      <Group gap="xs">
        <Loader size="sm" type="dots" />
        <Text size="sm" c="dimmed">
          Fitting on the lab data…
        </Text>
      </Group>
    );
  }
  return (
    <Stack gap="sm" style={{ opacity: state.pending ? 0.6 : 1 }} aria-busy={state.pending}>
      {children(state.value)}
    </Stack>
  );
}

export const fixed = (value: number, digits = 3) => (Number.isFinite(value) ? value.toFixed(digits) : '—');
export const percent = (value: number, digits = 1) =>
  Number.isFinite(value) ? `${(value * 100).toFixed(digits)}%` : '—';
export const whole = (value: number) =>
  Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '—';
