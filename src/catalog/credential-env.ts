/**
 * Canonical credential env names: the variables SDKs read for their credentials, endpoints and API
 * versions, or that their official docs tell you to set. Data only. Every name here is right by
 * definition, whichever SDK a file passes it to: `COHERE_API_KEY` (LangChain's name) given to
 * `cohere-ai` (which reads `CO_API_KEY`) is a choice, not a typo. Users add names through
 * `settings['scale-auth'].credentialEnvNames`.
 */
export interface CredentialEnvName {
  name: string;
  provider: string;
  /** Packages (or tools) that read it, or whose docs use it, in the order given below. */
  readBy: readonly string[];
  /** The packages among `readBy` that read it by themselves when no value is passed. */
  fallbackBy: readonly string[];
  /** True when the SDKs that take it are known to read no env var by themselves: nothing falls back to it. */
  noFallback: boolean;
}

interface Reader {
  provider: string;
  /** The package or tool, as users know it. */
  package: string;
  /**
   * The SDK reads the names by itself when the option is absent (true) or never does (false);
   * undefined for tools and docs, which say nothing about what the code's SDK does.
   */
  fallback?: boolean;
  names: readonly string[];
}

const READERS: readonly Reader[] = [
  // openai/src/client.ts: `readEnv('OPENAI_API_KEY')`, ORG_ID, PROJECT_ID, BASE_URL, ADMIN_KEY, WEBHOOK_SECRET.
  { provider: 'OpenAI', package: 'openai', fallback: true, names: ['OPENAI_API_KEY', 'OPENAI_ORG_ID', 'OPENAI_PROJECT_ID', 'OPENAI_BASE_URL', 'OPENAI_ADMIN_KEY', 'OPENAI_WEBHOOK_SECRET'] },
  // @langchain/openai chat_models/base.ts: OPENAI_API_KEY, OPENAI_ORGANIZATION, OPENAI_API_BASE || OPENAI_BASE_URL.
  { provider: 'OpenAI', package: '@langchain/openai', fallback: true, names: ['OPENAI_API_KEY', 'OPENAI_ORGANIZATION', 'OPENAI_API_BASE', 'OPENAI_BASE_URL'] },
  // @ai-sdk/openai: `loadApiKey({ environmentVariableName: 'OPENAI_API_KEY' })`.
  { provider: 'OpenAI', package: '@ai-sdk/openai', fallback: true, names: ['OPENAI_API_KEY'] },
  // openai/src/azure.ts: AZURE_OPENAI_API_KEY, AZURE_OPENAI_ENDPOINT, OPENAI_API_VERSION.
  { provider: 'Azure OpenAI', package: 'openai', fallback: true, names: ['AZURE_OPENAI_API_KEY', 'AZURE_OPENAI_ENDPOINT', 'OPENAI_API_VERSION'] },
  // @langchain/openai azure/*.ts: `getEnvironmentVariable("AZURE_OPENAI_API_…")`.
  {
    provider: 'Azure OpenAI',
    package: '@langchain/openai',
    fallback: true,
    names: [
      'AZURE_OPENAI_API_KEY', 'AZURE_OPENAI_API_INSTANCE_NAME', 'AZURE_OPENAI_API_DEPLOYMENT_NAME', 'AZURE_OPENAI_API_EMBEDDINGS_DEPLOYMENT_NAME',
      'AZURE_OPENAI_API_COMPLETIONS_DEPLOYMENT_NAME', 'AZURE_OPENAI_API_VERSION', 'AZURE_OPENAI_BASE_PATH', 'AZURE_OPENAI_ENDPOINT',
    ],
  },
  // @ai-sdk/azure: AZURE_API_KEY and AZURE_RESOURCE_NAME.
  { provider: 'Azure OpenAI', package: '@ai-sdk/azure', fallback: true, names: ['AZURE_API_KEY', 'AZURE_RESOURCE_NAME'] },
  // @anthropic-ai/sdk/src/client.ts: `readEnv('ANTHROPIC_API_KEY')`, ANTHROPIC_AUTH_TOKEN, ANTHROPIC_BASE_URL.
  { provider: 'Anthropic', package: '@anthropic-ai/sdk', fallback: true, names: ['ANTHROPIC_API_KEY', 'ANTHROPIC_AUTH_TOKEN', 'ANTHROPIC_BASE_URL'] },
  { provider: 'Anthropic', package: '@langchain/anthropic', fallback: true, names: ['ANTHROPIC_API_KEY'] },
  { provider: 'Anthropic', package: '@ai-sdk/anthropic', fallback: true, names: ['ANTHROPIC_API_KEY'] },
  // @google/genai client.ts: GOOGLE_API_KEY, then GEMINI_API_KEY; Vertex AI from GOOGLE_CLOUD_PROJECT/LOCATION.
  { provider: 'Google Gemini', package: '@google/genai', fallback: true, names: ['GOOGLE_API_KEY', 'GEMINI_API_KEY', 'GOOGLE_CLOUD_PROJECT', 'GOOGLE_CLOUD_LOCATION', 'GOOGLE_GENAI_USE_VERTEXAI'] },
  // Genkit's googleAI plugin: GEMINI_API_KEY, GOOGLE_API_KEY or GOOGLE_GENAI_API_KEY.
  { provider: 'Google Gemini', package: '@genkit-ai/googleai', fallback: true, names: ['GEMINI_API_KEY', 'GOOGLE_API_KEY', 'GOOGLE_GENAI_API_KEY'] },
  { provider: 'Google Gemini', package: '@langchain/google-genai', fallback: true, names: ['GOOGLE_API_KEY'] },
  { provider: 'Google Gemini', package: '@ai-sdk/google', fallback: true, names: ['GOOGLE_GENERATIVE_AI_API_KEY'] },
  // google-auth-library: Application Default Credentials; @ai-sdk/google-vertex: project and location.
  { provider: 'Google Cloud', package: 'google-auth-library', fallback: true, names: ['GOOGLE_APPLICATION_CREDENTIALS'] },
  { provider: 'Google Cloud', package: '@ai-sdk/google-vertex', fallback: true, names: ['GOOGLE_VERTEX_PROJECT', 'GOOGLE_VERTEX_LOCATION'] },
  // AWS SDK v3 default provider chain (@aws-sdk/credential-provider-env, -ini, -web-identity) and region.
  {
    provider: 'AWS',
    package: '@aws-sdk/credential-providers',
    fallback: true,
    names: [
      'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_CREDENTIAL_EXPIRATION', 'AWS_PROFILE', 'AWS_REGION',
      'AWS_ROLE_ARN', 'AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_ROLE_SESSION_NAME',
    ],
  },
  // Amazon Bedrock API keys (AWS docs); openai's Bedrock provider also reads AWS_DEFAULT_REGION.
  { provider: 'AWS Bedrock', package: '@aws-sdk/client-bedrock-runtime', fallback: true, names: ['AWS_BEARER_TOKEN_BEDROCK', 'AWS_REGION'] },
  { provider: 'AWS Bedrock', package: 'openai (Bedrock provider)', fallback: true, names: ['AWS_BEARER_TOKEN_BEDROCK', 'AWS_REGION', 'AWS_DEFAULT_REGION'] },
  { provider: 'AWS Bedrock', package: '@ai-sdk/amazon-bedrock', fallback: true, names: ['AWS_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'] },
  // @mistralai/mistralai reads no env var; LangChain and the AI SDK read MISTRAL_API_KEY.
  { provider: 'Mistral', package: '@langchain/mistralai', fallback: true, names: ['MISTRAL_API_KEY'] },
  { provider: 'Mistral', package: '@ai-sdk/mistral', fallback: true, names: ['MISTRAL_API_KEY'] },
  // cohere-ai Client.ts: `process.env.CO_API_KEY`; LangChain and the AI SDK: COHERE_API_KEY.
  { provider: 'Cohere', package: 'cohere-ai', fallback: true, names: ['CO_API_KEY'] },
  { provider: 'Cohere', package: '@langchain/cohere', fallback: true, names: ['COHERE_API_KEY'] },
  { provider: 'Cohere', package: '@ai-sdk/cohere', fallback: true, names: ['COHERE_API_KEY'] },
  { provider: 'Groq', package: 'groq-sdk', fallback: true, names: ['GROQ_API_KEY'] },
  { provider: 'Groq', package: '@langchain/groq', fallback: true, names: ['GROQ_API_KEY'] },
  // together-ai: TOGETHER_API_KEY; @ai-sdk/togetherai and LangChain's TogetherAI: TOGETHER_AI_API_KEY.
  { provider: 'Together AI', package: 'together-ai', fallback: true, names: ['TOGETHER_API_KEY'] },
  { provider: 'Together AI', package: '@ai-sdk/togetherai', fallback: true, names: ['TOGETHER_AI_API_KEY'] },
  { provider: 'Fireworks', package: '@ai-sdk/fireworks', fallback: true, names: ['FIREWORKS_API_KEY'] },
  { provider: 'DeepSeek', package: '@ai-sdk/deepseek', fallback: true, names: ['DEEPSEEK_API_KEY'] },
  { provider: 'xAI', package: '@ai-sdk/xai', fallback: true, names: ['XAI_API_KEY'] },
  { provider: 'OpenRouter', package: '@openrouter/ai-sdk-provider', fallback: true, names: ['OPENROUTER_API_KEY'] },
  { provider: 'Perplexity', package: '@ai-sdk/perplexity', fallback: true, names: ['PERPLEXITY_API_KEY'] },
  { provider: 'Cerebras', package: '@ai-sdk/cerebras', fallback: true, names: ['CEREBRAS_API_KEY'] },
  // @ai-sdk/gateway: AI_GATEWAY_API_KEY, or the OIDC token Vercel injects.
  { provider: 'Vercel AI Gateway', package: '@ai-sdk/gateway', fallback: true, names: ['AI_GATEWAY_API_KEY', 'VERCEL_OIDC_TOKEN'] },
  // Hugging Face docs: HF_TOKEN; LangChain's HuggingFaceInference: HUGGINGFACEHUB_API_KEY.
  { provider: 'Hugging Face', package: 'huggingface_hub', names: ['HF_TOKEN'] },
  { provider: 'Hugging Face', package: '@langchain/community', fallback: true, names: ['HUGGINGFACEHUB_API_KEY'] },
  // replicate/index.js: `auth = process.env.REPLICATE_API_TOKEN`.
  { provider: 'Replicate', package: 'replicate', fallback: true, names: ['REPLICATE_API_TOKEN'] },
  // langsmith utils/env.ts: `LANGSMITH_${name}` || `LANGCHAIN_${name}`; @langchain/core: tracing switches.
  {
    provider: 'LangSmith',
    package: 'langsmith',
    fallback: true,
    names: ['LANGSMITH_API_KEY', 'LANGCHAIN_API_KEY', 'LANGSMITH_ENDPOINT', 'LANGCHAIN_ENDPOINT', 'LANGSMITH_PROJECT', 'LANGCHAIN_PROJECT', 'LANGSMITH_WORKSPACE_ID'],
  },
  { provider: 'LangSmith', package: '@langchain/core', fallback: true, names: ['LANGSMITH_TRACING', 'LANGSMITH_TRACING_V2', 'LANGCHAIN_TRACING_V2', 'LANGCHAIN_CALLBACKS_BACKGROUND'] },
  // CrewAI has no JS SDK that reads an env var: CREWAI_API_KEY is the name the seed write-ups use.
  { provider: 'CrewAI', package: '@crewai/typescript', fallback: false, names: ['CREWAI_API_KEY'] },
  // @pinecone-database/pinecone: PINECONE_API_KEY (and PINECONE_ENVIRONMENT in v1) when no config is given.
  { provider: 'Pinecone', package: '@pinecone-database/pinecone', fallback: true, names: ['PINECONE_API_KEY', 'PINECONE_ENVIRONMENT'] },
  // Weaviate's TypeScript client docs connect with WEAVIATE_URL and WEAVIATE_API_KEY.
  { provider: 'Weaviate', package: 'weaviate-client', fallback: false, names: ['WEAVIATE_URL', 'WEAVIATE_API_KEY'] },
  { provider: 'Qdrant', package: '@langchain/qdrant', fallback: true, names: ['QDRANT_URL', 'QDRANT_API_KEY'] },
  { provider: 'Tavily', package: '@langchain/tavily', fallback: true, names: ['TAVILY_API_KEY'] },
  // exa-js: EXASEARCH_API_KEY ?? EXA_API_KEY; @langchain/exa's docs use EXASEARCH_API_KEY.
  { provider: 'Exa', package: 'exa-js', fallback: true, names: ['EXASEARCH_API_KEY', 'EXA_API_KEY'] },
  // @langchain/community tools: SerpAPI, Serper, BraveSearch read their key from the env.
  { provider: 'SerpAPI', package: '@langchain/community', fallback: true, names: ['SERPAPI_API_KEY'] },
  { provider: 'Serper', package: '@langchain/community', fallback: true, names: ['SERPER_API_KEY'] },
  { provider: 'Brave Search', package: '@langchain/community', fallback: true, names: ['BRAVE_SEARCH_API_KEY'] },
  { provider: 'Firecrawl', package: '@langchain/community', fallback: true, names: ['FIRECRAWL_API_KEY'] },
  // Supabase docs and Edge Functions' default secrets; supabase-js reads none by itself.
  { provider: 'Supabase', package: '@supabase/supabase-js', fallback: false, names: ['SUPABASE_URL', 'SUPABASE_ANON_KEY', 'SUPABASE_SERVICE_ROLE_KEY', 'SUPABASE_DB_URL'] },
  { provider: 'Supabase', package: 'supabase CLI', names: ['SUPABASE_ACCESS_TOKEN'] },
  // @upstash/redis `Redis.fromEnv()`, @upstash/qstash, @upstash/vector `Index.fromEnv()`.
  { provider: 'Upstash', package: '@upstash/redis', names: ['UPSTASH_REDIS_REST_URL', 'UPSTASH_REDIS_REST_TOKEN'] },
  { provider: 'Upstash', package: '@upstash/qstash', names: ['QSTASH_TOKEN', 'QSTASH_CURRENT_SIGNING_KEY', 'QSTASH_NEXT_SIGNING_KEY'] },
  { provider: 'Upstash', package: '@upstash/vector', names: ['UPSTASH_VECTOR_REST_URL', 'UPSTASH_VECTOR_REST_TOKEN'] },
  // stripe-node reads no env var (Stripe's docs name these); the Stripe CLI reads STRIPE_API_KEY.
  { provider: 'Stripe', package: 'stripe', fallback: false, names: ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET', 'STRIPE_PUBLISHABLE_KEY'] },
  { provider: 'Stripe', package: 'Stripe CLI', names: ['STRIPE_API_KEY'] },
  // Octokit reads none; GitHub Actions sets GITHUB_TOKEN, the gh CLI reads GH_TOKEN, github-mcp-server the PAT.
  { provider: 'GitHub', package: '@octokit/rest', fallback: false, names: ['GITHUB_TOKEN'] },
  { provider: 'GitHub', package: 'gh CLI', names: ['GH_TOKEN', 'GITHUB_TOKEN'] },
  { provider: 'GitHub', package: 'github-mcp-server', names: ['GITHUB_PERSONAL_ACCESS_TOKEN'] },
  // twilio: `twilio()` reads TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN.
  { provider: 'Twilio', package: 'twilio', fallback: true, names: ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN'] },
  // Slack's Bolt docs: the app is constructed with these; Bolt reads none by itself.
  { provider: 'Slack', package: '@slack/bolt', fallback: false, names: ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN'] },
  { provider: 'Resend', package: 'resend', fallback: true, names: ['RESEND_API_KEY'] },
  { provider: 'Voyage AI', package: '@langchain/community', fallback: true, names: ['VOYAGE_API_KEY'] },
  { provider: 'Jina AI', package: '@langchain/community', fallback: true, names: ['JINA_API_KEY'] },
  { provider: 'ElevenLabs', package: '@elevenlabs/elevenlabs-js', fallback: true, names: ['ELEVENLABS_API_KEY'] },
  { provider: 'Deepgram', package: '@deepgram/sdk', fallback: true, names: ['DEEPGRAM_API_KEY'] },
  { provider: 'E2B', package: 'e2b', fallback: true, names: ['E2B_API_KEY'] },
  { provider: 'Browserbase', package: '@browserbasehq/sdk', fallback: true, names: ['BROWSERBASE_API_KEY', 'BROWSERBASE_PROJECT_ID'] },
  // langfuse (v3): LANGFUSE_BASEURL; @langfuse/otel (v4): LANGFUSE_BASE_URL.
  { provider: 'Langfuse', package: 'langfuse', fallback: true, names: ['LANGFUSE_SECRET_KEY', 'LANGFUSE_PUBLIC_KEY', 'LANGFUSE_BASEURL'] },
  { provider: 'Langfuse', package: '@langfuse/otel', fallback: true, names: ['LANGFUSE_SECRET_KEY', 'LANGFUSE_PUBLIC_KEY', 'LANGFUSE_BASE_URL'] },
  // wrangler: an API token, or the legacy global API key with the account's email.
  { provider: 'Cloudflare', package: 'wrangler', names: ['CLOUDFLARE_API_TOKEN', 'CLOUDFLARE_ACCOUNT_ID', 'CLOUDFLARE_API_KEY', 'CLOUDFLARE_EMAIL'] },
  { provider: 'Sentry', package: '@sentry/node', fallback: true, names: ['SENTRY_DSN'] },
  { provider: 'Sentry', package: '@sentry/cli', names: ['SENTRY_AUTH_TOKEN'] },
];

/** One entry per name, in first-mention order, with every package that reads it. */
function byName(readers: readonly Reader[]): CredentialEnvName[] {
  const entries = new Map<string, { provider: string; readBy: string[]; fallbackBy: string[]; withoutFallback: number }>();
  for (const reader of readers) {
    for (const name of reader.names) {
      const entry = entries.get(name) ?? { provider: reader.provider, readBy: [], fallbackBy: [], withoutFallback: 0 };
      if (!entry.readBy.includes(reader.package)) entry.readBy.push(reader.package);
      if (reader.fallback === true) entry.fallbackBy.push(reader.package);
      if (reader.fallback === false) entry.withoutFallback += 1;
      entries.set(name, entry);
    }
  }
  return [...entries].map(([name, { withoutFallback, ...entry }]) => ({ name, ...entry, noFallback: entry.fallbackBy.length === 0 && withoutFallback > 0 }));
}

export const CREDENTIAL_ENV: readonly CredentialEnvName[] = byName(READERS);
