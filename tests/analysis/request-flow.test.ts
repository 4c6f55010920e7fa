import tsParser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { Linter, type Rule } from 'eslint';
import { describe, expect, it } from 'vitest';
import { collectImports } from '../../src/analysis/imports.js';
import { RequestFlow } from '../../src/analysis/request-flow.js';
import { RequestSources } from '../../src/analysis/request-sources.js';

interface Traced {
  source: string;
  kind: string;
  locals: string[];
  helper?: string;
}

/** What the flow says about the argument of every `sink(…)` call in `code`, in source order. */
function traces(code: string): (Traced | undefined)[] {
  const found: (Traced | undefined)[] = [];
  const probe: Rule.RuleModule = {
    create(context) {
      const sourceCode = context.sourceCode as never;
      const flow = new RequestFlow(new RequestSources({ sourceCode, imports: collectImports(context.sourceCode.ast as never) }), sourceCode);
      return {
        'CallExpression[callee.name="sink"]'(node: TSESTree.CallExpression) {
          const trace = node.arguments[0] && flow.trace(node.arguments[0]);
          found.push(trace ? { source: trace.source.text, kind: trace.source.kind, locals: trace.locals.map((local) => local.name), ...(trace.helper ? { helper: trace.helper } : {}) } : undefined);
        },
      } as never;
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(code, [{ files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser }, plugins: { probe: { rules: { trace: probe } } }, rules: { 'probe/trace': 'error' } }], { filename: 'probe.ts' });
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  return found;
}

const source = (code: string): string | undefined => traces(code)[0]?.source;

describe('request sources, per framework', () => {
  it.each([
    ['Express header map', '(req: any) => sink(req.headers.authorization)', 'req.headers.authorization'],
    ['Express computed key, any case', '(req: any) => sink(req.headers["Authorization"])', 'req.headers["Authorization"]'],
    ['Express req.get', '(req: any) => sink(req.get("Authorization"))', 'req.get("Authorization")'],
    ['Express req.header', '(req: any) => sink(req.header("authorization"))', 'req.header("authorization")'],
    ['Fastify request.headers', 'async (request: any) => sink(request.headers.authorization)', 'request.headers.authorization'],
    ['Koa ctx.request.headers', 'async (ctx: any) => sink(ctx.request.headers.authorization)', 'ctx.request.headers.authorization'],
    ['Koa ctx.header', 'async (ctx: any) => sink(ctx.header.authorization)', 'ctx.header.authorization'],
    ['Koa ctx.get', 'async (ctx: any) => sink(ctx.get("Authorization"))', 'ctx.get("Authorization")'],
    ['Hono c.req.header', '(c: any) => sink(c.req.header("Authorization"))', 'c.req.header("Authorization")'],
    ['Hono c.req.header() map', '(c: any) => sink(c.req.header().authorization)', 'c.req.header().authorization'],
    ['Fetch Request', 'export async function POST(request: Request) { sink(request.headers.get("authorization")); }', 'request.headers.get("authorization")'],
    ['Next headers()', 'import { headers } from "next/headers";\nexport async function GET() { sink((await headers()).get("Authorization")); }', '(await headers()).get("Authorization")'],
    ['Lambda event.headers', 'export const handler = async (event: any) => sink(event.headers.Authorization);', 'event.headers.Authorization'],
    ['Lambda multiValueHeaders', 'export const handler = async (event: any) => sink(event.multiValueHeaders.authorization[0]);', 'event.multiValueHeaders.authorization'],
    ['NestJS @Headers(name)', 'import { Headers } from "@nestjs/common";\nclass C { run(@Headers("authorization") auth: string) { sink(auth); } }', '@Headers("authorization") auth'],
    ['NestJS @Headers() map', 'import { Headers } from "@nestjs/common";\nclass C { run(@Headers() h: Record<string, string>) { sink(h.authorization); } }', 'h.authorization'],
    ['MCP authInfo token', 'server.tool("x", {}, async (_args: any, extra: any) => sink(extra.authInfo?.token));', 'extra.authInfo?.token'],
    ['Proxy-Authorization', '(req: any) => sink(req.headers["proxy-authorization"])', 'req.headers["proxy-authorization"]'],
  ])('%s', (_name, code, expected) => {
    expect(source(code)).toBe(expected);
  });

  it('marks an MCP token as such', () => {
    expect(traces('async (_a: any, extra: any) => sink(extra.authInfo.token)')[0]?.kind).toBe('mcp-token');
  });

  it.each([
    ['a custom key header (bring your own key)', '(req: any) => sink(req.headers["x-api-key"])'],
    ['a body field', '(req: any) => sink(req.body.authorization)'],
    ['an env var', '() => sink(process.env.AUTHORIZATION)'],
    ['an object literal the code built', 'const options = { headers: { authorization: "x" } };\n() => sink(options.headers.authorization)'],
    ['a module-level Map getter', 'const cache = new Map();\n() => sink(cache.get("authorization"))'],
    ['headers() not from next/headers', 'function headers() { return new Map(); }\n() => sink(headers().get("authorization"))'],
    ['@Headers from another module', 'import { Headers } from "./decorators";\nclass C { run(@Headers("authorization") auth: string) { sink(auth); } }'],
    ['a parameter (bring your own key)', 'function clientFor(apiKey: string) { sink(apiKey); }'],
    ['a length', '(req: any) => sink(req.headers.authorization.length)'],
  ])('not a source: %s', (_name, code) => {
    expect(traces(code)).toEqual([undefined]);
  });
});

describe('local flow', () => {
  const flow = (body: string): Traced | undefined => traces(`(req: any) => {\n${body}\n}`)[0];

  it('follows const and let, naming the locals from the sink back', () => {
    expect(flow('const auth = req.headers.authorization;\nconst token = auth;\nsink(token);')).toEqual({ source: 'req.headers.authorization', kind: 'header', locals: ['token', 'auth'] });
  });

  it('follows a reassigned let', () => {
    expect(flow('let token = "";\nif (req.headers.authorization) token = req.headers.authorization.slice(7);\nsink(token);')?.locals).toEqual(['token']);
  });

  it.each([
    ['object destructuring', 'const { authorization } = req.headers;\nsink(authorization);', 'req.headers.authorization'],
    ['nested destructuring with a rename and default', 'const { headers: { authorization: auth = "" } } = req;\nsink(auth);', 'req.headers.authorization'],
    ['array destructuring of a split', 'const [, token] = req.headers.authorization.split(" ");\nsink(token);', 'req.headers.authorization'],
    ['a destructured header map', 'const { headers } = req;\nsink(headers.authorization);', 'headers.authorization'],
    ['a header map in a local', 'const h = req.headers;\nsink(h["authorization"]);', 'h["authorization"]'],
  ])('destructuring: %s', (_name, body, expected) => {
    expect(flow(body)?.source).toBe(expected);
  });

  it.each([
    ['replace', 'sink(req.headers.authorization?.replace("Bearer ", ""));'],
    ['split()[1]', 'sink(req.headers.authorization.split(" ")[1]);'],
    ['slice(7)', 'sink(req.headers.authorization!.slice(7));'],
    ['substring', 'sink(req.headers.authorization.substring(7));'],
    ['trim', 'sink(req.get("Authorization").trim());'],
    ['template literal', 'sink(`Bearer ${req.headers.authorization}`);'],
    ['concatenation', 'sink("Bearer " + req.headers.authorization);'],
    ['??', 'sink(req.headers.authorization ?? "");'],
    ['||', 'sink(process.env.FALLBACK || req.headers.authorization);'],
    ['&&', 'sink(req.headers.authorization && req.headers.authorization.slice(7));'],
    ['ternary', 'sink(req.headers.authorization ? req.headers.authorization.slice(7) : undefined);'],
    ['as and !', 'sink((req.headers.authorization as string)!);'],
    ['String()', 'sink(String(req.headers.authorization));'],
    ['match()?.[1]', 'sink(req.headers.authorization?.match(/^Bearer (.+)$/)?.[1]);'],
  ])('string operations and operators: %s', (_name, body) => {
    expect(flow(body)?.source).toMatch(/authorization|Authorization/);
  });

  it('goes one level through a same-file helper', () => {
    const [traced] = traces('function bearer(req: any) { return req.headers.authorization?.split(" ")[1]; }\nexport function handler(req: any) { const token = bearer(req); sink(token); }');
    expect(traced).toEqual({ source: 'req.headers.authorization', kind: 'header', locals: ['token'], helper: 'bearer' });
  });

  it('goes through an async arrow helper that is awaited', () => {
    expect(traces('const tokenOf = async (c: any) => c.req.header("Authorization");\nexport const h = async (c: any) => sink(await tokenOf(c));')[0]?.helper).toBe('tokenOf');
  });

  it('goes no deeper than one helper', () => {
    expect(traces('function raw(req: any) { return req.headers.authorization; }\nfunction bearer(req: any) { return raw(req); }\nexport function h(req: any) { sink(bearer(req)); }')).toEqual([undefined]);
  });

  it('stops at what it does not follow: a module-level variable, an object property, a different value', () => {
    expect(traces('let current = "";\nexport function h(req: any) { current = req.headers.authorization; sink(current); }')).toEqual([undefined]);
    expect(flow('const ctx = { token: req.headers.authorization };\nsink(ctx.token);')).toBeUndefined();
    expect(flow('const present = Boolean(req.headers.authorization);\nsink(present);')).toBeUndefined();
    expect(flow('const user = verify(req.headers.authorization);\nsink(user.id);')).toBeUndefined();
  });

  it('terminates on self-referencing locals', () => {
    expect(flow('let a = ""; let b = ""; a = b; b = a;\nsink(a);')).toBeUndefined();
  });
});
