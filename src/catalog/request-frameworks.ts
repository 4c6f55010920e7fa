/**
 * Where server frameworks hand a handler the incoming request's headers: data only. The analysis in
 * `src/analysis/request-sources.ts` reads an `Authorization` value through any of these shapes,
 * without type information, so the shapes are what the frameworks document.
 */
export interface RequestFramework {
  name: string;
  /** Properties of the request object that hold its header map: `req.headers.authorization`. */
  headerMaps: readonly string[];
  /** Methods of the request object that return one header: `req.get('Authorization')`. */
  headerGetters: readonly string[];
  /** Properties that lead from a handler's argument to the request object: Hono's `c.req`. */
  requestProperties?: readonly string[];
  /** Imported functions that return the current request's header map: `headers()` of `next/headers`. */
  headerFunctions?: readonly { module: string; name: string }[];
  /** Imported parameter decorators that inject headers: NestJS `@Headers('authorization')`. */
  headerDecorators?: readonly { module: string; name: string }[];
}

export const REQUEST_FRAMEWORKS: readonly RequestFramework[] = [
  // expressjs.com/en/5x/api.html#req.get: `req.get(field)`, alias `req.header(field)`; `req.headers` from Node's IncomingMessage.
  { name: 'Express', headerMaps: ['headers'], headerGetters: ['get', 'header'] },
  // fastify.dev/docs/latest/Reference/Request: `request.headers`.
  { name: 'Fastify', headerMaps: ['headers'], headerGetters: [] },
  // koajs.com/#request: `ctx.headers`, `ctx.header`, `ctx.request.headers`, `ctx.get(field)`, `ctx.request.get(field)`.
  { name: 'Koa', headerMaps: ['headers', 'header'], headerGetters: ['get'], requestProperties: ['request'] },
  // hono.dev/docs/api/request#header: `c.req.header('Authorization')`; `c.req.raw` is the Fetch Request.
  { name: 'Hono', headerMaps: ['headers'], headerGetters: ['header'], requestProperties: ['req', 'raw'] },
  // Fetch `Request.headers` is a `Headers` (`.get(name)`); Next.js route handlers and `headers()` of next/headers.
  { name: 'Fetch / Next.js', headerMaps: ['headers'], headerGetters: [], headerFunctions: [{ module: 'next/headers', name: 'headers' }] },
  // docs.aws.amazon.com/apigateway (proxy integration event): `event.headers`, `event.multiValueHeaders`.
  { name: 'AWS Lambda', headerMaps: ['headers', 'multiValueHeaders'], headerGetters: [] },
  // docs.nestjs.com/controllers#request-object: `@Headers(name?)` and `@Req()` parameters.
  { name: 'NestJS', headerMaps: ['headers'], headerGetters: [], headerDecorators: [{ module: '@nestjs/common', name: 'Headers' }] },
];

/**
 * Request headers whose value is the caller's own credential for this app. Custom key headers
 * (`x-api-key`, `x-openai-key`) are bring-your-own-key designs and are deliberately absent.
 */
export const REQUEST_AUTH_HEADERS: readonly string[] = ['authorization', 'proxy-authorization'];

/**
 * MCP servers: the TypeScript SDK hands tool handlers the verified inbound token as
 * `extra.authInfo.token` (modelcontextprotocol/typescript-sdk, `RequestHandlerExtra`).
 */
export const MCP_TOKEN_PATH: readonly string[] = ['authInfo', 'token'];
export const MCP_SDK_MODULE = '@modelcontextprotocol/sdk*';
