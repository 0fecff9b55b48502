import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { api } from '../api/client';
import type { ModelSummary } from '../api/types';
import { ErrorAlert } from '../components/error-alert';
import { confirmationText } from './stage';

interface DeleteModelModalProps {
  model: ModelSummary | null;
  onClose: () => void;
  onDeleted: (model: ModelSummary) => void;
}

/** Deleting a version asks for its name typed out (`<name>-v<version>`), which the server checks again. */
export function DeleteModelModal({ model, onClose, onDeleted }: DeleteModelModalProps) {
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const expected = model ? confirmationText(model) : '';

  const close = () => {
    if (busy) return;
    setTyped('');
    setError(null);
    onClose();
  };

  const confirm = async () => {
    if (!model || typed !== expected) return;
    setBusy(true);
    setError(null);
    try {
      await api.delete(`/api/models/${encodeURIComponent(model.id)}?confirm=${encodeURIComponent(typed)}`);
      setBusy(false);
      setTyped('');
      onDeleted(model);
      onClose();
    } catch (reason) {
      setBusy(false);
      setError(reason);
    }
  };

  return (
    <Modal opened={model !== null} onClose={close} title="Delete model version?" centered>
      <Stack>
        <Text size="sm">
          “{model?.name}” v{model?.version} will be removed, and its prediction endpoint with it. This cannot
          be undone. Type{' '}
          <Text span ff="monospace">
            {expected}
          </Text>{' '}
          to confirm.
        </Text>
        <TextInput
          value={typed}
          onChange={(event) => setTyped(event.currentTarget.value)}
          aria-label="Version name to confirm"
          placeholder={expected}
          data-testid="delete-confirm-input"
        />
        <ErrorAlert error={error} title="Could not delete" />
        <Group justify="flex-end">
          <Button variant="default" onClick={close} disabled={busy}>
            Cancel
          </Button>
          <Button
            color="red"
            onClick={confirm}
            loading={busy}
            disabled={typed !== expected}
            data-testid="confirm-button"
          >
            Delete
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
