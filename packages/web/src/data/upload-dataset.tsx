import { Alert, Anchor } from '@mantine/core';
import { useRef, useState } from 'react';
import { api } from '../api/client';
import { isAbortError } from '../api/errors';
import type { DatasetSummary } from '../api/types';
import { isAcceptedFile, rejectionMessage } from '../components/accepted-files';
import { ErrorAlert } from '../components/error-alert';
import { FileDrop } from '../components/file-drop';
import { formatCount } from '../components/format';
import { href } from '../routing/route';

/** Upload area for new data sets: progress while sending, the server's message if the file is refused. */
export function UploadDataset({ onUploaded }: { onUploaded: (dataset: DatasetSummary) => void }) {
  const [progress, setProgress] = useState<number | null>(null);
  const [fileName, setFileName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [uploaded, setUploaded] = useState<DatasetSummary | null>(null);
  const controller = useRef<AbortController | null>(null);

  const upload = async (file: File) => {
    setError(null);
    setUploaded(null);
    if (!isAcceptedFile(file.name)) {
      setError(new Error(rejectionMessage(file.name)));
      return;
    }
    const form = new FormData();
    form.append('file', file, file.name);
    controller.current = new AbortController();
    setFileName(file.name);
    setProgress(0);
    try {
      const dataset = await api.upload<DatasetSummary>('/api/datasets', form, {
        signal: controller.current.signal,
        onProgress: setProgress,
      });
      setUploaded(dataset);
      onUploaded(dataset);
    } catch (reason) {
      if (!isAbortError(reason)) setError(reason);
    } finally {
      setProgress(null);
      controller.current = null;
    }
  };

  const label =
    progress !== null && progress < 1
      ? `Uploading ${fileName}… ${Math.round(progress * 100)}%`
      : `Reading ${fileName}: detecting columns and types…`;

  return (
    <>
      <FileDrop
        title="Add a data set"
        buttonLabel="Choose a file"
        inputTestId="upload-input"
        onFile={upload}
        progress={progress}
        progressLabel={label}
        onCancel={() => controller.current?.abort()}
      />
      <ErrorAlert error={error} title="The file was not added" mt="md" onClose={() => setError(null)} />
      {uploaded && (
        <Alert
          color="teal"
          variant="light"
          mt="md"
          title="Data set added"
          withCloseButton
          onClose={() => setUploaded(null)}
          data-testid="upload-success"
        >
          “{uploaded.name}”: {formatCount(uploaded.nRows)} rows × {formatCount(uploaded.nCols)} columns.{' '}
          <Anchor href={href({ page: 'dataset', id: uploaded.id })}>Open it</Anchor> to check the column
          types, or <Anchor href={href({ page: 'train', datasetId: uploaded.id })}>train a model</Anchor>.
        </Alert>
      )}
    </>
  );
}
