/**
 * What `no-forwarded-authorization` needs to know besides request sources and SDK clients: data only.
 */

/**
 * The env var that holds the service's own credential, for providers whose SDK reads none by
 * itself (the catalog's `defaultEnv` comes first). The names the providers' docs use.
 */
export const SERVICE_ENV_BY_PROVIDER: Readonly<Record<string, string>> = {
  // docs.crewai.com (enterprise API): CREWAI_API_KEY, as the seeds write it.
  CrewAI: 'CREWAI_API_KEY',
  // docs.mistral.ai quickstart: MISTRAL_API_KEY.
  Mistral: 'MISTRAL_API_KEY',
  // docs.stripe.com/keys: the secret key, conventionally STRIPE_SECRET_KEY.
  Stripe: 'STRIPE_SECRET_KEY',
  // docs.github.com (Octokit examples): GITHUB_TOKEN.
  GitHub: 'GITHUB_TOKEN',
  // ai-sdk.dev providers: each provider's `loadApiKey` env var.
  OpenAI: 'OPENAI_API_KEY',
  Anthropic: 'ANTHROPIC_API_KEY',
  'Google Gemini': 'GOOGLE_GENERATIVE_AI_API_KEY',
  Groq: 'GROQ_API_KEY',
  Cohere: 'COHERE_API_KEY',
  'Azure OpenAI': 'AZURE_API_KEY',
  xAI: 'XAI_API_KEY',
  DeepSeek: 'DEEPSEEK_API_KEY',
  'Together AI': 'TOGETHER_AI_API_KEY',
  Fireworks: 'FIREWORKS_API_KEY',
  Perplexity: 'PERPLEXITY_API_KEY',
  OpenRouter: 'OPENROUTER_API_KEY',
};

/**
 * SDKs whose documented pattern is delegated user auth: the user's own JWT in `Authorization` is
 * how row-level security works (supabase.com/docs/guides/auth/server-side, `global.headers`).
 */
export const DELEGATED_AUTH_MODULES: readonly string[] = ['@supabase/supabase-js', '@supabase/ssr', '@supabase/auth-helpers-*'];

/**
 * Auth libraries: a token given to them is being verified or exchanged, not used as a service key
 * (jsonwebtoken, jose, passport and Auth.js are skipped by the client check already).
 */
export const AUTH_LIBRARY_MODULES: readonly string[] = [
  'firebase-admin', 'firebase-admin/*', '@clerk/*', 'google-auth-library', 'aws-jwt-verify', 'jwks-rsa', '@auth0/*',
  'express-oauth2-jwt-bearer', 'openid-client', '@okta/*', 'oidc-provider', '@supabase/auth-js',
];

/**
 * Calls that verify a token or look up a session (jsonwebtoken `verify`/`decode`, jose `jwtVerify`,
 * firebase-admin `verifyIdToken`/`verifySessionCookie`, Clerk `verifyToken`, Auth.js `getSession`,
 * Supabase `auth.getUser(jwt)`): given the request's Authorization value, they show that the app
 * treats it as its own login token.
 */
export const TOKEN_VERIFIER_CALL = /^(verify|decode|jwtVerify|verifyIdToken|verifySessionCookie|verifyToken|verifyJwt|verifyJWT|verifyAccessToken|validateToken|getUser|getSession|getServerSession|introspect)$/;

/**
 * Plain HTTP calls that relay a token to a downstream service: `fetch`, axios, got, ky, ofetch,
 * undici. Token relay to the project's own services is reported only when the rule is asked to.
 */
export const RELAY_CALLEES: readonly string[] = ['fetch', '$fetch', 'ofetch', 'axios', 'got', 'ky', 'request', 'undici'];

/** Constructors with these name endings are service clients even when the project defines them. */
export const CLIENT_CLASS_NAME = /(Client|Sdk|SDK|Api|API|AI|Service|Provider|Connector|Gateway)$/;

/**
 * Factory calls that build a client (`axios.create`, `got.extend`, `createApiClient`); unlike the
 * generic client check, `createUser({ apiKey })` and `createSession({ token })` are data, not clients.
 */
export const CLIENT_FACTORY_NAME = /^(create|extend)$|(Client|Sdk|SDK|Api|API|Instance)$/;

/**
 * Clients of the app's own auth (`new AuthService({ token })`, `createAuthClient(…)`, `JwtService`,
 * `TokenVerifier`): given the caller's token, they verify it; they are not another service.
 */
export const AUTH_CLIENT_NAME = /^(create|new)?(Auth|Session|Jwt|JWT|Token|Identity|Oidc|OIDC|OAuth|Permission)|Verifier$/;

/**
 * Setters that hand a client its credential: `sgMail.setApiKey(k)`, Dropbox `auth.setAccessToken(t)`.
 * `setCredentials` is absent: google-auth-library's user OAuth tokens are delegated auth.
 */
export const CREDENTIAL_SETTER = /^set(Api|API)?(Key|Token|AccessToken|AuthToken|BearerToken|Auth|Authorization)$/;
