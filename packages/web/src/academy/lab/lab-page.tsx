import { Alert, Anchor, Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { resolveLink } from '@quarry/academy/links';
import { useState } from 'react';
import { api } from '../../api/client';
import { useRequest } from '../../api/use-request';
import { ConfirmModal } from '../../components/confirm-modal';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { navigate } from '../../routing/use-hash-route';
import { type LabProgress, type PublicLab, STEP_TITLES } from '../types';
import { setActiveLab, useActiveLab } from './active-lab';
import { InstructionText } from './instruction-text';

/**
 * A lab's front page: the story, what you will learn, the six steps. "Start lab" loads the lab's data into the
 * studio, makes this the active lab (its progress panel then follows you across the pages) and opens the first
 * step that is not done yet.
 */
export function LabPage({ id }: { id: string }) {
  const lab = useRequest(`lab-${id}`, (signal) =>
    api.get<PublicLab>(`/api/academy/labs/${encodeURIComponent(id)}`, { signal }),
  );
  const progress = useRequest(`lab-progress-${id}`, (signal) =>
    api.get<LabProgress>(`/api/academy/labs/${encodeURIComponent(id)}/progress`, { signal }),
  );
  const active = useActiveLab();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [confirmRestart, setConfirmRestart] = useState(false);

  const start = async (restart: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const started = await api.post<LabProgress>(`/api/academy/labs/${encodeURIComponent(id)}/start`, {
        restart,
      });
      setActiveLab(id);
      const step = started.steps.find((s) => s.status === 'current') ?? started.steps[0];
      const target = lab.data?.steps.find((s) => s.id === step.id)?.link;
      navigate(target ? resolveLink(target, started) : `#/data/${started.currentDatasetId ?? ''}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const def = lab.data;
  const started = progress.data?.started ?? false;
  return (
    <Stack gap="lg">
      <PageHeader
        above={
          <Anchor href="#/academy" size="sm">
            ← Academy
          </Anchor>
        }
        title={def?.title ?? 'Lab'}
        description={def ? `About ${def.estimatedMinutes} minutes · six steps in the studio` : undefined}
        actions={
          def && (
            <>
              {started && (
                <Button variant="subtle" color="gray" onClick={() => setConfirmRestart(true)} disabled={busy}>
                  Restart lab
                </Button>
              )}
              <Button onClick={() => start(false)} loading={busy}>
                {started ? 'Continue' : 'Start lab'}
              </Button>
            </>
          )
        }
      />
      <ErrorAlert error={lab.error ?? progress.error ?? error} />
      {def && (
        <>
          <Text>{def.story}</Text>
          {active === id && started && (
            <Alert variant="light" color="teal">
              This lab is active: its progress panel is on the right of every page.{' '}
              {progress.data?.passed ?? 0} of {progress.data?.total ?? 0} checks passed.
            </Alert>
          )}
          {def.goals.length > 0 && (
            <Stack gap={4}>
              <Title order={3}>What you will learn</Title>
              <List size="sm">
                {def.goals.map((goal) => (
                  <List.Item key={goal}>{goal}</List.Item>
                ))}
              </List>
            </Stack>
          )}
          <Title order={3}>Steps</Title>
          <Stack gap="sm">
            {def.steps.map((step, i) => {
              const status = progress.data?.steps.find((s) => s.id === step.id)?.status;
              return (
                <Card key={step.id} withBorder padding="sm">
                  <Group justify="space-between">
                    <Text fw={600}>
                      {i + 1}. {step.title || STEP_TITLES[step.id]}
                    </Text>
                    {started && status && (
                      <Badge
                        color={status === 'done' ? 'teal' : status === 'current' ? 'blue' : 'gray'}
                        variant="light"
                      >
                        {status === 'done' ? 'done' : status === 'current' ? 'next' : 'to do'}
                      </Badge>
                    )}
                  </Group>
                  <Stack gap={2} mt={4}>
                    {step.instructions.map((line) => (
                      <InstructionText key={line} text={line} c="dimmed" />
                    ))}
                  </Stack>
                </Card>
              );
            })}
          </Stack>
        </>
      )}
      <ConfirmModal
        opened={confirmRestart}
        title="Restart this lab?"
        confirmLabel="Restart"
        onClose={() => setConfirmRestart(false)}
        onConfirm={async () => {
          setConfirmRestart(false);
          await start(true);
        }}
      >
        A fresh copy of the lab’s data is loaded and your answers are cleared. The data sets and models you
        made so far stay in the studio.
      </ConfirmModal>
    </Stack>
  );
}
