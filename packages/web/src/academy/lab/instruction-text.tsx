import { Code, Text, type TextProps } from '@mantine/core';
import type { ReactNode } from 'react';

/** One instruction line; `text in backticks` is shown as code (column names, button labels). */
export function InstructionText({
  text,
  children,
  ...props
}: { text: string; children?: ReactNode } & TextProps) {
  return (
    <Text size="sm" {...props}>
      <WithCode text={text} />
      {children}
    </Text>
  );
}

/** A line of text whose `backticked` parts are shown as code. */
export function WithCode({ text }: { text: string }) {
  return text.split('`').map((part, i) =>
    // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string, never reordered
    i % 2 === 1 ? <Code key={i}>{part}</Code> : <span key={i}>{part}</span>,
  );
}
