// Where the access token lives. The server prints it at start-up; the web app keeps it for this browser tab
// only (sessionStorage), so closing the tab forgets it.

export interface TokenStore {
  get(): string | null;
  set(token: string | null): void;
}

const KEY = 'quarry.token';

export function memoryTokenStore(initial: string | null = null): TokenStore {
  let token = initial;
  return {
    get: () => token,
    set: (next) => {
      token = next;
    },
  };
}

export function sessionTokenStore(): TokenStore {
  if (typeof sessionStorage === 'undefined') return memoryTokenStore();
  return {
    get: () => sessionStorage.getItem(KEY),
    set: (token) => {
      if (token) sessionStorage.setItem(KEY, token);
      else sessionStorage.removeItem(KEY);
    },
  };
}
