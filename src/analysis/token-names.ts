import { NOT_USER_TOKEN, TOKEN_PAYLOAD_KEYS, USER_TOKEN_NAME } from '../catalog/session-sources.js';

const compact = (name: string): string => name.replace(/[-_]/g, '').toLowerCase();

/** `sessionToken`, `access_token`, `idToken`, `jwt`, `bearer`; not `publicAccessToken`, `tokenId`, `csrfToken`. */
export function isUserTokenName(name: string): boolean {
  const key = compact(name);
  return USER_TOKEN_NAME.test(key) && !NOT_USER_TOKEN.test(key);
}

/** Payload keys that hold a token: the user-token names, and `token`, `apiKey`, `authorization`, `cookie`… */
export function isTokenPayloadKey(name: string): boolean {
  return isUserTokenName(name) || TOKEN_PAYLOAD_KEYS.includes(compact(name));
}
