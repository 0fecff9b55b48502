import { Button, Group, Switch } from '@mantine/core';
import { useState } from 'react';
import { api } from '../api/client';
import { ErrorAlert } from '../components/error-alert';
import { fileNamePart } from '../components/format';

/** Download the predictions CSV through fetch, so the Authorization header goes along. */
export function DownloadPredictions({
  predictionId,
  modelName,
}: {
  predictionId: string;
  modelName: string;
}) {
  const [raw, setRaw] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const query = raw ? '?raw=true' : '';
      await api.download(
        `/api/predictions/${encodeURIComponent(predictionId)}/download${query}`,
        `predictions-${fileNamePart(modelName)}.csv`,
      );
    } catch (reason) {
      setError(reason);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <Group gap="lg">
        <Button onClick={download} loading={busy} data-testid="download-csv">
          Download CSV
        </Button>
        <Switch
          label="raw CSV (for programs)"
          description="Off: cells that start with = + - @ are escaped so spreadsheets do not run them as formulas"
          checked={raw}
          onChange={(event) => setRaw(event.currentTarget.checked)}
          data-testid="raw-csv-switch"
          maw={420}
        />
      </Group>
      <ErrorAlert error={error} title="Could not download" mt="sm" onClose={() => setError(null)} />
    </div>
  );
}
