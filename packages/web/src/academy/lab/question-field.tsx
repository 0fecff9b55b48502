import { Button, Group, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Question } from '../types';

/** A lab question answered in the panel: a select for choices, else free text (e.g. a number). */
export function QuestionField({
  question,
  saved,
  onSave,
}: {
  question: Question;
  saved: string | undefined;
  onSave: (answer: string) => Promise<void>;
}) {
  const [value, setValue] = useState(saved ?? '');
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      await onSave(value);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap" data-question={question.id}>
      {question.choices ? (
        <Select
          label={question.prompt}
          data={question.choices}
          value={value || null}
          onChange={(v) => setValue(v ?? '')}
          size="xs"
          style={{ flex: 1 }}
          comboboxProps={{ withinPortal: true }}
        />
      ) : (
        <TextInput
          label={question.prompt}
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          size="xs"
          style={{ flex: 1 }}
        />
      )}
      <Button size="xs" variant="light" onClick={save} loading={busy} disabled={value.trim() === ''}>
        Save answer
      </Button>
    </Group>
  );
}
