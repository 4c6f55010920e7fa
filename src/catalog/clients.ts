/**
 * Known SDK clients: data only. Each entry says where the client is imported from, how it is
 * created, which options (or positional argument) carry its credential, and which env vars the SDK
 * reads by itself when none is passed. Users add entries through `settings['scale-auth'].clients`.
 */
export interface ClientSpec {
  /** Package the client is imported from; a trailing `*` matches a prefix (`@aws-sdk/client-*`). */
  module: string;
  /** Export names; `default` is the default export (and a CommonJS `require` of the whole module). */
  exports: readonly string[];
  /** Or: any export whose name matches (`/Client$/` for AWS SDK v3). */
  exportPattern?: RegExp;
  /** Human name used in messages and factory names. */
  provider: string;
  /** Option keys that carry the credential (searched in the first object argument and its `configuration`). */
  credentialOptions: readonly string[];
  /** Index of a positional credential argument (`new Stripe(key)`, `createClient(url, key)`). */
  credentialArgument?: number;
  /** Env vars the SDK reads at construction when no credential is passed. */
  defaultEnv?: readonly string[];
  /**
   * The SDK resolves its credential per call or through a refreshing provider, so a module-scope
   * instance without an explicit credential is safe (AWS SDK v3, Vercel AI SDK providers).
   */
  resolvesCredentialLazily?: boolean;
  /** The SDK's documented pattern is delegated user auth: a client on a public (anon) key is not a server credential. */
  delegatedAuth?: boolean;
}

const langchainChatModel = (
  module: string,
  exports: readonly string[],
  provider: string,
  credentialOptions: readonly string[],
  defaultEnv: readonly string[],
): ClientSpec => ({ module, exports, provider, credentialOptions, defaultEnv });

/** AI SDK providers read their key when a model is called (`loadApiKey` in @ai-sdk/provider-utils). */
const aiSdkProvider = (module: string, factory: string, provider: string): ClientSpec => ({
  module,
  exports: [factory],
  provider,
  credentialOptions: ['apiKey', 'headers'],
  resolvesCredentialLazily: true,
});

export const CLIENTS: readonly ClientSpec[] = [
  // openai/src/client.ts: `apiKey = readEnv('OPENAI_API_KEY')` in the constructor.
  { module: 'openai', exports: ['default', 'OpenAI'], provider: 'OpenAI', credentialOptions: ['apiKey'], defaultEnv: ['OPENAI_API_KEY'] },
  // openai/src/azure.ts: `apiKey = readEnv('AZURE_OPENAI_API_KEY')`, endpoint from AZURE_OPENAI_ENDPOINT.
  { module: 'openai', exports: ['AzureOpenAI'], provider: 'Azure OpenAI', credentialOptions: ['apiKey', 'azureADTokenProvider'], defaultEnv: ['AZURE_OPENAI_API_KEY'] },
  // @anthropic-ai/sdk/src/client.ts: `apiKey = readEnv('ANTHROPIC_API_KEY')`, `authToken = readEnv('ANTHROPIC_AUTH_TOKEN')`.
  { module: '@anthropic-ai/sdk', exports: ['default', 'Anthropic'], provider: 'Anthropic', credentialOptions: ['apiKey', 'authToken'], defaultEnv: ['ANTHROPIC_API_KEY'] },
  // @langchain/openai chat_models.ts: `getEnvironmentVariable("OPENAI_API_KEY")` in the constructor.
  langchainChatModel('@langchain/openai', ['ChatOpenAI', 'OpenAI', 'OpenAIEmbeddings', 'DallEAPIWrapper'], 'OpenAI', ['apiKey', 'openAIApiKey'], ['OPENAI_API_KEY']),
  langchainChatModel('@langchain/openai', ['AzureChatOpenAI', 'AzureOpenAI', 'AzureOpenAIEmbeddings'], 'Azure OpenAI', ['apiKey', 'azureOpenAIApiKey', 'azureADTokenProvider'], ['AZURE_OPENAI_API_KEY']),
  // @langchain/anthropic chat_models.ts: `getEnvironmentVariable("ANTHROPIC_API_KEY")`.
  langchainChatModel('@langchain/anthropic', ['ChatAnthropic', 'ChatAnthropicMessages'], 'Anthropic', ['apiKey', 'anthropicApiKey'], ['ANTHROPIC_API_KEY']),
  // @langchain/google-genai chat_models.ts: `getEnvironmentVariable("GOOGLE_API_KEY")`.
  langchainChatModel('@langchain/google-genai', ['ChatGoogleGenerativeAI', 'GoogleGenerativeAIEmbeddings'], 'Google Gemini', ['apiKey'], ['GOOGLE_API_KEY']),
  // @langchain/mistralai chat_models.ts: `getEnvironmentVariable("MISTRAL_API_KEY")`.
  langchainChatModel('@langchain/mistralai', ['ChatMistralAI', 'MistralAIEmbeddings', 'MistralAI'], 'Mistral', ['apiKey'], ['MISTRAL_API_KEY']),
  // @langchain/groq chat_models.ts: `getEnvironmentVariable("GROQ_API_KEY")`.
  langchainChatModel('@langchain/groq', ['ChatGroq'], 'Groq', ['apiKey'], ['GROQ_API_KEY']),
  // @langchain/cohere: `getEnvironmentVariable("COHERE_API_KEY")`.
  langchainChatModel('@langchain/cohere', ['ChatCohere', 'CohereEmbeddings', 'CohereRerank', 'Cohere'], 'Cohere', ['apiKey'], ['COHERE_API_KEY']),
  // @langchain/aws: the AWS default credential provider chain, refreshed by the SDK.
  { module: '@langchain/aws', exports: ['ChatBedrockConverse', 'BedrockEmbeddings'], provider: 'AWS Bedrock', credentialOptions: ['credentials'], resolvesCredentialLazily: true },
  // @google/genai client.ts: reads GOOGLE_API_KEY, then GEMINI_API_KEY, when `apiKey` is absent.
  { module: '@google/genai', exports: ['GoogleGenAI'], provider: 'Google Gemini', credentialOptions: ['apiKey'], defaultEnv: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'] },
  // @google/generative-ai (legacy): `new GoogleGenerativeAI(apiKey)`, no env fallback.
  { module: '@google/generative-ai', exports: ['GoogleGenerativeAI'], provider: 'Google Gemini', credentialOptions: [], credentialArgument: 0 },
  // groq-sdk/src/index.ts: `apiKey = readEnv('GROQ_API_KEY')`.
  { module: 'groq-sdk', exports: ['default', 'Groq'], provider: 'Groq', credentialOptions: ['apiKey'], defaultEnv: ['GROQ_API_KEY'] },
  // @mistralai/mistralai: `new Mistral({ apiKey })`; the SDK itself reads no env var.
  { module: '@mistralai/mistralai', exports: ['Mistral', 'default'], provider: 'Mistral', credentialOptions: ['apiKey'] },
  // cohere-ai Client.ts: `token ?? process.env.CO_API_KEY`.
  { module: 'cohere-ai', exports: ['CohereClient', 'CohereClientV2'], provider: 'Cohere', credentialOptions: ['token'], defaultEnv: ['CO_API_KEY'] },
  // @pinecone-database/pinecone pinecone.ts: `PINECONE_API_KEY` when no config is given.
  { module: '@pinecone-database/pinecone', exports: ['Pinecone'], provider: 'Pinecone', credentialOptions: ['apiKey'], defaultEnv: ['PINECONE_API_KEY'] },
  // @pinecone-database/pinecone v0: `new PineconeClient()` then `await client.init({ apiKey })`.
  { module: '@pinecone-database/pinecone', exports: ['PineconeClient'], provider: 'Pinecone', credentialOptions: ['apiKey'], defaultEnv: ['PINECONE_API_KEY'] },
  // langsmith client.ts: `getLangSmithEnvironmentVariable("API_KEY")` = LANGSMITH_API_KEY or LANGCHAIN_API_KEY.
  { module: 'langsmith', exports: ['Client'], provider: 'LangSmith', credentialOptions: ['apiKey'], defaultEnv: ['LANGSMITH_API_KEY', 'LANGCHAIN_API_KEY'] },
  // @supabase/supabase-js: `createClient(supabaseUrl, supabaseKey, options)`; RLS via `global.headers`.
  { module: '@supabase/supabase-js', exports: ['createClient'], provider: 'Supabase', credentialOptions: [], credentialArgument: 1, delegatedAuth: true },
  // stripe: `new Stripe(secretKey, config)`, also callable without `new` in CommonJS.
  { module: 'stripe', exports: ['default', 'Stripe'], provider: 'Stripe', credentialOptions: ['apiKey'], credentialArgument: 0 },
  // @octokit/rest and octokit: `new Octokit({ auth })`.
  { module: '@octokit/rest', exports: ['Octokit'], provider: 'GitHub', credentialOptions: ['auth'] },
  { module: 'octokit', exports: ['Octokit', 'App'], provider: 'GitHub', credentialOptions: ['auth', 'privateKey'] },
  { module: '@octokit/core', exports: ['Octokit'], provider: 'GitHub', credentialOptions: ['auth'] },
  // Vercel AI SDK provider factories.
  aiSdkProvider('@ai-sdk/openai', 'createOpenAI', 'OpenAI'),
  aiSdkProvider('@ai-sdk/anthropic', 'createAnthropic', 'Anthropic'),
  aiSdkProvider('@ai-sdk/google', 'createGoogleGenerativeAI', 'Google Gemini'),
  aiSdkProvider('@ai-sdk/mistral', 'createMistral', 'Mistral'),
  aiSdkProvider('@ai-sdk/groq', 'createGroq', 'Groq'),
  aiSdkProvider('@ai-sdk/cohere', 'createCohere', 'Cohere'),
  aiSdkProvider('@ai-sdk/azure', 'createAzure', 'Azure OpenAI'),
  aiSdkProvider('@ai-sdk/xai', 'createXai', 'xAI'),
  aiSdkProvider('@ai-sdk/deepseek', 'createDeepSeek', 'DeepSeek'),
  aiSdkProvider('@ai-sdk/togetherai', 'createTogetherAI', 'Together AI'),
  aiSdkProvider('@ai-sdk/fireworks', 'createFireworks', 'Fireworks'),
  aiSdkProvider('@ai-sdk/perplexity', 'createPerplexity', 'Perplexity'),
  aiSdkProvider('@ai-sdk/openai-compatible', 'createOpenAICompatible', 'OpenAI-compatible'),
  aiSdkProvider('@openrouter/ai-sdk-provider', 'createOpenRouter', 'OpenRouter'),
  // Genkit: `genkit({ plugins: [googleAI()] })`; the googleAI plugin reads GEMINI_API_KEY,
  // GOOGLE_API_KEY or GOOGLE_GENAI_API_KEY when it initialises.
  { module: 'genkit', exports: ['genkit'], provider: 'Genkit', credentialOptions: ['apiKey'], defaultEnv: ['GEMINI_API_KEY', 'GOOGLE_API_KEY', 'GOOGLE_GENAI_API_KEY'] },
  // CrewAI TypeScript client, as the seeds write it; it reads no env var by itself.
  { module: '@crewai/typescript', exports: ['CrewClient', 'default'], provider: 'CrewAI', credentialOptions: ['apiKey'] },
  // AWS SDK v3: the default provider chain refreshes credentials; AWS recommends creating clients
  // outside the Lambda handler. Reported only with explicit static `credentials`.
  { module: '@aws-sdk/client-*', exports: [], exportPattern: /Client$/, provider: 'AWS', credentialOptions: ['credentials'], resolvesCredentialLazily: true },
];

/**
 * Modules whose module-scope objects are designed to live for the process (connection pools,
 * queues) or configure the app's own auth (sessions, JWT middleware, Auth.js): a credential-like
 * option there does not make an outbound API client. The generic check skips them.
 */
export const LONG_LIVED_MODULES: readonly string[] = [
  'bullmq', 'bee-queue', 'pg-boss', 'agenda', 'amqplib', 'kafkajs', 'nats',
  'ioredis', 'redis', '@redis/*', '@upstash/redis', '@upstash/ratelimit', '@vercel/kv',
  'pg', 'postgres', 'mysql', 'mysql2', 'mysql2/*', 'mongodb', 'mongoose', '@prisma/client', 'knex', 'sequelize',
  'typeorm', 'drizzle-orm', 'drizzle-orm/*', '@neondatabase/serverless', '@planetscale/database', '@libsql/client',
  'next-auth', 'next-auth/*', '@auth/*', 'better-auth', 'better-auth/*', 'express-session', 'cookie-session',
  'cookie-parser', 'passport', 'passport-*', 'express-jwt', '@fastify/jwt', '@fastify/session', '@fastify/cookie',
  'jsonwebtoken', 'jose', 'iron-session', 'lucia', 'hono/jwt', 'hono/basic-auth', 'hono/bearer-auth',
  'winston', 'pino', 'nodemailer',
];
