/** What a credential looks like by name: option keys, header names, env var names. */

const CREDENTIAL_KEYS = new Set([
  'apikey', 'apitoken', 'token', 'accesstoken', 'authtoken', 'bearertoken', 'secret', 'secretkey',
  'clientsecret', 'password', 'credentials', 'credential', 'auth', 'privatekey', 'serviceaccountkey',
]);

/** Token-named keys that are not credentials: pagination, cancellation, CSRF, limits. */
const NOT_CREDENTIAL_KEY = /^(max|min|total|num|count|limit|page|next|prev|continuation|cancel|cancellation|csrf|xsrf|sync|resume|reset|verification)_?(page_?)?tokens?$|tokens$|^tokenizer|token_?(count|limit|type|url|endpoint|uri|path|expir\w*|ttl)$|^auth_?(type|method|mode|url|uri|endpoint|path|strategy|provider|domain|scheme)$|^secret_?(name|arn|id|path|ref)$/i;

/** `apiKey`, `api_key`, `openAIApiKey`, `authToken`, `clientSecret`, `password`, `auth`… */
export function isCredentialKey(key: string): boolean {
  if (NOT_CREDENTIAL_KEY.test(key)) return false;
  const compact = key.replace(/[-_]/g, '').toLowerCase();
  if (CREDENTIAL_KEYS.has(compact)) return true;
  return /(ApiKey|Token|Secret|SecretKey|_api_key|_token|_secret)$/.test(key) || /^(API_KEY|API_TOKEN|SECRET_KEY)$/i.test(key);
}

const AUTH_HEADERS = new Set([
  'authorization', 'proxy-authorization', 'x-api-key', 'api-key', 'x-goog-api-key', 'x-auth-token',
  'x-access-token', 'apikey', 'x-apikey',
]);

/** Header names that carry the caller's credential, compared case-insensitively. */
export function isAuthHeaderName(name: string): boolean {
  return AUTH_HEADERS.has(name.toLowerCase());
}

/** Keys under which clients take header maps. */
export function isHeadersKey(key: string): boolean {
  return /^(headers|defaultHeaders|default_headers|customHeaders|common)$/.test(key);
}

/** Env var names that look like a credential: `*_API_KEY`, `*_TOKEN`, `*_SECRET`, `*_PASSWORD`… */
export function isCredentialEnvName(name: string): boolean {
  return /(^|_)(API_?KEY|KEY|TOKEN|SECRET|SECRET_KEY|PASSWORD|PASS|PAT|CREDENTIALS?|AUTH)$/i.test(name) || /(^|_)API_?KEY(_|$)/i.test(name);
}

/**
 * Keys that are public by design: browser-exposed env prefixes and Supabase-style anon or
 * publishable keys. With them the user's own session authenticates, not the key.
 */
export function isPublicKeyEnvName(name: string): boolean {
  return /^(NEXT_PUBLIC|VITE|EXPO_PUBLIC|PUBLIC|REACT_APP|NUXT_PUBLIC|GATSBY)_/.test(name) || /(^|_)(ANON|PUBLISHABLE|PUBLIC)_?KEY$/.test(name);
}
