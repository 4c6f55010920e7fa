import { describe, expect, it } from 'vitest';
import { compare, type Environment } from '../../src/doctor/compare.js';
import type { CodeNeeds } from '../../src/doctor/module-graph.js';

const at = (file: string, line: number) => ({ file, line });

function needs(reads: string[], extra: Partial<CodeNeeds> = {}): CodeNeeds {
  return { files: ['/a.ts'], reads: reads.map((name, index) => ({ name, at: { file: '/a.ts', line: index + 1, column: 1 } })), sdkDefaults: [], packages: new Set(), unparsed: [], ...extra };
}

function environment(injected: string[], opaque: string[] = []): Environment {
  return {
    at: at('/k8s.yaml', 1),
    injected: injected.map((name, index) => ({ name, at: at('/k8s.yaml', 10 + index), via: 'env' })),
    opaque: opaque.map((description) => ({ description, at: at('/k8s.yaml', 30) })),
  };
}

const short = (result: ReturnType<typeof compare>) => result.findings.map((finding) => `${finding.kind} ${finding.alternatives.join('|')}${finding.injected ? ` ~ ${finding.injected}` : ''} @${finding.manifest.line}`);

describe('compare', () => {
  it('reports credentials the code reads that are not injected; injected ones and non-credentials pass', () => {
    const result = compare(needs(['CREWAI_API_KEY', 'OPENAI_API_KEY', 'OPENAI_API_KEY', 'PORT', 'NEXT_PUBLIC_SUPABASE_ANON_KEY']), environment(['OPENAI_API_KEY']), []);
    expect(short(result)).toEqual(['missing CREWAI_API_KEY @1']);
    expect(result.checked).toBe(2);
  });

  it('reports a near miss either way round, with the injected look-alike, by the rule matcher', () => {
    expect(short(compare(needs(['CREWAI_API_KEY']), environment(['CREW_AI_KEY']), []))).toEqual(['near-miss CREWAI_API_KEY ~ CREW_AI_KEY @10']);
    expect(short(compare(needs(['OPENAI_APIKEY']), environment(['OPENAI_API_KEY']), []))).toEqual(['near-miss OPENAI_APIKEY ~ OPENAI_API_KEY @10']);
    expect(short(compare(needs(['GROQ_API_KEY']), environment(['GROK_API_KEY']), []))).toEqual(['missing GROQ_API_KEY @1', 'stale GROK_API_KEY @10']);
  });

  it('says a need may come from an opaque source instead of calling it missing', () => {
    const result = compare(needs(['CREWAI_API_KEY']), environment([], ['secret crew-credentials']), []);
    expect(result.findings).toMatchObject([{ kind: 'unverifiable', name: 'CREWAI_API_KEY', sources: ['secret crew-credentials'], manifest: { line: 30 } }]);
  });

  it('needs one of an SDK default set when a client is built without a key, and counts it as read', () => {
    const sdk = { names: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'], provider: 'Google Gemini', at: { file: '/a.ts', line: 9, column: 3 } };
    expect(compare(needs([], { sdkDefaults: [sdk] }), environment(['GOOGLE_API_KEY']), []).findings).toEqual([]);
    expect(compare(needs([], { sdkDefaults: [sdk, sdk] }), environment([]), []).findings).toMatchObject([
      { kind: 'missing', name: 'GEMINI_API_KEY', alternatives: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'], reads: 2, readBy: 'Google Gemini SDK client built without a key', read: { line: 9 } },
    ]);
  });

  it('reports injected credentials no code reads as stale, unless an imported SDK reads them itself', () => {
    expect(short(compare(needs([]), environment(['TAVILY_API_KEY', 'LOG_LEVEL']), []))).toEqual(['stale TAVILY_API_KEY @10']);
    expect(compare(needs([], { packages: new Set(['langsmith']) }), environment(['LANGSMITH_API_KEY']), []).findings).toEqual([]);
  });

  it('points a missing credential to the .env.example that declares it, and honours extra credential names', () => {
    const declared = [{ name: 'SERVICE_PASS_PHRASE', at: at('/.env.example', 4) }];
    expect(compare(needs(['SERVICE_PASS_PHRASE']), environment([]), declared).findings).toEqual([]);
    expect(compare(needs(['SERVICE_PASS_PHRASE']), environment([]), declared, ['SERVICE_PASS_PHRASE']).findings).toMatchObject([
      { kind: 'missing', declared: { file: '/.env.example', line: 4 } },
    ]);
  });
});
