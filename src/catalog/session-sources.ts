/**
 * What counts as a user's or session's token when it is put into a job payload: data only. Names
 * are compared without `_` and `-`, case-insensitively (`access_token` is `accessToken`).
 */

/** Identifiers and properties named like a user's token: `sessionToken`, `idToken`, `supabaseAccessToken`, `jwt`, `bearer`. */
export const USER_TOKEN_NAME = /(session|access|id|user|auth|bearer|refresh|oauth|login|provider|jwt)token$|jwt$|^bearer$/;

/** Payload keys that carry a token unless the value is a service credential from the environment. */
export const TOKEN_PAYLOAD_KEYS: readonly string[] = ['token', 'apikey', 'authorization', 'bearer', 'cookie', 'cookies', 'sessioncookie'];

/** Token-named but not a user's credential: Trigger.dev's public run tokens, minted after triggering for the browser. */
export const NOT_USER_TOKEN = /^public(access)?token$/;

/** Ids are what a job should carry: `userId`, `tenantId`, `sessionId` (a conversation), `tokenId`. */
export const ID_NAME = /(^id|Id|_id|ID|Ids|_ids)$/;

/**
 * Calls named like token minting: `getShortLivedToken()`, `getAccessToken()`, Firebase `getIdToken()`,
 * Clerk `getToken()`, `createSessionToken()`. Not: CSRF, paging, device or one-time link tokens.
 */
export const MINTED_TOKEN_CALL = /^(get|create|mint|issue|generate|fetch|refresh|exchange|request|sign)\w*(Token|Jwt|JWT)$/;
export const NOT_MINTED_CALL = /csrf|xsrf|page|next|continuation|cancel|verification|verify|reset|device|push|invite|registration|public/i;

/** Calls that make a fresh random id, which a `token` key may hold without being a credential. */
export const RANDOM_ID_CALL = /^(randomUUID|uuid|v4|nanoid|cuid|createId|ulid|randomBytes|randomInt|random)$/;

/**
 * Calls whose result is the user's session: Auth.js/NextAuth `getServerSession`, `getSession`,
 * iron-session `getIronSession`, Supabase `auth.getSession()`; and Auth.js v5's `auth()` from the
 * project's `auth` module or `next-auth`.
 */
export const SESSION_GETTER_CALL = /^(getServerSession|unstable_getServerSession|getSession|getIronSession)$/;
export const AUTH_JS_MODULE = /(^|\/)auth$|^next-auth$/;

/** Request properties that hold the session or the cookies: express-session, Koa, Fastify, cookie-parser, NextRequest. */
export const REQUEST_SESSION_PROPERTIES: readonly string[] = ['session'];
export const REQUEST_COOKIE_PROPERTIES: readonly string[] = ['cookies', 'signedCookies'];
/** `cookies()` of next/headers: the current request's cookie store. */
export const COOKIE_FUNCTIONS: readonly { module: string; name: string }[] = [{ module: 'next/headers', name: 'cookies' }];
/** Hono's `getCookie(c, name)` / `getSignedCookie(c, secret, name)`. */
export const COOKIE_GETTERS: readonly { module: string; name: string }[] = [{ module: 'hono/cookie', name: 'getCookie' }, { module: 'hono/cookie', name: 'getSignedCookie' }];
/** Cookies that carry a session: `connect.sid`, `next-auth.session-token`, `sb-access-token`, Clerk's `__session`. */
export const SESSION_COOKIE_NAME = /session|sid|token|jwt|auth|bearer/i;

/**
 * The first parameter of these handlers is the whole inbound event, headers included: AWS Lambda's
 * exported `handler` (docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html) and parameters typed
 * as API Gateway, ALB or function-URL events (@types/aws-lambda), or Netlify's `HandlerEvent`.
 */
export const LAMBDA_HANDLER_EXPORTS: readonly string[] = ['handler'];
export const REQUEST_EVENT_TYPE = /^(APIGateway\w*Event\w*|ALBEvent|LambdaFunctionURLEvent|HandlerEvent)$/;
