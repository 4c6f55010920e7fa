import { describe, expect, it } from 'vitest';
import { bestNearMisses, NearMissIndex, nearMisses, nearMissKind } from '../../src/analysis/env-name-match.js';
import { CREDENTIAL_ENV } from '../../src/catalog/index.js';

const catalog = CREDENTIAL_ENV.map((entry) => entry.name);
const suggest = (name: string): string[] => nearMisses(name, catalog).map((miss) => miss.candidate);

describe('nearMissKind', () => {
  it.each([
    ['openai_api_key', 'OPENAI_API_KEY', 'case'],
    ['OPENAI_APIKEY', 'OPENAI_API_KEY', 'separator'],
    ['OPEN_AI_API_KEY', 'OPENAI_API_KEY', 'separator'],
    ['ANTROPIC_API_KEY', 'ANTHROPIC_API_KEY', 'slip'],
    ['OPENIA_API_KEY', 'OPENAI_API_KEY', 'slip'],
    ['OPENAI_KEY', 'OPENAI_API_KEY', 'missing-word'],
    ['CREW_AI_KEY', 'CREWAI_API_KEY', 'missing-word'],
    ['OPEN_AI_KEY', 'OPENAI_API_KEY', 'missing-word'],
    ['AWS_ACCESS_KEY', 'AWS_ACCESS_KEY_ID', 'missing-word'],
    ['MISTRAL_AI_API_KEY', 'MISTRAL_API_KEY', 'extra-word'],
    ['REPLICATE_API_KEY', 'REPLICATE_API_TOKEN', 'suffix'],
    ['API_KEY_OPENAI', 'OPENAI_API_KEY', 'order'],
  ])('%s misses %s by %s', (name, candidate, kind) => {
    expect(nearMissKind(name, candidate)).toBe(kind);
  });

  it.each([
    ['GROK_API_KEY', 'GROQ_API_KEY'], // four-letter words: another vendor, not a slip
    ['OPENAI_API_KEYS', 'OPENAI_API_KEY'], // plural
    ['AWS_REGIONS', 'AWS_REGION'],
    ['OPENAI_API_KEY2', 'OPENAI_API_KEY'],
    ['OPENAI_API_KEY_PROD', 'OPENAI_API_KEY'], // qualifier
    ['MY_OPENAI_API_KEY', 'OPENAI_API_KEY'],
    ['_AZURE_OPENAI_API_INSTANCE_NAME', 'AZURE_OPENAI_API_INSTANCE_NAME'], // a deliberate prefix (hides it from the SDK)
    ['OPENAI_API_KEY_', 'OPENAI_API_KEY'],
    ['GOOGLE_MAPS_API_KEY', 'GOOGLE_API_KEY'], // another service of the vendor
    ['OPENAI_API_BASE_URL', 'OPENAI_BASE_URL'], // a filler that does not stand before the credential word
    ['OPENAI_API', 'OPENAI_API_KEY'], // the credential word itself is never dropped
    ['CO_KEY', 'CO_API_KEY'], // two-letter vendor
    ['HF_API_KEY', 'HF_TOKEN'],
    ['GATEWAY_API_KEY', 'AI_GATEWAY_API_KEY'], // the vendor word is never the missing one
    ['OPENAI_MODEL', 'OPENAI_ORG_ID'],
    ['OPENAI_API_KEY', 'OPENAI_API_KEY'],
  ])('%s is not a near miss of %s', (name, candidate) => {
    expect(nearMissKind(name, candidate)).toBeUndefined();
  });
});

describe('nearMisses over the catalog', () => {
  it('suggests the one name meant for the misspellings seen in public code', () => {
    expect(suggest('OPENAI_APIKEY')).toEqual(['OPENAI_API_KEY']);
    expect(suggest('GROQ_APIKEY')).toEqual(['GROQ_API_KEY']);
    expect(suggest('REPLICATE_API_KEY')).toEqual(['REPLICATE_API_TOKEN']);
    expect(suggest('AZURE_OPENAI_KEY')).toEqual(['AZURE_OPENAI_API_KEY']);
    expect(suggest('OPEN_AI_KEY')).toEqual(['OPENAI_API_KEY']);
    expect(suggest('ANTHROPIC_KEY')).toEqual(['ANTHROPIC_API_KEY']);
    expect(suggest('CREW_AI_KEY')).toEqual(['CREWAI_API_KEY']);
    expect(suggest('AWS_SECRET_KEY')).toEqual(['AWS_SECRET_ACCESS_KEY']);
    expect(suggest('AWS_ACCESS_KEY')).toEqual(['AWS_ACCESS_KEY_ID']);
  });

  it('keeps every candidate of the best kind, so an unclear case stays unclear', () => {
    expect(suggest('STRIPE_KEY').sort()).toEqual(['STRIPE_API_KEY', 'STRIPE_SECRET_KEY']);
  });

  it('finds nothing for catalog names, names of other services and ordinary settings', () => {
    for (const name of [...catalog, 'DATABASE_URL', 'NODE_ENV', 'PORT', 'REDIS_URL', 'SUPABASE_KEY', 'SUPABASE_SECRET_KEY', 'OPENAI_MODEL', 'LANGCHAIN_TRACING', 'TWILIO_API_KEY', 'GITHUB_CLIENT_SECRET']) {
      expect(suggest(name), name).toEqual([]);
    }
  });
});

describe('NearMissIndex and bestNearMisses', () => {
  const declared = ['OPENAI_API_KEY', 'ACME_API_KEY', 'OPENAI_KEY'];

  it.each(['OPENAI_APIKEY', 'openai_api_key', 'OPENIA_API_KEY', 'ACME_KEY', 'ANTROPIC_API_KEY', 'NODE_ENV', 'OPENAI_API_KEYS'])(
    'the best of two lists is the best of the two lists joined: %s',
    (name) => {
      const index = new NearMissIndex(catalog);
      const split = bestNearMisses([...index.of(name), ...nearMisses(name, declared)]);
      expect(split).toEqual(nearMisses(name, [...catalog, ...declared]));
    },
  );

  it('remembers a name: the same misses each time, computed once', () => {
    const index = new NearMissIndex(catalog);
    const first = index.of('OPENAI_APIKEY');
    expect(first.map((miss) => miss.candidate)).toEqual(['OPENAI_API_KEY']);
    expect(index.of('OPENAI_APIKEY')).toBe(first);
  });
});
