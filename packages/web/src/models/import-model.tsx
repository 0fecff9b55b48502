import { Button, FileButton } from '@mantine/core';
import { useState } from 'react';
import { api } from '../api/client';
import type { ModelSummary } from '../api/types';

interface ImportModelProps {
  onImported: (model: ModelSummary) => void;
  onError: (error: unknown) => void;
}

/** Uploads a model file; the server checks schema, version and SHA-256 and never executes anything in it. */
export function ImportModel({ onImported, onError }: ImportModelProps) {
  const [busy, setBusy] = useState(false);
  const upload = async (file: File | null) => {
    if (!file) return;
    setBusy(true);
    onError(null);
    try {
      const form = new FormData();
      form.append('file', file);
      onImported(await api.upload<ModelSummary>('/api/models/import', form));
    } catch (reason) {
      onError(reason);
    } finally {
      setBusy(false);
    }
  };
  return (
    <FileButton
      onChange={upload}
      accept="application/json,.json"
      inputProps={{ 'data-testid': 'import-model-input' } as object}
    >
      {(props) => (
        <Button {...props} variant="default" loading={busy} data-testid="import-model-button">
          Import a model file
        </Button>
      )}
    </FileButton>
  );
}
