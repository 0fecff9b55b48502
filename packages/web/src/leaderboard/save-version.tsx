import {
  Button,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { Leaderboard, SaveRequest, ThresholdTuning } from '../api/types';
import { familyLabel } from './scorers';

type ThresholdChoice = 'tuned' | 'default' | 'custom';

interface SaveVersionProps {
  leaderboard: Leaderboard;
  family: string;
  /** The threshold tuned for the goal last chosen (binary only). */
  tuning: ThresholdTuning | null;
  busy: boolean;
  onSave: (request: SaveRequest) => Promise<void>;
}

/** Refits the chosen family on all training rows and saves it as a new version, with threshold and calibration. */
export function SaveVersion({ leaderboard, family, tuning, busy, onSave }: SaveVersionProps) {
  const [name, setName] = useState(`${leaderboard.datasetName}-${leaderboard.target}`);
  const [choice, setChoice] = useState<ThresholdChoice>(tuning ? 'tuned' : 'default');
  const [custom, setCustom] = useState<number | string>(0.5);
  const [calibration, setCalibration] = useState<NonNullable<SaveRequest['calibration']>>('none');
  const [submitting, setSubmitting] = useState(false);
  const binary = leaderboard.positiveClass !== null;
  const tunedChoice = binary && choice === 'tuned' && tuning !== null;

  const threshold = (): SaveRequest['threshold'] => {
    if (!binary) return undefined;
    // The goal, not the number: the server tunes it from the same out-of-fold counts and keeps the goal.
    if (choice === 'tuned' && tuning) return tuning.goal;
    if (choice === 'custom') return Number(custom);
    return undefined;
  };

  const save = async () => {
    setSubmitting(true);
    try {
      const value = threshold();
      await onSave({
        family: family as SaveRequest['family'],
        ...(name.trim() ? { name: name.trim() } : {}),
        ...(value !== undefined ? { threshold: value } : {}),
        ...(binary ? { calibration: tunedChoice ? 'none' : calibration } : {}),
      });
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Paper withBorder radius="md" p="md" data-testid="save-version">
      <Stack gap="sm">
        <Title order={4}>Save {familyLabel(family)} as a version</Title>
        <Group align="flex-end">
          <TextInput
            label="Model name"
            description="Versions are kept under one name"
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            w={280}
            data-testid="save-name-input"
          />
          {binary && (
            <>
              <Stack gap={4}>
                <SegmentedControl
                  size="xs"
                  value={choice}
                  onChange={(v) => setChoice(v as ThresholdChoice)}
                  data={[
                    {
                      value: 'tuned',
                      label: tuning ? `Tuned (${tuning.threshold.toFixed(2)})` : 'Tuned',
                      disabled: !tuning,
                    },
                    { value: 'default', label: '0.5' },
                    { value: 'custom', label: 'Custom' },
                  ]}
                  data-testid="save-threshold-choice"
                />
              </Stack>
              {choice === 'custom' && (
                <NumberInput
                  label="Threshold"
                  value={custom}
                  onChange={setCustom}
                  min={0}
                  max={1}
                  step={0.01}
                  decimalScale={2}
                  w={120}
                />
              )}
              <Select
                label="Calibration"
                description={
                  tunedChoice
                    ? 'Not with a tuned threshold: it was chosen on uncalibrated probabilities'
                    : 'Fits the probabilities to observed rates'
                }
                data={[
                  { value: 'none', label: 'None' },
                  { value: 'sigmoid', label: 'Sigmoid (Platt)' },
                  { value: 'isotonic', label: 'Isotonic' },
                ]}
                disabled={tunedChoice}
                value={tunedChoice ? 'none' : calibration}
                onChange={(v) => setCalibration((v ?? 'none') as NonNullable<SaveRequest['calibration']>)}
                allowDeselect={false}
                w={tunedChoice ? 300 : 200}
                data-testid="save-calibration-select"
              />
            </>
          )}
          <Button onClick={save} loading={submitting} disabled={busy} data-testid="save-version-button">
            Save version
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
