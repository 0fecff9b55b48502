import { Anchor, Card, Group, Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';

type Catalog = typeof import('@quarry/academy/curriculum/catalog');

/**
 * The curriculum's modules and lessons, for the Academy hub. The lesson catalog (plain data, the lessons' text)
 * is imported on demand, so neither it nor the engine adds to the studio's first load; the lesson page, with its
 * live parts, is loaded when a lesson is opened.
 */
export function CurriculumList() {
  const [catalog, setCatalog] = useState<Catalog>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let cancelled = false;
    import('@quarry/academy/curriculum/catalog')
      .then((module) => !cancelled && setCatalog(module))
      .catch(() => !cancelled && setFailed(true));
    return () => {
      cancelled = true;
    };
  }, []);
  if (failed) return <Text c="red">The curriculum could not be loaded. Reload the page to try again.</Text>;
  if (!catalog) return <Loader size="sm" type="dots" aria-label="Loading the curriculum" />;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="curriculum">
      {catalog.MODULES.map((module, m) => (
        <Card key={module.id} withBorder padding="md" data-module={module.id}>
          <Stack gap="xs">
            <Text fw={600}>
              {m + 1}. {module.title}
            </Text>
            <Text size="sm" c="dimmed">
              {module.summary}
            </Text>
            <Stack gap={4}>
              {catalog.lessonsOf(module.id).map((lesson) => (
                <Group key={lesson.id} justify="space-between" wrap="nowrap" gap="xs">
                  <Anchor href={`#/academy/lessons/${lesson.id}`} size="sm" title={lesson.summary}>
                    {lesson.title}
                  </Anchor>
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {lesson.minutes} min
                  </Text>
                </Group>
              ))}
            </Stack>
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  );
}
