// The session token lives in localStorage so that a reload keeps the user signed in.
// Everything that depends on it (the HTTP header, the WebSocket, the cache, the UI)
// subscribes here instead of reading localStorage on its own.

const TOKEN_KEY = 'quorum.token';

type Listener = (token: string | null) => void;

const listeners = new Set<Listener>();

function readStoredToken(): string | null {
  try {
    return window.localStorage.getItem(TOKEN_KEY);
  } catch {
    // Storage can be unavailable (private mode, blocked cookies): fall back to memory.
    return null;
  }
}

let currentToken: string | null = readStoredToken();

export function getToken(): string | null {
  return currentToken;
}

export function setToken(token: string | null): void {
  if (token === currentToken) return;
  currentToken = token;
  try {
    if (token) window.localStorage.setItem(TOKEN_KEY, token);
    else window.localStorage.removeItem(TOKEN_KEY);
  } catch {
    // See readStoredToken: the in-memory token still works for this tab.
  }
  for (const listener of listeners) listener(token);
}

export function subscribeToken(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// Another tab signing in or out changes the same key: follow it, so two tabs never
// talk to the server as two different people.
window.addEventListener('storage', (event) => {
  if (event.key === TOKEN_KEY) setToken(event.newValue);
});
