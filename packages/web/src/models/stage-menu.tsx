import { Badge, Menu, UnstyledButton } from '@mantine/core';
import type { ModelSummary, Stage } from '../api/types';
import { STAGE_COLOR, STAGES } from './stage';

interface StageMenuProps {
  model: ModelSummary;
  onChange: (stage: Stage) => void;
}

/** The stage badge; clicking it offers the other stages. Promoting one version archives the previous one. */
export function StageMenu({ model, onChange }: StageMenuProps) {
  const stage = model.stage ?? 'draft';
  return (
    <Menu position="bottom-start" withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={`Stage of v${model.version}: ${stage}. Change`} data-testid="stage-menu">
          <Badge color={STAGE_COLOR[stage]} variant="light" data-testid="stage-badge" data-stage={stage}>
            {stage}
          </Badge>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Move to</Menu.Label>
        {STAGES.filter((s) => s !== stage).map((s) => (
          <Menu.Item key={s} onClick={() => onChange(s)} data-testid={`stage-${s}`}>
            {s}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
