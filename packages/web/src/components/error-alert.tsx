import { Alert, type AlertProps } from '@mantine/core';
import { errorMessage } from '../api/errors';

interface ErrorAlertProps extends Omit<AlertProps, 'children' | 'title'> {
  error: unknown;
  title?: string;
  onClose?: () => void;
}

/** Shows what went wrong in the server's words (its `message`), never a stack trace. */
export function ErrorAlert({ error, title = 'Something went wrong', onClose, ...props }: ErrorAlertProps) {
  if (!error) return null;
  return (
    <Alert
      color="red"
      variant="light"
      title={title}
      role="alert"
      withCloseButton={Boolean(onClose)}
      onClose={onClose}
      {...props}
    >
      {errorMessage(error)}
    </Alert>
  );
}
