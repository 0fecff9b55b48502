import { Anchor, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { resolveLink } from '@quarry/academy/links';
import type { CheckpointOutcome, LabProgress } from '../types';
import { WithCode } from './instruction-text';

const MARK = { pass: '✓', fail: '✗', pending: '…' } as const;
const COLOR = { pass: 'teal', fail: 'red', pending: 'gray' } as const;

/** One checkpoint: what should hold, what the check saw in your work, and on a fail what to do and where. */
export function CheckpointItem({ outcome, progress }: { outcome: CheckpointOutcome; progress: LabProgress }) {
  return (
    <Group
      gap="xs"
      align="flex-start"
      wrap="nowrap"
      data-checkpoint={outcome.id}
      data-status={outcome.status}
      aria-label={`${outcome.title}: ${outcome.status}`}
    >
      <ThemeIcon size="sm" radius="xl" color={COLOR[outcome.status]} variant="light" aria-hidden>
        <Text size="xs" fw={700}>
          {MARK[outcome.status]}
        </Text>
      </ThemeIcon>
      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
        <Text size="sm" fw={500}>
          {outcome.title}
        </Text>
        <Text size="xs" c="dimmed">
          <WithCode text={outcome.detail} />
        </Text>
        {outcome.status === 'fail' && outcome.hint && (
          <Text size="xs" c="red.8" data-hint>
            <WithCode text={outcome.hint.text} />{' '}
            <Anchor href={resolveLink(outcome.hint.link, progress)} size="xs" fw={600}>
              Fix it
            </Anchor>
          </Text>
        )}
        {outcome.status !== 'pending' && (
          <Text size="xs" c="dimmed" fs="italic">
            <WithCode text={outcome.explanation} />
          </Text>
        )}
      </Stack>
    </Group>
  );
}
