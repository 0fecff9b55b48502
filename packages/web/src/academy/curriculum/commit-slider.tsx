import { Slider, Stack, Text } from '@mantine/core';
import { useState } from 'react';

interface CommitSliderProps {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  format?: (value: number) => string;
  /** Called when the learner lets go (or presses a key): the computation runs on the committed value only. */
  onCommit: (value: number) => void;
  width?: number;
}

/** A labelled slider that follows the thumb while dragging but recomputes only when it is released. */
export function CommitSlider({
  label,
  value,
  min,
  max,
  step,
  format,
  onCommit,
  width = 260,
}: CommitSliderProps) {
  const [shown, setShown] = useState(value);
  const show = format ?? String;
  return (
    <Stack gap={4} w={width}>
      <Text size="sm" fw={500}>
        {label}: <span data-testid="slider-value">{show(shown)}</span>
      </Text>
      <Slider
        value={shown}
        min={min}
        max={max}
        step={step}
        // The value is already in the heading above; a tooltip would cover it.
        label={null}
        onChange={setShown}
        onChangeEnd={onCommit}
        thumbLabel={label}
        data-testid="lesson-slider"
      />
    </Stack>
  );
}
