import { describe, expect, it } from 'vitest';
import { CLIENTS, CREDENTIAL_ENV } from '../../src/catalog/index.js';

const names = CREDENTIAL_ENV.map((entry) => entry.name);
const entry = (name: string) => CREDENTIAL_ENV.find((candidate) => candidate.name === name);

describe('credential env catalog', () => {
  it('has at least 60 names over at least 25 providers, each name once', () => {
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBeGreaterThanOrEqual(60);
    expect(new Set(CREDENTIAL_ENV.map((item) => item.provider)).size).toBeGreaterThanOrEqual(25);
  });

  it('names are upper snake case, never framework-public names', () => {
    for (const name of names) {
      expect(name).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
      expect(name).not.toMatch(/^(NEXT_PUBLIC|VITE|PUBLIC|EXPO_PUBLIC|REACT_APP|NUXT_PUBLIC|GATSBY)_/);
    }
  });

  it('says which package reads each name, and only claims a fallback for one of them', () => {
    for (const item of CREDENTIAL_ENV) {
      expect(item.readBy.length, item.name).toBeGreaterThan(0);
      for (const reader of item.fallbackBy) expect(item.readBy, item.name).toContain(reader);
      expect(item.noFallback && item.fallbackBy.length > 0, item.name).toBe(false);
    }
  });

  it('holds every legitimate name of the vendors that have several', () => {
    for (const name of [
      'CO_API_KEY', 'COHERE_API_KEY', 'TOGETHER_API_KEY', 'TOGETHER_AI_API_KEY', 'GEMINI_API_KEY', 'GOOGLE_API_KEY', 'GOOGLE_GENAI_API_KEY',
      'EXA_API_KEY', 'EXASEARCH_API_KEY', 'LANGSMITH_API_KEY', 'LANGCHAIN_API_KEY', 'LANGSMITH_ENDPOINT', 'LANGCHAIN_ENDPOINT',
      'LANGSMITH_PROJECT', 'LANGCHAIN_PROJECT', 'ANTHROPIC_API_KEY', 'ANTHROPIC_AUTH_TOKEN', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY',
      'AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_REGION', 'AZURE_OPENAI_API_KEY', 'AZURE_OPENAI_ENDPOINT', 'OPENAI_API_VERSION', 'CREWAI_API_KEY',
    ]) {
      expect(names, name).toContain(name);
    }
    expect(entry('GEMINI_API_KEY')?.readBy).toContain('@genkit-ai/googleai');
    expect(entry('GOOGLE_GENAI_API_KEY')?.readBy).toEqual(['@genkit-ai/googleai']);
    expect(entry('CO_API_KEY')?.readBy).toEqual(['cohere-ai']);
    expect(entry('COHERE_API_KEY')?.readBy).toContain('@langchain/cohere');
  });

  it('knows which names nothing falls back to', () => {
    expect(entry('CREWAI_API_KEY')?.noFallback).toBe(true);
    expect(entry('STRIPE_SECRET_KEY')?.noFallback).toBe(true);
    expect(entry('OPENAI_API_KEY')?.fallbackBy).toContain('openai');
    expect(entry('REPLICATE_API_TOKEN')?.fallbackBy).toEqual(['replicate']);
  });

  it('holds every env var the client catalog says an SDK reads by itself', () => {
    for (const client of CLIENTS) for (const name of client.defaultEnv ?? []) expect(names, `${client.module} ${name}`).toContain(name);
  });

  it('leaves out the misspellings seen in real code', () => {
    for (const typo of ['OPENAI_APIKEY', 'OPEN_AI_KEY', 'OPENAI_KEY', 'AZURE_OPENAI_KEY', 'REPLICATE_API_KEY', 'ANTHROPIC_KEY', 'CREW_AI_KEY', 'ANTROPIC_API_KEY']) {
      expect(names).not.toContain(typo);
    }
  });
});
