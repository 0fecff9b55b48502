import { Anchor, Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import {
  type Lesson,
  type LessonSection,
  lessonById,
  MODULES,
  neighbours,
} from '@quarry/academy/curriculum/catalog';
import { PageHeader } from '../../components/page-header';
import { PARTS } from './parts';

const LAB_TITLES: Record<string, string> = {
  churn: 'Customer churn',
  'house-prices': 'House prices',
  'retail-demand': 'Retail demand forecasting',
  'payment-fraud': 'Payment fraud',
};

function Section({ section, index }: { section: LessonSection; index: number }) {
  if (section.kind === 'prose') {
    return (
      <Stack gap="xs" maw={760}>
        {section.heading && <Title order={3}>{section.heading}</Title>}
        {section.paragraphs.map((p) => (
          <Text key={p.slice(0, 40)}>{p}</Text>
        ))}
      </Stack>
    );
  }
  const Part = PARTS[section.interactive];
  return (
    <Card
      withBorder
      padding="md"
      data-testid="lesson-part"
      data-part={section.interactive}
      aria-labelledby={`part-${index}`}
    >
      <Stack gap="sm">
        <Group gap="xs">
          <Badge variant="light" color="orange">
            Try it
          </Badge>
          <Title order={4} id={`part-${index}`}>
            {section.title}
          </Title>
        </Group>
        <Text size="sm" c="dimmed">
          {section.caption}
        </Text>
        <Part />
      </Stack>
    </Card>
  );
}

function Practise({ lesson }: { lesson: Lesson }) {
  return (
    <Card withBorder padding="md" bg="gray.0">
      <Stack gap="xs">
        <Title order={4}>Practise it</Title>
        {lesson.labs.map((lab) => (
          <Text key={lab.id} size="sm">
            <Anchor href={`#/academy/labs/${lab.id}`} fw={600}>
              Lab: {LAB_TITLES[lab.id] ?? lab.id}
            </Anchor>{' '}
            — {lab.why}
          </Text>
        ))}
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            In the studio:
          </Text>
          {lesson.studio.map((link) => (
            <Button key={link.href + link.label} component="a" href={link.href} variant="default" size="xs">
              {link.label}
            </Button>
          ))}
        </Group>
      </Stack>
    </Card>
  );
}

/**
 * One lesson of the curriculum: short prose with the interactive parts between the sections, each computing
 * live with @quarry/ml on the labs' seeded data. Loaded lazily (React.lazy in app.tsx), so the engine and the
 * lab generators stay out of the studio's first load.
 */
export default function LessonPage({ id }: { id: string }) {
  const lesson = lessonById(id);
  const back = (
    <Anchor href="#/academy" size="sm">
      ← Academy
    </Anchor>
  );
  if (!lesson) {
    return (
      <Stack>
        <PageHeader title="Lesson not found" above={back} />
        <Text>There is no lesson called “{id}”. Pick one from the curriculum on the Academy page.</Text>
      </Stack>
    );
  }
  const module = MODULES.find((m) => m.id === lesson.module);
  const { previous, next } = neighbours(lesson.id);
  return (
    <Stack gap="lg" data-testid="lesson-page" data-lesson={lesson.id}>
      <PageHeader
        title={lesson.title}
        above={back}
        description={`${module?.title ?? ''} · about ${lesson.minutes} minutes · ${lesson.summary}`}
      />
      {lesson.sections.map((section, i) => (
        <Section key={section.kind === 'prose' ? `p${i}` : section.interactive} section={section} index={i} />
      ))}
      <Stack gap="xs" maw={760}>
        <Title order={3}>Remember</Title>
        <List spacing={4}>
          {lesson.takeaways.map((t) => (
            <List.Item key={t}>{t}</List.Item>
          ))}
        </List>
      </Stack>
      <Practise lesson={lesson} />
      <Group justify="space-between">
        {previous ? <Anchor href={`#/academy/lessons/${previous.id}`}>← {previous.title}</Anchor> : <span />}
        {next && <Anchor href={`#/academy/lessons/${next.id}`}>{next.title} →</Anchor>}
      </Group>
    </Stack>
  );
}
