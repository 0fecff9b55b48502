import { Badge, Button, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import type { Job, JobStatus } from '../api/types';

const STATUS_COLOR: Record<JobStatus, string> = {
  queued: 'gray',
  running: 'blue',
  succeeded: 'teal',
  failed: 'red',
  cancelled: 'gray',
  interrupted: 'orange',
};

interface JobProgressProps {
  job: Job;
  onCancel: () => void;
  cancelling: boolean;
  /** What the job does, e.g. 'Comparing families'. */
  title?: string;
}

export function JobProgress({ job, onCancel, cancelling, title = 'Training' }: JobProgressProps) {
  const active = job.status === 'queued' || job.status === 'running';
  const percent = Math.round(Math.min(Math.max(job.progress, 0), 1) * 100);
  return (
    <Paper withBorder radius="md" p="md" data-testid="job-progress" data-status={job.status}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Group gap="xs">
            <Text fw={500}>{title}</Text>
            <Badge color={STATUS_COLOR[job.status]} variant="light">
              {job.status}
            </Badge>
          </Group>
          {active && (
            <Button
              size="compact-sm"
              variant="default"
              onClick={onCancel}
              loading={cancelling}
              data-testid="cancel-button"
            >
              Cancel
            </Button>
          )}
        </Group>
        <Progress
          value={percent}
          animated={active}
          striped={active}
          color={STATUS_COLOR[job.status] === 'gray' ? 'gray' : undefined}
          aria-label={`${title} progress`}
          size="lg"
        />
        <Group justify="space-between">
          <Text size="sm" c="dimmed" data-testid="job-message">
            {job.message || (job.status === 'queued' ? 'Waiting for a worker…' : '')}
          </Text>
          <Text size="sm" c="dimmed">
            {percent}%
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}
