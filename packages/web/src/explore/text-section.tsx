import {
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import { api } from '../api/client';
import type { ColumnInfo } from '../api/types';
import { ErrorAlert } from '../components/error-alert';
import { formatCount } from '../components/format';

interface TopicTerm {
  term: string;
  weight: number;
}

interface TextResult {
  column: string;
  method: 'nmf' | 'lda';
  nRows: number;
  sampled: boolean;
  nDocuments: number;
  nEmpty: number;
  vocabularySize: number;
  commonTerms: { term: string; documents: number }[];
  topics: { terms: TopicTerm[]; share: number; examples: string[] }[];
  classTerms: { label: string; terms: TopicTerm[] }[] | null;
  target: string | null;
}

/** Columns worth reading as text: free text first, then categorical columns (short labels rarely have topics). */
const textColumns = (columns: ColumnInfo[], target: string | null) =>
  [...columns.filter((c) => c.type === 'text'), ...columns.filter((c) => c.type === 'categorical')].filter(
    (c) => c.name !== target,
  );

/**
 * Explore → Text, the topic–term viewer: the topics of one text column (NMF over TF-IDF, or LDA over counts), each
 * with its heaviest terms, the share of documents it leads and two example documents; the most common terms; and,
 * with a categorical target, the terms that raise each class's odds.
 */
export function TextSection({
  datasetId,
  columns,
  target,
}: {
  datasetId: string;
  columns: ColumnInfo[];
  target: string | null;
}) {
  const candidates = textColumns(columns, target);
  const [column, setColumn] = useState<string | null>(candidates[0]?.name ?? null);
  const [method, setMethod] = useState<'nmf' | 'lda'>('nmf');
  const [topics, setTopics] = useState('6');
  const [result, setResult] = useState<TextResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [running, setRunning] = useState(false);
  const targetInfo = columns.find((c) => c.name === target);
  const byClass = targetInfo !== undefined && ['categorical', 'boolean'].includes(targetInfo.type);

  if (candidates.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No text column here. Columns typed text (or categorical) can be read for topics.
      </Text>
    );

  const run = async () => {
    if (column === null) return;
    setRunning(true);
    setError(null);
    try {
      setResult(
        await api.post<TextResult>(`/api/datasets/${encodeURIComponent(datasetId)}/text`, {
          column,
          method,
          topics: Number(topics),
          ...(byClass ? { target } : {}),
        }),
      );
    } catch (err) {
      setError(err);
    } finally {
      setRunning(false);
    }
  };

  return (
    <Stack gap="md" data-testid="text-section">
      <Group align="flex-end">
        <Select
          label="Text column"
          data={candidates.map((c) => ({ value: c.name, label: `${c.name} · ${c.type}` }))}
          value={column}
          onChange={setColumn}
          allowDeselect={false}
          w={260}
          data-testid="text-column"
        />
        <SegmentedControl
          data={[
            { value: 'nmf', label: 'NMF (TF-IDF)' },
            { value: 'lda', label: 'LDA (counts)' },
          ]}
          value={method}
          onChange={(v) => setMethod(v as 'nmf' | 'lda')}
        />
        <Select
          label="Topics"
          data={['2', '3', '4', '5', '6', '8', '10', '12', '15', '20']}
          value={topics}
          onChange={(v) => v !== null && setTopics(v)}
          allowDeselect={false}
          w={100}
        />
        <Button onClick={run} loading={running} data-testid="text-run">
          Find topics
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        English stop words are dropped; a term must appear in at least two documents and in at most 95% of
        them. Above 20 000 rows a fixed sample is read.
        {byClass ? ` Terms by class use the target '${target}'.` : ''}
      </Text>
      <ErrorAlert error={error} />
      {result && (
        <Stack gap="md">
          <Text size="sm">
            {formatCount(result.nDocuments)} documents
            {result.sampled ? ` (a sample of ${formatCount(result.nRows)})` : ''},{' '}
            {formatCount(result.nEmpty)} empty, {formatCount(result.vocabularySize)} terms. Most common:{' '}
            {result.commonTerms
              .slice(0, 12)
              .map((t) => t.term)
              .join(', ')}
            .
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} data-testid="topics">
            {result.topics.map((topic, t) => (
              <Paper key={topic.terms.map((x) => x.term).join(' ')} withBorder p="sm" radius="md">
                <Group justify="space-between" mb={4}>
                  <Text fw={600} size="sm">
                    Topic {t + 1}
                  </Text>
                  <Badge variant="light">{Math.round(topic.share * 100)}% of documents</Badge>
                </Group>
                <TermBars terms={topic.terms} />
                {topic.examples.map((e) => (
                  <Text key={e} size="xs" c="dimmed" mt={4} lineClamp={2}>
                    “{e}”
                  </Text>
                ))}
              </Paper>
            ))}
          </SimpleGrid>
          {result.classTerms && (
            <Table withTableBorder aria-label="Terms by class" data-testid="class-terms">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{result.target}</Table.Th>
                  <Table.Th>Terms that raise its odds (logistic regression on TF-IDF)</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.classTerms.map((c) => (
                  <Table.Tr key={c.label}>
                    <Table.Td>{c.label}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{c.terms.map((t) => t.term).join(', ')}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      )}
    </Stack>
  );
}

/** A topic's terms as bars whose length is the term's weight relative to the heaviest. */
function TermBars({ terms }: { terms: TopicTerm[] }) {
  const max = Math.max(...terms.map((t) => t.weight), 1e-12);
  return (
    <Stack gap={2}>
      {terms.map((t) => (
        <Group key={t.term} gap={6} wrap="nowrap">
          <Text size="xs" w={110} truncate>
            {t.term}
          </Text>
          <div
            style={{
              height: 8,
              width: `${Math.max(2, (100 * t.weight) / max)}%`,
              maxWidth: 160,
              background: 'var(--mantine-color-teal-5)',
              borderRadius: 2,
            }}
          />
        </Group>
      ))}
    </Stack>
  );
}
