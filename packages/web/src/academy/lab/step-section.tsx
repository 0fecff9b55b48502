import { Accordion, Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { resolveLink } from '@quarry/academy/links';
import { useState } from 'react';
import { type LabProgress, type PublicLab, STEP_TITLES, type StepProgress } from '../types';
import { BeforeAfter } from './before-after';
import { CheckpointItem } from './checkpoint-item';
import { InstructionText } from './instruction-text';
import { QuestionField } from './question-field';

const STATUS_LABEL = { done: 'done', current: 'now', todo: 'to do' } as const;
const STATUS_COLOR = { done: 'teal', current: 'blue', todo: 'gray' } as const;

/** One of the six steps in the progress panel: what to do, where, the questions, and its checkpoints. */
export function StepSection({
  lab,
  step,
  index,
  progress,
  revision,
  onAnswer,
}: {
  lab: PublicLab;
  step: StepProgress;
  index: number;
  progress: LabProgress;
  revision: number;
  onAnswer: (questionId: string, answer: string) => Promise<void>;
}) {
  const def = lab.steps.find((s) => s.id === step.id);
  const questions = lab.questions.filter((q) => q.step === step.id);
  const [showBeforeAfter, setShowBeforeAfter] = useState(false);
  return (
    <Accordion.Item value={step.id} data-step={step.id} data-status={step.status}>
      <Accordion.Control>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text size="sm" fw={600} style={{ flex: 1, minWidth: 0 }}>
            {index + 1}. {def?.title || STEP_TITLES[step.id]}
          </Text>
          <Badge size="xs" variant="light" color={STATUS_COLOR[step.status]} style={{ flexShrink: 0 }}>
            {STATUS_LABEL[step.status]}
          </Badge>
        </Group>
      </Accordion.Control>
      <Accordion.Panel>
        <Stack gap="xs">
          {def?.instructions.map((line) => (
            <InstructionText key={line} text={line} />
          ))}
          {def && (
            <Anchor href={resolveLink(def.link, progress)} size="sm" fw={600}>
              Go to page →
            </Anchor>
          )}
          {step.id === 'predict' && lab.hasNewData && (
            <Anchor href={`/api/academy/labs/${encodeURIComponent(lab.id)}/new-data.csv`} size="sm" download>
              Download the new data ({lab.id}-new.csv)
            </Anchor>
          )}
          {def?.beforeAfter && progress.started && (
            <>
              <Button size="compact-xs" variant="subtle" onClick={() => setShowBeforeAfter((v) => !v)}>
                {showBeforeAfter ? 'Hide before / after' : 'Show before / after'}
              </Button>
              {showBeforeAfter && <BeforeAfter labId={lab.id} revision={revision} />}
            </>
          )}
          {questions.map((q) => (
            <QuestionField
              key={q.id}
              question={q}
              saved={progress.answers[q.id]}
              onSave={(answer) => onAnswer(q.id, answer)}
            />
          ))}
          <Stack gap="xs" mt={4}>
            {step.checkpoints.map((c) => (
              <CheckpointItem key={c.id} outcome={c} progress={progress} />
            ))}
          </Stack>
        </Stack>
      </Accordion.Panel>
    </Accordion.Item>
  );
}
