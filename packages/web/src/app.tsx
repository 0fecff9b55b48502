import { AppShell, Burger, Group, Loader, NavLink, ScrollArea, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { lazy, Suspense, useEffect } from 'react';
import { AcademyPage } from './academy/academy-page';
import { useActiveLab } from './academy/lab/active-lab';
import { LabPage } from './academy/lab/lab-page';
import { LabPanel } from './academy/lab/lab-panel';
import { AnomaliesPage } from './anomalies/anomalies-page';
import { api } from './api/client';
import { TokenPrompt } from './api/token-prompt';
import type { Health } from './api/types';
import { useRequest } from './api/use-request';
import { AuditPage } from './audit/audit-page';
import { DataPage } from './data/data-page';
import { DatasetPage } from './data/dataset-page';
import { ExplorePage } from './explore/explore-page';
import { ForecastPage } from './forecast/forecast-page';
import { ModelsPage } from './models/models-page';
import { MonitoringPage } from './monitoring/monitoring-page';
import { PredictPage } from './predict/predict-page';
import type { Page, Route } from './routing/route';
import { useHashRoute } from './routing/use-hash-route';
import { SqlPage } from './sql/sql-page';
import { TrainPage } from './train/train-page';

const NAV: { label: string; page: Page; to: string; also?: Page[] }[] = [
  { label: 'Data', page: 'data', to: '#/data', also: ['dataset'] },
  { label: 'Explore', page: 'explore', to: '#/explore' },
  { label: 'SQL', page: 'sql', to: '#/sql' },
  { label: 'Train', page: 'train', to: '#/train' },
  { label: 'Predict', page: 'predict', to: '#/predict' },
  { label: 'Models', page: 'models', to: '#/models' },
  { label: 'Forecast', page: 'forecast', to: '#/forecast' },
  { label: 'Anomalies', page: 'anomalies', to: '#/anomalies' },
  { label: 'Monitor', page: 'monitor', to: '#/monitor' },
  { label: 'Audit log', page: 'audit', to: '#/audit' },
  { label: 'Academy', page: 'academy', to: '#/academy', also: ['lesson', 'lab'] },
];

// A lesson's interactive parts run the ML library in the browser: loaded only when a lesson is opened.
const LessonPage = lazy(() => import('./academy/curriculum/lesson-page'));

const TITLES: Record<Page, string> = {
  data: 'Data',
  dataset: 'Data',
  train: 'Train',
  predict: 'Predict',
  models: 'Models',
  explore: 'Explore',
  sql: 'SQL',
  forecast: 'Forecast',
  monitor: 'Monitor',
  anomalies: 'Anomalies',
  audit: 'Audit log',
  academy: 'Academy',
  lesson: 'Academy',
  lab: 'Academy',
};

function PageFor({ route }: { route: Route }) {
  switch (route.page) {
    case 'data':
      return <DataPage />;
    case 'dataset':
      return <DatasetPage key={route.id} id={route.id} initialTab={route.tab} />;
    case 'train':
      return <TrainPage key={route.datasetId ?? ''} initialDatasetId={route.datasetId} />;
    case 'predict':
      return <PredictPage key={route.modelId ?? ''} initialModelId={route.modelId} />;
    case 'models':
      return <ModelsPage />;
    case 'explore':
      return <ExplorePage key={route.datasetId ?? ''} initialDatasetId={route.datasetId} />;
    case 'sql':
      return <SqlPage />;
    case 'forecast':
      return <ForecastPage key={route.datasetId ?? ''} initialDatasetId={route.datasetId} />;
    case 'monitor':
      return <MonitoringPage />;
    case 'anomalies':
      return <AnomaliesPage key={route.datasetId ?? ''} initialDatasetId={route.datasetId} />;
    case 'audit':
      return <AuditPage />;
    case 'academy':
      return <AcademyPage />;
    case 'lesson':
      return (
        <Suspense fallback={<Loader />}>
          <LessonPage key={route.id} id={route.id} />
        </Suspense>
      );
    case 'lab':
      return <LabPage key={route.id} id={route.id} />;
  }
}

export function App() {
  const route = useHashRoute();
  const [navOpened, nav] = useDisclosure(false);
  const activeLab = useActiveLab();
  const health = useRequest('health', (signal) => api.get<Health>('/api/health', { signal }));

  useEffect(() => {
    document.title = `${TITLES[route.page]} · Quarry`;
    nav.close();
    window.scrollTo(0, 0);
  }, [route.page, nav.close]);

  return (
    <>
      <AppShell
        header={{ height: 56 }}
        navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
        aside={{ width: 380, breakpoint: 'md', collapsed: { mobile: true, desktop: activeLab === null } }}
        padding="lg"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between">
            <Group gap="sm">
              <Burger opened={navOpened} onClick={nav.toggle} hiddenFrom="sm" size="sm" aria-label="Menu" />
              <Title order={1} size="h3" c="teal.8">
                Quarry
              </Title>
            </Group>
            {health.data?.version && (
              <Text size="xs" c="dimmed">
                v{health.data.version}
              </Text>
            )}
          </Group>
        </AppShell.Header>

        <AppShell.Navbar p="xs" aria-label="Main">
          <AppShell.Section grow component={ScrollArea}>
            {NAV.map((item) => (
              <NavLink
                key={item.page}
                href={item.to}
                label={item.label}
                active={route.page === item.page || Boolean(item.also?.includes(route.page))}
                aria-current={route.page === item.page ? 'page' : undefined}
                variant="light"
              />
            ))}
          </AppShell.Section>
        </AppShell.Navbar>

        {activeLab !== null && (
          <AppShell.Aside p="sm" aria-label="Lab progress">
            <LabPanel key={activeLab} labId={activeLab} />
          </AppShell.Aside>
        )}

        <AppShell.Main>
          <div style={{ maxWidth: 1200, margin: '0 auto' }}>
            <PageFor route={route} />
          </div>
        </AppShell.Main>
      </AppShell>
      <TokenPrompt />
    </>
  );
}
