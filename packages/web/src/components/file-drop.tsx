import { Button, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { type DragEvent, type ReactNode, useRef, useState } from 'react';
import { ACCEPT_ATTRIBUTE, ACCEPTED_DESCRIPTION } from './accepted-files';

interface FileDropProps {
  onFile: (file: File) => void;
  /** The data-testid of the hidden file input (end-to-end tests set files on it directly). */
  inputTestId: string;
  title: ReactNode;
  buttonLabel: string;
  disabled?: boolean;
  /** Upload progress 0..1; null when nothing is being sent. */
  progress: number | null;
  /** Shown under the bar, e.g. "Uploading iris.csv…" */
  progressLabel?: ReactNode;
  onCancel?: () => void;
}

/** A drop area with a button, a hidden <input type=file> and a progress bar. */
export function FileDrop(props: FileDropProps) {
  const { onFile, inputTestId, title, buttonLabel, disabled, progress, progressLabel, onCancel } = props;
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const busy = progress !== null;

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file && !disabled && !busy) onFile(file);
  };

  return (
    <Paper
      withBorder
      p="lg"
      radius="md"
      onDragOver={(event: DragEvent) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      style={{
        borderStyle: 'dashed',
        borderWidth: 2,
        borderColor: over ? 'var(--mantine-primary-color-filled)' : undefined,
        background: over ? 'var(--mantine-primary-color-light)' : undefined,
      }}
    >
      <Stack gap="sm" align="center">
        <Text fw={500}>{title}</Text>
        <Text size="sm" c="dimmed" ta="center">
          Drop a file here or choose one: {ACCEPTED_DESCRIPTION}.
        </Text>
        <input
          ref={input}
          type="file"
          accept={ACCEPT_ATTRIBUTE}
          hidden
          data-testid={inputTestId}
          disabled={disabled || busy}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            // Reset so choosing the same file again still fires a change.
            event.currentTarget.value = '';
            if (file) onFile(file);
          }}
        />
        {!busy && (
          <Button onClick={() => input.current?.click()} disabled={disabled}>
            {buttonLabel}
          </Button>
        )}
        {busy && (
          <Stack gap={6} w="100%" maw={480}>
            <Progress
              value={Math.round(progress * 100)}
              striped={progress >= 1}
              animated={progress >= 1}
              aria-label="Upload progress"
              size="lg"
            />
            <Group justify="space-between" gap="xs">
              <Text size="sm" c="dimmed">
                {progressLabel}
              </Text>
              {onCancel && (
                <Button size="compact-sm" variant="subtle" color="gray" onClick={onCancel}>
                  Cancel
                </Button>
              )}
            </Group>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
