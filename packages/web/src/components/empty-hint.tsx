import { EmptyState, Paper } from '@mantine/core';
import type { ReactNode } from 'react';

interface EmptyHintProps {
  title: string;
  /** What to do about it. */
  description: ReactNode;
  /** Buttons or links that do it. */
  children?: ReactNode;
}

/** What an empty list shows: what is missing and what to do about it. */
export function EmptyHint({ title, description, children }: EmptyHintProps) {
  return (
    <Paper withBorder p="xl" radius="md" data-testid="empty-state">
      <EmptyState title={title} description={description}>
        {children && <EmptyState.Actions>{children}</EmptyState.Actions>}
      </EmptyState>
    </Paper>
  );
}
