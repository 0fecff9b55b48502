import { Center, Loader, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { api } from '../api/client';
import type { ModelCharts as Charts } from '../api/types';
import { useRequest } from '../api/use-request';
import { modelChartSpecs } from '../charts/model-chart-specs';
import { VegaChart } from '../charts/vega-chart';
import { formatCount } from '../components/format';

/** The charts the server computed on a model's holdout rows; imported and older models have none. */
export function ModelCharts({ modelId, columns = 2 }: { modelId: string; columns?: 1 | 2 }) {
  const charts = useRequest(`charts:${modelId}`, (signal) =>
    api.get<Charts>(`/api/models/${encodeURIComponent(modelId)}/charts`, { signal }),
  );
  const specs = useMemo(() => (charts.data ? modelChartSpecs(charts.data) : []), [charts.data]);
  if (charts.loading) {
    return (
      <Center py="md">
        <Loader size="sm" />
      </Center>
    );
  }
  if (charts.error || !charts.data) {
    return (
      <Text size="sm" c="dimmed">
        No charts for this model (imported, or trained before charts were kept).
      </Text>
    );
  }
  return (
    <div data-testid="model-charts">
      <Text size="sm" c="dimmed" mb="xs">
        On {formatCount(charts.data.nRows)} holdout rows.
      </Text>
      <SimpleGrid cols={{ base: 1, md: columns }} spacing="md">
        {specs.map((chart) => (
          <Paper key={chart.key} withBorder radius="md" p="md" data-testid={`chart-${chart.key}`}>
            <Title order={5}>{chart.title}</Title>
            <Text size="xs" c="dimmed" mb="xs">
              {chart.hint}
            </Text>
            <VegaChart spec={chart.spec} label={chart.title} />
          </Paper>
        ))}
      </SimpleGrid>
      {charts.data.textTerms?.map((t) => (
        <TextTerms key={t.feature} entry={t} />
      ))}
    </div>
  );
}

/** The words behind a text column's part in the model: signed coefficients, or the topics it was reduced to. */
function TextTerms({ entry }: { entry: NonNullable<Charts['textTerms']>[number] }) {
  const up = entry.terms?.filter((t) => t.weight > 0).map((t) => t.term) ?? [];
  const down = entry.terms?.filter((t) => t.weight < 0).map((t) => t.term) ?? [];
  return (
    <Paper withBorder radius="md" p="md" mt="md" data-testid="text-terms">
      <Title order={5}>What the model reads in '{entry.feature}'</Title>
      {entry.how === 'coefficients' ? (
        <>
          <Text size="xs" c="dimmed" mb="xs">
            TF-IDF terms with the largest logistic-regression weights.
          </Text>
          <Text size="sm">
            <b>Towards {entry.towards ?? 'a class'}:</b> {up.join(', ') || '—'}
          </Text>
          <Text size="sm">
            <b>Away from it:</b> {down.join(', ') || '—'}
          </Text>
        </>
      ) : (
        <>
          <Text size="xs" c="dimmed" mb="xs">
            The text was reduced to {entry.topics?.length ?? 0} topics (NMF on TF-IDF); the model splits on
            their weights. Each topic's heaviest terms:
          </Text>
          {entry.topics?.map((terms, k) => (
            <Text key={terms.join(' ')} size="sm">
              <b>Topic {k + 1}:</b> {terms.join(', ')}
            </Text>
          ))}
        </>
      )}
    </Paper>
  );
}
