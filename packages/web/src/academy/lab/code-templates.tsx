import { Anchor, Button, Code, Modal, ScrollArea, SegmentedControl, Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api/client';
import { useRequest } from '../../api/use-request';
import { ErrorAlert } from '../../components/error-alert';
import { STEP_TITLES, type StepId } from '../types';

interface Templates {
  python: { steps: { id: StepId; code: string }[]; script: string };
  typescript: { steps: { id: StepId; code: string }[]; script: string };
}

/** The code for what you did, step by step: Python (pandas + scikit-learn) and TypeScript (Quarry's library). */
export function CodeTemplates({ labId }: { labId: string }) {
  const [opened, setOpened] = useState(false);
  const [language, setLanguage] = useState<'python' | 'typescript'>('python');
  const templates = useRequest(opened ? `lab-templates-${labId}` : null, (signal) =>
    api.get<Templates>(`/api/academy/labs/${encodeURIComponent(labId)}/templates`, { signal }),
  );
  const chosen = templates.data?.[language];
  return (
    <>
      <Button size="xs" variant="subtle" onClick={() => setOpened(true)}>
        Code
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title="Your work as code" size="xl">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            Generated from what you did in the studio: the same cleaning steps, split, model and metric. To
            run it, save it next to the lab’s data,{' '}
            <Anchor href={`/api/academy/labs/${encodeURIComponent(labId)}/data.csv`} download>
              {labId}.csv
            </Anchor>
            .
          </Text>
          <SegmentedControl
            value={language}
            onChange={(v) => setLanguage(v as 'python' | 'typescript')}
            data={[
              { value: 'python', label: 'Python (pandas + scikit-learn)' },
              { value: 'typescript', label: 'TypeScript (Quarry)' },
            ]}
          />
          <ErrorAlert error={templates.error} />
          {chosen && (
            <Tabs defaultValue="script" keepMounted={false}>
              <Tabs.List>
                <Tabs.Tab value="script">Whole script</Tabs.Tab>
                {chosen.steps.map((s) => (
                  <Tabs.Tab key={s.id} value={s.id}>
                    {STEP_TITLES[s.id]}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
              <Tabs.Panel value="script">
                <ScrollArea h={460}>
                  <Code block>{chosen.script}</Code>
                </ScrollArea>
              </Tabs.Panel>
              {chosen.steps.map((s) => (
                <Tabs.Panel key={s.id} value={s.id}>
                  <ScrollArea h={460}>
                    <Code block>{s.code}</Code>
                  </ScrollArea>
                </Tabs.Panel>
              ))}
            </Tabs>
          )}
        </Stack>
      </Modal>
    </>
  );
}
