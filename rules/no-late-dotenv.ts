import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { propertyName, staticString, unwrapValue } from '../src/analysis/ast.js';
import { collectImports, resolveCallee } from '../src/analysis/imports.js';
import { isCatalogModule } from '../src/catalog/index.js';
import { createRule } from '../src/create-rule.js';
import { mentionsDotenv } from '../src/analysis/file-gates.js';
import { readSettings } from '../src/settings.js';

type Node = TSESTree.Node;

export type Options = [
  {
    /** Package names (besides the project's own modules and catalog SDKs) that read env when imported. */
    envReadingModules?: string[];
  },
];
export type MessageIds = 'configAfterImports' | 'dotenvConfigImportNotFirst' | 'configAfterRequires';

/** Packages that load `.env` files (the dotenv-first codemod carries their imports). */
export const DOTENV_MODULES = new Set(['dotenv', '@dotenvx/dotenvx', 'dotenv-flow', 'dotenv-safe']);
/** Their side-effect entry points. */
const DOTENV_CONFIG_IMPORTS = new Set(['dotenv/config', '@dotenvx/dotenvx/config', 'dotenv-flow/config', 'dotenv-safe/config']);

/** The project's own modules: relative paths and the usual path aliases (`@/`, `~/`, `#`, `src/`). */
function isProjectModule(source: string): boolean {
  return /^(\.{1,2}\/|\/|@\/|~\/|#|src\/)/.test(source) || source === '.' || source === '..';
}

export default createRule<Options, MessageIds>({
  name: 'no-late-dotenv',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow loading .env after imports that may already read the environment',
      recommended: true,
      codemod: 'dotenv-first',
    },
    messages: {
      configAfterImports:
        '`{{call}}` runs after every import of this module, because ES imports are hoisted: {{modules}} already ran and read the environment before `.env` was loaded. ' +
        "Load it first with `import 'dotenv/config'` as the first import (codemod: dotenv-first).",
      dotenvConfigImportNotFirst:
        "`import '{{source}}'` comes after {{modules}}, which run first and may read the environment before `.env` is loaded: make it the first import (codemod: dotenv-first).",
      configAfterRequires:
        '`{{call}}` runs after `require` of {{modules}}, which may read the environment when loaded: call it before them (codemod: dotenv-first).',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          envReadingModules: {
            type: 'array',
            items: { type: 'string' },
            description: 'Packages, besides the project\'s own modules and the catalog\'s SDKs, that read the environment when imported.',
          },
        },
      },
    ],
    defaultOptions: [{ envReadingModules: [] }],
  },
  defaultOptions: [{ envReadingModules: [] }],
  create(context, [options]) {
    const { sourceCode } = context;
    const program = sourceCode.ast;
    if (!mentionsDotenv(sourceCode.text)) return {};
    const settings = readSettings(context.settings);
    const extra = new Set(options.envReadingModules ?? []);
    const mayReadEnv = (source: string): boolean =>
      isProjectModule(source) || extra.has(source) || isCatalogModule(source, settings.clients);

    const imports = collectImports(program);
    /** Value imports of modules that may read env when they load, in source order. */
    const envReadingImports = program.body.filter(
      (statement): statement is TSESTree.ImportDeclaration =>
        statement.type === AST_NODE_TYPES.ImportDeclaration &&
        statement.importKind !== 'type' &&
        !(statement.specifiers.length > 0 && statement.specifiers.every((s) => s.type === AST_NODE_TYPES.ImportSpecifier && s.importKind === 'type')) &&
        mayReadEnv(statement.source.value),
    );
    const moduleList = (statements: readonly TSESTree.ImportDeclaration[]): string =>
      listModules(statements.map((statement) => statement.source.value));

    return {
      ImportDeclaration(node) {
        if (!DOTENV_CONFIG_IMPORTS.has(node.source.value)) return;
        const before = envReadingImports.filter((statement) => statement.range[0] < node.range[0]);
        if (before.length === 0) return;
        context.report({ node, messageId: 'dotenvConfigImportNotFirst', data: { source: node.source.value, modules: moduleList(before) } });
      },
      CallExpression(node) {
        if (!isTopLevelStatement(node) || !isDotenvConfigCall(node)) return;
        if (program.sourceType === 'module' && hasEsmImports(program)) {
          if (envReadingImports.length === 0) return;
          context.report({ node, messageId: 'configAfterImports', data: { call: callText(node), modules: moduleList(envReadingImports) } });
          return;
        }
        const earlier = requiresBefore(program, node).filter(mayReadEnv);
        if (earlier.length === 0) return;
        context.report({ node, messageId: 'configAfterRequires', data: { call: callText(node), modules: listModules(earlier) } });
      },
    };

    /** `dotenv.config()`, `config()` imported from dotenv, `require('dotenv').config()`, `require('dotenv/config')`. */
    function isDotenvConfigCall(node: TSESTree.CallExpression): boolean {
      if (node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'require') {
        return DOTENV_CONFIG_IMPORTS.has(staticString(node.arguments[0]) ?? '');
      }
      const resolved = resolveCallee(node.callee, imports, sourceCode);
      if (resolved) return DOTENV_MODULES.has(resolved.module) && resolved.exportName === 'config';
      const callee = unwrapValue(node.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || propertyName(callee) !== 'config') return false;
      const object = unwrapValue(callee.object);
      const resolvedObject = resolveCallee(object, imports, sourceCode);
      return resolvedObject !== undefined && DOTENV_MODULES.has(resolvedObject.module) && resolvedObject.exportName === 'default';
    }

    function callText(node: TSESTree.CallExpression): string {
      return `${sourceCode.getText(node.callee)}()`;
    }
  },
});

function listModules(sources: readonly string[]): string {
  const quoted = [...new Set(sources)].map((source) => `'${source}'`);
  return quoted.length > 3 ? `${quoted.slice(0, 3).join(', ')} and ${quoted.length - 3} more` : quoted.join(', ');
}

function hasEsmImports(program: TSESTree.Program): boolean {
  return program.body.some((statement) => statement.type === AST_NODE_TYPES.ImportDeclaration);
}

/** A call that is (part of) a top-level statement: `dotenv.config();`, `const env = config();`. */
function isTopLevelStatement(node: Node): boolean {
  let current: Node = node;
  while (current.parent && current.parent.type !== AST_NODE_TYPES.Program) {
    const parent: Node = current.parent;
    if (
      parent.type !== AST_NODE_TYPES.ExpressionStatement &&
      parent.type !== AST_NODE_TYPES.VariableDeclarator &&
      parent.type !== AST_NODE_TYPES.VariableDeclaration &&
      parent.type !== AST_NODE_TYPES.MemberExpression &&
      parent.type !== AST_NODE_TYPES.ChainExpression &&
      parent.type !== AST_NODE_TYPES.AwaitExpression &&
      parent.type !== AST_NODE_TYPES.ExportNamedDeclaration
    ) {
      return false;
    }
    current = parent;
  }
  return current.parent?.type === AST_NODE_TYPES.Program;
}

/** Modules `require`d by top-level statements before `node`'s statement. */
function requiresBefore(program: TSESTree.Program, node: Node): string[] {
  const sources: string[] = [];
  for (const statement of program.body) {
    if (statement.range[0] >= node.range[0]) break;
    collectRequires(statement, sources);
  }
  return sources;
}

function collectRequires(node: Node, sources: string[]): void {
  if (
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.Identifier &&
    node.callee.name === 'require'
  ) {
    const source = staticString(node.arguments[0]);
    if (source !== undefined) sources.push(source);
    return;
  }
  if (node.type === AST_NODE_TYPES.ExpressionStatement) collectRequires(node.expression, sources);
  else if (node.type === AST_NODE_TYPES.VariableDeclaration) for (const declarator of node.declarations) declarator.init && collectRequires(declarator.init, sources);
  else if (node.type === AST_NODE_TYPES.MemberExpression) collectRequires(node.object, sources);
  else if (node.type === AST_NODE_TYPES.CallExpression) collectRequires(node.callee, sources);
  else if (node.type === AST_NODE_TYPES.AssignmentExpression) collectRequires(node.right, sources);
}
