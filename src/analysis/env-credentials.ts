import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, propertyName, staticString, unwrapTypes, unwrapValue } from './ast.js';
import { constInit } from './const-init.js';
import { envReadName } from './env-reads.js';

type Node = TSESTree.Node;

const DEFAULT_ENV_HELPERS = ['requireEnv', 'getEnv', 'mustGetEnv', 'readEnv', 'getRequiredEnv', 'requiredEnv', 'mustEnv'];
const MAX_DEPTH = 5;

/** Service credentials from the environment, which a job may carry: the opposite of a user's token. */
export class EnvCredentials {
  private readonly helpers: Set<string>;

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    envHelpers: readonly string[],
  ) {
    this.helpers = new Set([...DEFAULT_ENV_HELPERS, ...envHelpers]);
  }

  /** A service credential from the environment: `process.env.X`, `requireEnv("X")`, `env.API_KEY`, or a local or constant holding one. */
  isFromEnv(node: Node, depth = 0): boolean {
    const value = unwrapValue(node);
    if (depth > MAX_DEPTH) return false;
    if (envReadName(value) !== undefined) return true;
    switch (value.type) {
      case AST_NODE_TYPES.CallExpression: {
        const name = calleeName(value.callee);
        return name !== undefined && this.helpers.has(name) && staticString(value.arguments[0]) !== undefined;
      }
      case AST_NODE_TYPES.MemberExpression: {
        const name = propertyName(value);
        if (name !== undefined && /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(name)) return true;
        const object = unwrapValue(value.object);
        const init = object.type === AST_NODE_TYPES.Identifier ? constInit(object, this.sourceCode) : undefined;
        const literal = init && unwrapTypes(init);
        if (literal?.type !== AST_NODE_TYPES.ObjectExpression) return false;
        const property = literal.properties.find((candidate): candidate is TSESTree.Property => candidate.type === AST_NODE_TYPES.Property && propertyName(candidate) === name);
        return property !== undefined && this.isFromEnv(property.value, depth + 1);
      }
      case AST_NODE_TYPES.TemplateLiteral:
        return value.expressions.length > 0 && value.expressions.every((expression) => this.isFromEnv(expression, depth + 1));
      case AST_NODE_TYPES.LogicalExpression:
        return this.isFromEnv(value.left, depth + 1) && (unwrapTypes(value.right).type === AST_NODE_TYPES.Literal || this.isFromEnv(value.right, depth + 1));
      case AST_NODE_TYPES.ConditionalExpression:
        return this.isFromEnv(value.consequent, depth + 1) && this.isFromEnv(value.alternate, depth + 1);
      case AST_NODE_TYPES.Identifier: {
        const init = constInit(value, this.sourceCode);
        return init !== undefined && this.isFromEnv(init, depth + 1);
      }
      default:
        return false;
    }
  }}
