import { Badge, Group, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { DETECTOR_LABELS } from '@quarry/academy/curriculum/constants';
import { useMemo, useState } from 'react';
import { VegaChart } from '../../charts/vega-chart';
import { CommitSlider } from './commit-slider';
import { groupedBarsSpec } from './lesson-specs';
import { Computing, Controls, fixed, percent, Stat, Stats, whole } from './part-kit';
import { useComputed } from './use-computed';

/** Text: a typed sentence through the fitted TF-IDF vectorizer. */
export function TfidfSentencePart() {
  const [text, setText] = useState('Hi, I was charged twice on my bill and want a refund. Please help!');
  const [sentence] = useDebouncedValue(text, 250);
  const state = useComputed('sentenceTerms', [sentence]);
  return (
    <>
      <TextInput
        label="A support ticket"
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        maxLength={500}
        data-testid="lesson-text"
      />
      <Computing state={state}>
        {(d) => (
          <>
            <Stats>
              <Stat label="Terms kept" value={d.terms.length} />
              <Stat label="Words dropped" value={d.dropped.length} />
              <Stat label="Vocabulary" value={`${d.vocabularySize} terms`} />
              <Stat label="Fitted on" value={`${d.documents} tickets`} />
            </Stats>
            <Table fz="sm" verticalSpacing={4} aria-label="Terms of the sentence">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Term</Table.Th>
                  <Table.Th>Count (bag of words)</Table.Th>
                  <Table.Th>IDF</Table.Th>
                  <Table.Th>TF-IDF weight</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.terms.map((t) => (
                  <Table.Tr key={t.term}>
                    <Table.Td ff="monospace">{t.term}</Table.Td>
                    <Table.Td>{t.count}</Table.Td>
                    <Table.Td>{fixed(t.idf, 2)}</Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <div
                          style={{
                            width: `${Math.round(t.weight * 120)}px`,
                            height: 8,
                            background: 'var(--mantine-color-teal-6)',
                            borderRadius: 2,
                          }}
                        />
                        {fixed(t.weight)}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Text size="xs" c="dimmed">
              Dropped (stop words or not in the vocabulary): {d.dropped.join(', ') || 'none'}
            </Text>
          </>
        )}
      </Computing>
    </>
  );
}

/** Text: NMF topics of the tickets for k topics. */
export function TopicsPart() {
  const [k, setK] = useState(4);
  const state = useComputed('ticketTopics', [k]);
  return (
    <>
      <Controls>
        <CommitSlider label="Topics k" value={k} min={2} max={8} step={1} onCommit={setK} />
      </Controls>
      <Computing state={state}>
        {(d) => (
          <>
            <Stats>
              <Stat label="Topics" value={d.k} />
              <Stat label="Themes matched" value={`${new Set(d.topics.map((t) => t.theme)).size} of 4`} />
              <Stat
                label="Lowest purity"
                value={percent(Math.min(...d.topics.map((t) => t.purity)), 0)}
                hint="Share of a topic's tickets from its main theme"
              />
            </Stats>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
              {d.topics.map((topic, i) => (
                <Stack key={topic.terms.map((t) => t.term).join(' ')} gap={2}>
                  <Group gap="xs">
                    <Text size="sm" fw={600}>
                      Topic {i + 1}
                    </Text>
                    <Badge variant="light" size="sm">
                      {topic.theme} · {percent(topic.purity, 0)}
                    </Badge>
                  </Group>
                  <Text size="sm" ff="monospace">
                    {topic.terms.map((t) => t.term).join(' · ')}
                  </Text>
                </Stack>
              ))}
            </SimpleGrid>
          </>
        )}
      </Computing>
    </>
  );
}

/** Anomaly detection: the contamination against each detector's flags on the fraud data. */
export function AnomalyDetectorsPart() {
  const [contamination, setContamination] = useState(0.05);
  const state = useComputed('anomalyFlags', [contamination]);
  const chart = useMemo(() => {
    const d = state.value;
    if (!d) return undefined;
    return groupedBarsSpec(
      d.detectors.flatMap((x) => [
        { item: DETECTOR_LABELS[x.detector], measure: 'precision', value: x.precision },
        { item: DETECTOR_LABELS[x.detector], measure: 'recall', value: x.recall },
      ]),
    );
  }, [state.value]);
  return (
    <>
      <Controls>
        <CommitSlider
          label="Contamination"
          value={contamination}
          min={0.01}
          max={0.2}
          step={0.01}
          format={(v) => `${Math.round(v * 100)}%`}
          onCommit={setContamination}
        />
      </Controls>
      <Computing state={state}>
        {(d) => (
          <>
            <Stats>
              <Stat label="Payments" value={`${whole(d.rows)} (${d.frauds} fraud)`} />
              <Stat label="Flagged per detector" value={whole(Math.round(d.rows * d.contamination))} />
              <Stat label="Fraud caught by any detector" value={`${d.caughtByAny} of ${d.frauds}`} />
              <Stat label="Caught by all four" value={`${d.caughtByAll} of ${d.frauds}`} />
            </Stats>
            <Table fz="sm" verticalSpacing={4} aria-label="Detectors compared">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Detector</Table.Th>
                  <Table.Th>Flagged</Table.Th>
                  <Table.Th>Precision</Table.Th>
                  <Table.Th>Recall</Table.Th>
                  <Table.Th>Average precision (whole ranking)</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.detectors.map((x) => (
                  <Table.Tr key={x.detector}>
                    <Table.Td fw={x.detector === 'ensemble' ? 600 : undefined}>
                      {DETECTOR_LABELS[x.detector]}
                    </Table.Td>
                    <Table.Td>{x.flagged}</Table.Td>
                    <Table.Td>{fixed(x.precision, 2)}</Table.Td>
                    <Table.Td>{fixed(x.recall, 2)}</Table.Td>
                    <Table.Td>{fixed(x.averagePrecision)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {chart && <VegaChart spec={chart} label="Precision and recall of each detector" />}
          </>
        )}
      </Computing>
    </>
  );
}
