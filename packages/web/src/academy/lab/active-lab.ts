import { useSyncExternalStore } from 'react';

/**
 * Which lab the learner is doing, kept in this browser (localStorage): while one is active its progress panel
 * follows the learner across the studio's pages. The lab's progress itself is saved on the server.
 */
const KEY = 'quarry.activeLab';
const listeners = new Set<() => void>();

function read(): string | null {
  try {
    return window.localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function setActiveLab(id: string | null): void {
  try {
    if (id === null) window.localStorage.removeItem(KEY);
    else window.localStorage.setItem(KEY, id);
  } catch {
    // storage disabled: the panel simply does not follow the learner
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => event.key === KEY && listener();
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function useActiveLab(): string | null {
  return useSyncExternalStore(subscribe, read, () => null);
}
