import { Alert, Badge, Group, Stack, Text } from '@mantine/core';
import type { DataWarning, WarningSeverity } from '../api/types';

export const SEVERITY_COLOR: Record<WarningSeverity, string> = {
  critical: 'red',
  warning: 'orange',
  info: 'blue',
};

/** Quality warnings and leakage findings, each with what was found and what to do about it. Text only. */
export function WarningList({ warnings }: { warnings: DataWarning[] }) {
  if (warnings.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="no-warnings">
        No warnings: Quarry found no quality or leakage problem in this data set.
      </Text>
    );
  }
  return (
    <Stack gap="xs" data-testid="warnings">
      {warnings.map((w, i) => (
        <Alert
          // biome-ignore lint/suspicious/noArrayIndexKey: warnings have no id; the list is replaced as a whole
          key={`${w.code}:${w.columns.join(',')}:${i}`}
          color={SEVERITY_COLOR[w.severity]}
          variant="light"
          data-testid="warning"
          data-category={w.category}
          data-code={w.code}
          data-severity={w.severity}
          title={
            <Group gap="xs">
              <Badge size="sm" color={SEVERITY_COLOR[w.severity]} variant="filled">
                {w.severity}
              </Badge>
              <Badge size="sm" color={w.category === 'leakage' ? 'grape' : 'gray'} variant="light">
                {w.category === 'leakage' ? 'Leakage' : 'Quality'}
              </Badge>
              <Text size="sm" fw={600}>
                {w.code.replaceAll('_', ' ')}
              </Text>
              {w.columns.length > 0 && (
                <Text size="sm" c="dimmed">
                  {w.columns.join(', ')}
                </Text>
              )}
            </Group>
          }
        >
          <Text size="sm">{w.message}</Text>
          <Text size="sm" mt={4}>
            <Text span fw={600}>
              Suggested:{' '}
            </Text>
            {w.suggestion}
          </Text>
        </Alert>
      ))}
    </Stack>
  );
}

/** Counts per severity, for the section's heading. */
export function countBySeverity(warnings: DataWarning[]): Record<WarningSeverity, number> {
  const counts: Record<WarningSeverity, number> = { critical: 0, warning: 0, info: 0 };
  for (const w of warnings) counts[w.severity] += 1;
  return counts;
}
