import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { collectImports } from '../../src/analysis/imports.js';
import { RequestFlow } from '../../src/analysis/request-flow.js';
import { RequestSources } from '../../src/analysis/request-sources.js';
import { SessionTokens, type TokenSource } from '../../src/analysis/session-tokens.js';
import { isTokenPayloadKey, isUserTokenName } from '../../src/analysis/token-names.js';
import { probe } from './probe.js';

/** What `sink(value, "key")` carries, for every `sink` call in `code`. */
function classify(code: string, envHelpers: string[] = []): (TokenSource | undefined)[] {
  return probe<TokenSource | undefined>(code, (context, found) => {
    const { sourceCode } = context;
    const imports = collectImports(sourceCode.ast);
    const requests = new RequestSources({ sourceCode, imports });
    const tokens = new SessionTokens({ sourceCode, imports, requests, flow: new RequestFlow(requests, sourceCode), envHelpers });
    return {
      'CallExpression[callee.name="sink"]'(node: TSESTree.CallExpression) {
        const [value, key] = node.arguments;
        found.push(value && tokens.classify(value, key?.type === 'Literal' ? String(key.value) : undefined));
      },
    } as never;
  });
}

const kind = (code: string): string | undefined => classify(code)[0]?.kind;

describe('sources: what a user or session token looks like', () => {
  it.each([
    // The request's Authorization value, through the request model of no-forwarded-authorization.
    ['Authorization header', '(req: any) => sink(req.headers.authorization)', 'authorization'],
    ['Authorization through a local and slice', '(req: any) => { const token = req.get("Authorization").slice(7); sink(token); }', 'authorization'],
    ['Hono Authorization header', '(c: any) => sink(c.req.header("Authorization"))', 'authorization'],
    // Whole header maps and request events.
    ['Express header map', '(req: any) => sink(req.headers)', 'header-map'],
    ['Fetch headers copied with Object.fromEntries', 'export async function POST(request: Request) { sink(Object.fromEntries(request.headers)); }', 'header-map'],
    ['headers copied from entries()', 'export async function POST(request: Request) { sink(Object.fromEntries(request.headers.entries())); }', 'header-map'],
    ['Next headers()', 'import { headers } from "next/headers";\nexport async function GET() { sink(Object.fromEntries(await headers())); }', 'header-map'],
    ['Hono c.req.header() without a name', '(c: any) => sink(c.req.header())', 'header-map'],
    ['Lambda event.headers', 'export const handler = async (event: any) => sink(event.headers);', 'header-map'],
    ['Lambda handler event', 'export const handler = async (event: any) => sink(JSON.stringify(event));', 'request-event'],
    ['CommonJS Lambda handler event', 'exports.handler = async (event: any) => sink(event);', 'request-event'],
    ['API Gateway event by type', 'import type { APIGatewayProxyEvent } from "aws-lambda";\nexport async function run(event: APIGatewayProxyEvent) { sink(event); }', 'request-event'],
    // Sessions and cookies.
    ['express-session object', '(req: any) => sink(req.session)', 'session'],
    ['token kept in the session', '(req: any) => sink(req.session.tokens.access_token)', 'session'],
    ['NextAuth getServerSession', 'import { getServerSession } from "next-auth";\nexport async function GET() { const session = await getServerSession(); sink(session); }', 'session'],
    ['Auth.js v5 auth()', 'import { auth } from "@/auth";\nexport async function GET() { sink(await auth()); }', 'session'],
    ['Supabase session destructured', 'export async function run(supabase: any) { const { data: { session } } = await supabase.auth.getSession(); sink(session); }', 'session'],
    ['cookie-parser cookies', '(req: any) => sink(req.cookies)', 'cookie'],
    ['a session cookie', '(req: any) => sink(req.cookies["connect.sid"])', 'cookie'],
    ['Next cookies().get(...).value', 'import { cookies } from "next/headers";\nexport async function GET() { sink((await cookies()).get("next-auth.session-token")?.value); }', 'cookie'],
    ['NextRequest cookies', 'export function GET(request: any) { sink(request.cookies.get("sb-access-token")?.value); }', 'cookie'],
    ['Cookie header', 'export function GET(request: Request) { sink(request.headers.get("cookie")); }', 'cookie'],
    ['Hono getCookie', 'import { getCookie } from "hono/cookie";\n(c: any) => sink(getCookie(c, "session"));', 'cookie'],
    // Minted tokens.
    ['getShortLivedToken()', 'export async function f() { sink(await getShortLivedToken()); }', 'minted'],
    ['Firebase getIdToken()', 'export async function f(user: any) { const idToken = await user.getIdToken(); sink(idToken); }', 'named'],
    ['createSessionToken() in a local', 'export async function f(u: string) { const t = await createSessionToken(u); sink(t); }', 'minted'],
    ['Clerk getToken()', 'export async function f(ctx: any) { sink(await ctx.auth.getToken()); }', 'minted'],
    // Token-named identifiers and properties.
    ['sessionToken parameter', 'export function f(sessionToken: string) { sink(sessionToken); }', 'named'],
    ['session access token property', 'export function f(session: any) { sink(session.accessToken); }', 'named'],
    ['access_token property', 'export function f(s: any) { sink(s.access_token); }', 'named'],
    ['jwt', 'export function f(jwt: string) { sink(jwt); }', 'named'],
    ['bearer in a template', 'export function f(bearer: string) { sink(`Bearer ${bearer}`); }', 'named'],
    ['supabaseAccessToken', 'export function f(supabaseAccessToken: string) { sink(supabaseAccessToken); }', 'named'],
    // Token-named payload keys.
    ['`token` key', 'export function f(value: string) { sink(value, "token"); }', 'key'],
    ['`apiKey` key not from env', 'export function f(k: string) { sink(k, "apiKey"); }', 'key'],
    ['`authorization` key', 'export function f(x: string) { sink(x, "authorization"); }', 'key'],
    ['`cookie` key', 'export function f(x: string) { sink(x, "cookie"); }', 'key'],
  ])('%s', (_name, code, expected) => {
    expect(kind(code)).toBe(expected);
  });

  it.each([
    ['a service credential from env, under a token key', 'sink(process.env.SERVICE_TOKEN, "token");'],
    ['a token-named local holding env', 'const accessToken = process.env.CREWAI_SERVICE_API_KEY;\nsink(accessToken);'],
    ['requireEnv()', 'sink(requireEnv("CREWAI_API_KEY"), "apiKey");'],
    ['a project env helper from settings', 'sink(secret("CREWAI_API_KEY"), "apiKey");'],
    ['a Worker env binding', 'export default { fetch(r: Request, env: any) { sink(env.OPENAI_API_KEY, "apiKey"); } };'],
    ['a bearer header built from env', 'sink(`Bearer ${process.env.API_TOKEN}`, "authorization");'],
    ['a config constant from env', 'const config = { apiKey: process.env.OPENAI_API_KEY ?? "" };\nsink(config.apiKey, "apiKey");'],
    ['a user id', 'export function f(userId: string) { sink(userId); }'],
    ['an id from the session', 'export function f(session: any) { sink(session.user.id); }'],
    ['a session id from express-session', '(req: any) => sink(req.session.userId)'],
    ['a serialised identity', 'export async function f(getUser: () => Promise<object>) { const user = await getUser(); sink(user); }'],
    ['a token id under a token key', 'export function f(tokenId: string) { sink(tokenId, "token"); }'],
    ['an idempotency token', 'sink(crypto.randomUUID(), "token");'],
    ['authType', 'sink("bearer", "authType");'],
    ['a literal under a token key', 'sink("placeholder", "token");'],
    ['Trigger.dev public access token', 'export function f(publicAccessToken: string) { sink(publicAccessToken); }'],
    ['a CSRF token', 'export function f(csrfToken: string) { sink(csrfToken); sink(getCsrfToken()); }'],
    ['a push device token', 'export function f(deviceToken: string) { sink(deviceToken); }'],
    ['a token count', 'export function f(maxTokens: number) { sink(maxTokens); }'],
    ['a request id header', '(req: any) => sink(req.headers["x-request-id"])'],
    ['a theme cookie', '(req: any) => sink(req.cookies.theme)'],
    ['a request body field', '(req: any) => sink(req.body.text)'],
    ['the headers of a fetch response', 'export async function f() { const response = await fetch("https://x"); sink(Object.fromEntries(response.headers)); }'],
    ['a function that is not a Lambda handler', 'export function enqueue(event: { id: string }) { sink(event); }'],
  ])('not a source: %s', (_name, code) => {
    const found = classify(code, ['secret']);
    expect(found.length).toBeGreaterThan(0);
    expect(found).toEqual(found.map(() => undefined));
  });

  it('names the code, never a value, and elides long literals', () => {
    expect(classify('export function f(session: any) { sink(session.accessToken ?? "sk-live-00000000000000000000000000"); }')[0]).toEqual({ kind: 'named', text: 'session.accessToken' });
    expect(classify('export async function f() { sink(await getShortLivedToken("aaaaaaaaaaaaaaaaaaaaaaaaaaaa")); }')[0]?.text).toBe('getShortLivedToken()');
  });
});

describe('token names', () => {
  it.each(['sessionToken', 'accessToken', 'access_token', 'idToken', 'userToken', 'authToken', 'jwt', 'userJwt', 'bearer', 'refreshToken', 'providerToken', 'supabaseAccessToken'])('%s is a user token name', (name) => {
    expect(isUserTokenName(name)).toBe(true);
  });

  it.each(['userId', 'tokenId', 'sessionId', 'authType', 'publicAccessToken', 'csrfToken', 'deviceToken', 'nextPageToken', 'maxTokens', 'jwtSecret'])('%s is not', (name) => {
    expect(isUserTokenName(name)).toBe(false);
  });

  it('adds the payload keys the issue lists', () => {
    expect(['token', 'apiKey', 'authorization', 'bearer', 'jwt', 'cookie', 'refreshToken'].every(isTokenPayloadKey)).toBe(true);
    expect(['userId', 'tenantId', 'authType', 'tokens'].some(isTokenPayloadKey)).toBe(false);
  });
});
