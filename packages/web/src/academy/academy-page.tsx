import { Badge, Button, Card, Group, Loader, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { api } from '../api/client';
import { useRequest } from '../api/use-request';
import { ErrorAlert } from '../components/error-alert';
import { PageHeader } from '../components/page-header';
import { CurriculumList } from './curriculum/curriculum-list';
import type { LabListItem } from './types';

const KIND_LABEL: Record<LabListItem['kind'], string> = {
  tabular: 'prediction',
  forecast: 'forecasting',
  anomaly: 'anomaly detection',
};

/** The Academy: four labs done in the studio itself, and the curriculum they draw on. */
export function AcademyPage() {
  const labs = useRequest('academy-labs', (signal) =>
    api.get<{ labs: LabListItem[] }>('/api/academy/labs', { signal }),
  );
  return (
    <Stack gap="lg">
      <PageHeader
        title="Academy"
        description="Learn by doing: each lab gives you realistic, messy data with problems planted in it. You work in the real studio; the Academy checks what you actually did and shows where to fix it."
      />
      <ErrorAlert error={labs.error} />
      <Title order={3}>Labs</Title>
      {labs.loading && !labs.data && <Loader size="sm" aria-label="Loading the labs" />}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {labs.data?.labs.map((lab) => (
          <Card key={lab.id} withBorder padding="md" data-lab={lab.id}>
            <Stack gap="xs" h="100%">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Text fw={600}>{lab.title}</Text>
                <Badge variant="light">{KIND_LABEL[lab.kind]}</Badge>
              </Group>
              <Text size="sm" c="dimmed">
                {lab.summary || lab.story}
              </Text>
              <Text size="xs" c="dimmed">
                About {lab.estimatedMinutes} minutes · 6 steps · {lab.total} checks
              </Text>
              {lab.started && (
                <Stack gap={2}>
                  <Progress value={lab.total === 0 ? 0 : (100 * lab.passed) / lab.total} size="sm" />
                  <Text size="xs">
                    {lab.passed} of {lab.total} checks passed
                  </Text>
                </Stack>
              )}
              <Group mt="auto">
                <Button
                  component="a"
                  href={`#/academy/labs/${lab.id}`}
                  variant={lab.started ? 'light' : 'filled'}
                >
                  {lab.started ? 'Continue lab' : 'Open lab'}
                </Button>
              </Group>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
      <Title order={3}>Curriculum</Title>
      <CurriculumList />
    </Stack>
  );
}
