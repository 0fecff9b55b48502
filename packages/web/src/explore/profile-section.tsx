import { Badge, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ExploreProfile } from '../api/types';
import { formatCount, formatNumber, formatPercent } from '../components/format';

/** Duplicate rows, sets of columns missing together, and outliers (IQR and MAD) per numeric column. */
export function ProfileSection({ profile }: { profile: ExploreProfile }) {
  const patterns = profile.missingPatterns ?? [];
  const withOutliers = profile.columns.filter((c) => c.outliers);
  const duplicates = profile.duplicateRows ?? 0;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <Stack gap="xs">
        <Title order={4}>Duplicates and missing values</Title>
        <Group gap="xs" data-testid="duplicate-rows">
          <Badge color={duplicates > 0 ? 'orange' : 'teal'} variant="light">
            {formatCount(duplicates)} duplicate {duplicates === 1 ? 'row' : 'rows'}
          </Badge>
          <Text size="sm" c="dimmed">
            rows that repeat an earlier row exactly
          </Text>
        </Group>
        {patterns.length === 0 ? (
          <Text size="sm" c="dimmed">
            No row has a missing value.
          </Text>
        ) : (
          <Table striped withTableBorder fz="sm" data-testid="missing-patterns">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Missing together</Table.Th>
                <Table.Th ta="right">Rows</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {patterns.map((p) => (
                <Table.Tr key={p.columns.join('\u0000')} data-testid="missing-pattern">
                  <Table.Td>{p.columns.join(', ')}</Table.Td>
                  <Table.Td ta="right">
                    {formatCount(p.count)} ({formatPercent(p.count / Math.max(profile.nRows, 1))})
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <Stack gap="xs">
        <Title order={4}>Outliers</Title>
        {withOutliers.length === 0 ? (
          <Text size="sm" c="dimmed">
            No numeric column.
          </Text>
        ) : (
          <Table striped withTableBorder fz="sm" data-testid="outliers">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Column</Table.Th>
                <Table.Th>IQR fences</Table.Th>
                <Table.Th ta="right">Outside (IQR)</Table.Th>
                <Table.Th ta="right">Robust z &gt; 3.5 (MAD)</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {withOutliers.map((c) => {
                const o = c.outliers;
                if (!o) return null;
                return (
                  <Table.Tr key={c.name} data-testid="outlier-row">
                    <Table.Td>{c.name}</Table.Td>
                    <Table.Td>
                      {formatNumber(o.iqrLower)} … {formatNumber(o.iqrUpper)}
                    </Table.Td>
                    <Table.Td ta="right">{formatCount(o.iqrCount)}</Table.Td>
                    <Table.Td ta="right">{formatCount(o.madCount)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </SimpleGrid>
  );
}
