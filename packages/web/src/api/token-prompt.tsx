import { Alert, Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { api } from './client';

interface Pending {
  rejected: boolean;
  resolve: (token: string | null) => void;
}

/** The modal the API client opens on a 401: asks for the access token the server printed at start-up. */
export function TokenPrompt() {
  const [pending, setPending] = useState<Pending | null>(null);
  const [value, setValue] = useState('');

  useEffect(() => {
    api.setTokenPrompt(
      ({ rejected }) =>
        new Promise<string | null>((resolve) => {
          setValue('');
          setPending({ rejected, resolve });
        }),
    );
    return () => api.setTokenPrompt(null);
  }, []);

  const finish = (token: string | null) => {
    pending?.resolve(token);
    setPending(null);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value.trim()) finish(value.trim());
  };

  return (
    <Modal
      opened={pending !== null}
      onClose={() => finish(null)}
      title="Access token needed"
      closeOnClickOutside={false}
      centered
    >
      <form onSubmit={submit}>
        <Stack>
          <Text size="sm">
            This Quarry server asks for an access token. It was printed in the terminal where the server was
            started. Paste it here; it is kept for this browser tab only.
          </Text>
          {pending?.rejected && (
            <Alert color="red" variant="light" role="alert">
              That token was not accepted. Check it and try again.
            </Alert>
          )}
          <PasswordInput
            label="Access token"
            value={value}
            onChange={(event) => setValue(event.currentTarget.value)}
            autoComplete="off"
            data-autofocus
            data-testid="token-input"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => finish(null)}>
              Cancel
            </Button>
            <Button type="submit" disabled={!value.trim()} data-testid="token-submit">
              Continue
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
