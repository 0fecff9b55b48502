import {
  Accordion,
  Anchor,
  Button,
  CloseButton,
  Group,
  Progress,
  ScrollArea,
  Stack,
  Text,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useRequest } from '../../api/use-request';
import { ErrorAlert } from '../../components/error-alert';
import { useHashRoute } from '../../routing/use-hash-route';
import type { LabProgress, PublicLab } from '../types';
import { setActiveLab } from './active-lab';
import { CodeTemplates } from './code-templates';
import { StepSection } from './step-section';

/** How often the panel re-reads the learner's progress while the tab is visible (jobs finish in the background). */
const POLL_MS = 5000;

/**
 * The progress panel beside every studio page while a lab is active: the six steps, what to do in each, and the
 * checkpoints evaluated on the learner's own project. It re-reads the progress on every page change, every few
 * seconds, and when the learner presses "Check my work".
 */
export function LabPanel({ labId }: { labId: string }) {
  const route = useHashRoute();
  const [revision, setRevision] = useState(0);
  const [opened, setOpened] = useState<string | null>(null);
  const lab = useRequest(`lab-${labId}`, (signal) =>
    api.get<PublicLab>(`/api/academy/labs/${encodeURIComponent(labId)}`, { signal }),
  );
  const progress = useRequest(`lab-progress-${labId}-${revision}`, (signal) =>
    api.get<LabProgress>(`/api/academy/labs/${encodeURIComponent(labId)}/progress`, { signal }),
  );
  const [shown, setShown] = useState<LabProgress | undefined>(undefined);
  useEffect(() => {
    if (progress.data) setShown(progress.data);
  }, [progress.data]);

  // The route is parsed anew on every render: compare it as text, so only a real page change re-reads.
  const page = JSON.stringify(route);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a page change is the trigger
  useEffect(() => setRevision((r) => r + 1), [page]);
  useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') setRevision((r) => r + 1);
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, []);

  const current = shown?.steps.find((s) => s.status === 'current')?.id ?? null;
  // Open the current step when the panel first loads and whenever the learner moves on to the next one.
  useEffect(() => setOpened(current), [current]);

  const answer = async (questionId: string, value: string) => {
    const next = await api.put<LabProgress>(`/api/academy/labs/${encodeURIComponent(labId)}/answers`, {
      questionId,
      answer: value,
    });
    setShown(next);
  };

  const def = lab.data;
  return (
    <Stack gap="xs" h="100%">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={0}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            Lab
          </Text>
          <Anchor href={`#/academy/labs/${encodeURIComponent(labId)}`} fw={600} size="sm">
            {def?.title ?? labId}
          </Anchor>
        </Stack>
        <CloseButton
          aria-label="Leave the lab"
          title="Hide the lab panel"
          onClick={() => setActiveLab(null)}
        />
      </Group>
      {shown && (
        <Stack gap={2}>
          <Progress
            value={shown.total === 0 ? 0 : (100 * shown.passed) / shown.total}
            size="sm"
            color="teal"
          />
          <Text size="xs" data-testid="lab-score">
            {shown.passed} of {shown.total} checks passed
          </Text>
        </Stack>
      )}
      <Group gap="xs">
        <Button
          size="xs"
          variant="light"
          onClick={() => setRevision((r) => r + 1)}
          loading={progress.loading}
        >
          Check my work
        </Button>
        {def && shown?.started && <CodeTemplates labId={labId} />}
      </Group>
      <ErrorAlert error={lab.error ?? progress.error} />
      {def && shown && !shown.started && (
        <Text size="sm">
          The lab has not been started.{' '}
          <Anchor href={`#/academy/labs/${encodeURIComponent(labId)}`}>Open it</Anchor> and press “Start lab”.
        </Text>
      )}
      {def && shown && (
        <ScrollArea style={{ flex: 1 }} offsetScrollbars>
          <Accordion value={opened} onChange={setOpened} variant="separated" chevronPosition="left">
            {shown.steps.map((step, i) => (
              <StepSection
                key={step.id}
                lab={def}
                step={step}
                index={i}
                progress={shown}
                revision={revision}
                onAnswer={answer}
              />
            ))}
          </Accordion>
        </ScrollArea>
      )}
    </Stack>
  );
}
