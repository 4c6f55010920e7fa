import { dirname } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { Linter, type Rule } from 'eslint';
import { classifyCreation, type Creation } from '../analysis/client-creation.js';
import { collectEnvReads } from '../analysis/env-reads.js';
import { collectImports } from '../analysis/imports.js';
import { mentionedSpecifiers } from '../codemod/module-resolution.js';
import type { ScaleAuthSettings } from '../settings.js';
import type { Place } from './types.js';

/** An SDK client built without a key: it reads one of `names` by itself (`new OpenAI()` → OPENAI_API_KEY). */
export interface SdkDefault {
  names: string[];
  provider: string;
  at: Place;
}

/** What one source file needs from the environment, and what it imports. */
export interface SourceFacts {
  reads: { name: string; at: Place }[];
  sdkDefaults: SdkDefault[];
  specifiers: string[];
  /** The parser's message when the file does not parse; nothing else is known then. */
  parseError?: string;
}

const TYPESCRIPT_FILE = /\.[cm]?tsx?$/;

/**
 * Env reads (every form the env-read analysis knows) and key-less SDK clients of one file, found
 * by linting it with a collecting rule, so the analysis sees the same scopes the rules see.
 */
export function sourceFacts(file: string, text: string, settings: ScaleAuthSettings): SourceFacts {
  const facts: SourceFacts = { reads: [], sdkDefaults: [], specifiers: mentionedSpecifiers(text) };
  const place = (node: TSESTree.Node): Place => ({ file, line: node.loc.start.line, column: node.loc.start.column + 1 });
  const collector: Rule.RuleModule = {
    create(context) {
      const sourceCode = context.sourceCode as unknown as TSESLint.SourceCode;
      const imports = collectImports(sourceCode.ast);
      const creation = (node: Creation): void => {
        const found = classifyCreation(node, { imports, sourceCode, settings });
        if (found?.implicit) facts.sdkDefaults.push({ names: found.envNames, provider: found.provider, at: place(node) });
      };
      return {
        Program() {
          for (const read of collectEnvReads(sourceCode, settings.envHelpers)) facts.reads.push({ name: read.name, at: place(read.nameNode) });
        },
        NewExpression: (node: unknown) => creation(node as Creation),
        CallExpression: (node: unknown) => creation(node as Creation),
      };
    },
  };
  // ESLint ignores files outside its working folder: the file's own folder always holds it.
  const linter = new Linter({ configType: 'flat', cwd: dirname(file) });
  const messages = linter.verify(
    text,
    [
      {
        // A pattern with an extension: ESLint does not count a bare `**/*` as matching a file.
        files: ['**/*.*'],
        languageOptions: { ...(TYPESCRIPT_FILE.test(file) ? { parser: tsParser as Linter.Parser } : {}), parserOptions: { ecmaFeatures: { jsx: true } } },
        plugins: { doctor: { rules: { collect: collector } } },
        rules: { 'doctor/collect': 'error' },
      },
    ],
    { filename: file },
  );
  const fatal = messages.find((message) => message.fatal);
  return fatal ? { reads: [], sdkDefaults: [], specifiers: facts.specifiers, parseError: `${fatal.message} (${fatal.line}:${fatal.column})` } : facts;
}
