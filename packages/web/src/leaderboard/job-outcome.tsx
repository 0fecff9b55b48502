import { Alert } from '@mantine/core';
import type { Job } from '../api/types';

/** What to say when a job ends without a result. */
export function JobOutcome({ job, what }: { job: Job | null; what: string }) {
  if (job?.status === 'failed') {
    return (
      <Alert color="red" variant="light" title={`${what} failed`} role="alert" data-testid="job-error">
        {job.error?.message ?? 'The job failed without a message. Try again, or check the server log.'}
      </Alert>
    );
  }
  if (job?.status === 'cancelled') {
    return (
      <Alert color="gray" variant="light" title={`${what} cancelled`}>
        The job was stopped; nothing was kept. Change the settings or start again.
      </Alert>
    );
  }
  if (job?.status === 'interrupted') {
    return (
      <Alert color="orange" variant="light" title={`${what} interrupted`}>
        {job.error?.message ?? 'The server stopped while this job ran (for example a restart). Start again.'}
      </Alert>
    );
  }
  return null;
}
