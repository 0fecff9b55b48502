import { Center, Loader, SimpleGrid, Text } from '@mantine/core';
import { api } from '../api/client';
import type { DatasetProfile } from '../api/types';
import { useRequest } from '../api/use-request';
import { ErrorAlert } from '../components/error-alert';
import { ProfileCard } from './profile-card';

/** `revision` changes when column types change, so the profile is computed again with the new types. */
export function ProfileTab({ datasetId, revision }: { datasetId: string; revision: number }) {
  const profile = useRequest(`${datasetId}:${revision}`, (signal) =>
    api.get<DatasetProfile>(`/api/datasets/${encodeURIComponent(datasetId)}/profile`, { signal }),
  );

  if (profile.error) return <ErrorAlert error={profile.error} title="Could not profile this data set" />;
  if (!profile.data) {
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  }
  if (profile.data.columns.length === 0) return <Text c="dimmed">This data set has no columns.</Text>;
  return (
    <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md" data-testid="profile">
      {profile.data.columns.map((column) => (
        <ProfileCard key={column.name} column={column} nRows={profile.data?.nRows ?? 0} />
      ))}
    </SimpleGrid>
  );
}
