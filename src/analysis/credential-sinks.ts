import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { propertyName, staticString, unwrapTypes } from './ast.js';
import { classifyCreation, type ClientCreation, type Creation, type CreationContext } from './client-creation.js';
import { isAuthHeaderName, isCredentialKey, isHeadersKey } from './credentials.js';
import { resolveCallee } from './imports.js';
import { findClientSpec } from '../catalog/index.js';

type Node = TSESTree.Node;

/** Where a credential ends up: a client's option or argument, or an auth header. */
export interface Sink {
  /** For messages: "the `apiKey` option of OpenAI", "an `Authorization` header". */
  description: string;
  /** Env vars the client reads by itself when this option is `undefined` (and fails, naming them, when they are missing). */
  sdkEnv: readonly string[];
}

/** How deep client options nest (`{ configuration: { defaultHeaders: { … } } }`). */
const MAX_OPTION_DEPTH = 4;

/**
 * Finds credential sinks: values that a client takes as its credential (catalog options,
 * positional credential arguments, credential-like options of generic clients) and auth header
 * values anywhere (`fetch` headers, `new Headers`, `headers.set`, default headers).
 */
export class CredentialSinks {
  private readonly creations = new Map<Creation, ClientCreation | undefined>();

  constructor(private readonly context: CreationContext) {}

  /**
   * The sink `node` is, if any. `path` is the property path still to read from `node`'s value
   * (`['apiKey']` when `node` is an options object kept in a local).
   */
  at(node: Node, path: readonly string[]): Sink | undefined {
    if (path.length === 0) {
      const header = headerAt(node);
      if (header !== undefined) return { description: `an \`${header}\` header`, sdkEnv: [] };
    }
    const parent = node.parent;
    if ((parent?.type === AST_NODE_TYPES.NewExpression || parent?.type === AST_NODE_TYPES.CallExpression) && parent.arguments.includes(node as TSESTree.CallExpressionArgument)) {
      const creation = this.classify(parent);
      if (creation?.credentials.includes(node)) return { description: `the credential argument of ${creation.clientName}`, sdkEnv: creation.spec?.defaultEnv ?? [] };
      return path.length === 1 ? this.optionsArgument(parent, path[0] ?? '') : undefined;
    }
    if (parent?.type === AST_NODE_TYPES.Property && parent.value === node) {
      const creation = enclosingCreation(parent);
      const found = creation && this.classify(creation);
      if (found?.credentials.includes(node)) return { description: `the \`${propertyName(parent) ?? 'credential'}\` option of ${found.clientName}`, sdkEnv: found.spec?.defaultEnv ?? [] };
    }
    return undefined;
  }

  /** `const options = { apiKey: key }; new OpenAI(options)`: an options object kept in a local reaches a catalog client. */
  private optionsArgument(node: Creation, option: string): Sink | undefined {
    const resolved = resolveCallee(node.callee, this.context.imports, this.context.sourceCode);
    const spec = resolved && findClientSpec(resolved.module, resolved.exportName, this.context.settings.clients);
    if (!resolved || !spec || !(spec.credentialOptions.includes(option) || isCredentialKey(option))) return undefined;
    return { description: `the \`${option}\` option of ${resolved.localName}`, sdkEnv: spec.defaultEnv ?? [] };
  }

  private classify(node: Creation): ClientCreation | undefined {
    if (!this.creations.has(node)) this.creations.set(node, classifyCreation(node, this.context));
    return this.creations.get(node);
  }
}

/** The client call whose options object holds `property`, through nested option objects. */
function enclosingCreation(property: TSESTree.Property): Creation | undefined {
  let object: Node = property.parent;
  for (let depth = 0; depth < MAX_OPTION_DEPTH; depth += 1) {
    const parent: Node | undefined = object.parent;
    if (parent?.type === AST_NODE_TYPES.NewExpression || parent?.type === AST_NODE_TYPES.CallExpression) {
      return parent.arguments.includes(object as TSESTree.CallExpressionArgument) ? parent : undefined;
    }
    if (parent?.type !== AST_NODE_TYPES.Property || parent.parent.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    object = parent.parent;
  }
  return undefined;
}

/** The header name when `node` is an auth header's value: `{ Authorization: node }`, `headers.set('x-api-key', node)`. */
function headerAt(node: Node): string | undefined {
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.Property && parent.value === node && parent.parent.type === AST_NODE_TYPES.ObjectExpression) {
    const name = propertyName(parent);
    return name !== undefined && isAuthHeaderName(name) && (!isAmbiguous(name) || isUnderHeadersKey(parent)) ? name : undefined;
  }
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[1] === node && parent.callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = propertyName(parent.callee);
    const name = staticString(parent.arguments[0]);
    return (method === 'set' || method === 'append') && name !== undefined && isAuthHeaderName(name) ? name : undefined;
  }
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === node && parent.left.type === AST_NODE_TYPES.MemberExpression) {
    const name = propertyName(parent.left);
    return name !== undefined && isAuthHeaderName(name) && (!isAmbiguous(name) || isHeadersHolder(parent.left.object)) ? name : undefined;
  }
  return undefined;
}

/** Supabase's `apikey` is a header only inside a header map; elsewhere it is a plain option. */
function isAmbiguous(name: string): boolean {
  return name.toLowerCase() === 'apikey';
}

function isUnderHeadersKey(property: TSESTree.Property): boolean {
  const holder = property.parent.parent;
  const key = holder?.type === AST_NODE_TYPES.Property ? propertyName(holder) : undefined;
  return key !== undefined && isHeadersKey(key);
}

function isHeadersHolder(node: Node): boolean {
  const holder = unwrapTypes(node);
  const name = holder.type === AST_NODE_TYPES.MemberExpression ? propertyName(holder) : holder.type === AST_NODE_TYPES.Identifier ? holder.name : undefined;
  return name !== undefined && isHeadersKey(name);
}
