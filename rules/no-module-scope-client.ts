import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunction, type FunctionNode, propertyName, rootIdentifier, unwrapTypes, unwrapValue, walk, walkEvaluated } from '../src/analysis/ast.js';
import { classifyCreation, type ClientCreation, type Creation, type CreationContext } from '../src/analysis/client-creation.js';
import { isAuthHeaderName, isCredentialEnvName, isHeadersKey } from '../src/analysis/credentials.js';
import { envReadsIn } from '../src/analysis/env-reads.js';
import { collectImports } from '../src/analysis/imports.js';
import { moduleBinding, type ModuleBinding } from '../src/analysis/module-binding.js';
import { describeFunction, isEvaluatedAtModuleScope, outermostFunction } from '../src/analysis/module-scope.js';
import { mayCreateClient } from '../src/analysis/file-gates.js';
import { isAllowedFile } from '../src/allow.js';
import { createRule } from '../src/create-rule.js';
import { readSettings } from '../src/settings.js';

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;

export type Options = [
  {
    /** Globs (relative to the working directory) of files where module-scope clients are intended. */
    allow?: string[];
    /** Report SDKs built without a key that read their env var by themselves (`new OpenAI()`). */
    implicitCredentials?: boolean;
  },
];
export type MessageIds = 'moduleScopeClient' | 'derivedHandle' | 'createdAtLoad' | 'headerObject' | 'capturedToken';

const WHY = 'In a scaled worker, job or serverless instance that credential can be missing, stale or belong to another tenant';

export default createRule<Options, MessageIds>({
  name: 'no-module-scope-client',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow authenticated clients, auth headers and captured tokens created once at module load',
      recommended: true,
      codemod: 'client-factory',
    },
    messages: {
      moduleScopeClient:
        '`{{binding}}` ({{client}}, {{provider}}) is built once when the module loads, with {{credential}}, and reused by {{users}}. ' +
        WHY + ': create it inside the function that does the work (codemod: client-factory).',
      derivedHandle:
        '`{{binding}}` is built at module load from the module-scope client `{{client}}` ({{credential}}) and reused by {{users}}. ' +
        WHY + ': derive it per execution from a client created there (codemod: client-factory).',
      createdAtLoad:
        '`{{binding}}` runs `{{client}}`, which builds an authenticated {{provider}} client with {{credential}}, once when the module loads; it is reused by {{users}}. ' +
        WHY + ': create it inside the function that does the work (codemod: client-factory).',
      headerObject:
        '`{{binding}}` holds an {{header}} header built from {{credential}} once when the module loads, reused by {{users}}. ' +
        WHY + ': build the header when the request is made (codemod: client-factory).',
      capturedToken:
        '`{{binding}}` captures {{credential}} once when the module loads and is used for an {{header}} header in {{users}}. ' +
        WHY + ': read it when the request is made (codemod: client-factory).',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allow: {
            type: 'array',
            items: { type: 'string' },
            description: 'Globs of files where module-scope clients are intended (a composition root, an examples folder).',
          },
          implicitCredentials: {
            type: 'boolean',
            description: 'Also report SDK clients built without a key that read their own env var (`new OpenAI()`).',
          },
        },
      },
    ],
    defaultOptions: [{ allow: [], implicitCredentials: true }],
  },
  defaultOptions: [{ allow: [], implicitCredentials: true }],
  create(context, [options]) {
    const { sourceCode } = context;
    const settings = readSettings(context.settings);
    // Cheapest first: a text test, before globs are matched or imports collected.
    if (!mayCreateClient(sourceCode.text, settings.clients)) return {};
    if (isAllowedFile(context.filename, context.cwd, options.allow ?? [])) return {};
    const imports = collectImports(sourceCode.ast);

    const creationContext: CreationContext = { imports, sourceCode, settings };
    /** Top-level functions and classes that build a client when called or instantiated (found on demand). */
    const builtBy = new Map<Node, ClientCreation | undefined>();

    /** The client a top-level builder (function, class, IIFE) creates directly in its body, if any. */
    function builderCreation(builder: Node): ClientCreation | undefined {
      if (!BUILDER_TYPES.has(builder.type)) return undefined;
      if (builtBy.has(builder)) return builtBy.get(builder);
      let found: ClientCreation | undefined;
      walk(builder, (node) => {
        if (found) return false;
        if (node.type !== AST_NODE_TYPES.NewExpression && node.type !== AST_NODE_TYPES.CallExpression) return undefined;
        if (isEvaluatedAtModuleScope(node) || topLevelBuilder(node) !== builder) return undefined;
        const creation = classifyCreation(node, creationContext);
        if (creation && (options.implicitCredentials !== false || !creation.implicit)) found = creation;
        return undefined;
      });
      builtBy.set(builder, found);
      return found;
    }

    function variableOf(identifier: TSESTree.Identifier): Variable | null {
      return ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
    }

    /** Who uses a binding, for the message: function names, or importers when exported. */
    function describeUsers(binding: ModuleBinding): string {
      const names = new Set<string>();
      let atModuleScope = false;
      const variables = binding.declarator ? sourceCode.getDeclaredVariables(binding.declarator) : [];
      for (const variable of variables) {
        for (const reference of variable.references) {
          if (reference.init) continue;
          const owner = outermostFunction(reference.identifier);
          if (owner) names.add(describeFunction(owner));
          else atModuleScope = true;
        }
      }
      const list = [...names];
      const parts: string[] = [];
      if (list.length > 0) parts.push(list.length > 3 ? `${list.slice(0, 3).join(', ')} and ${list.length - 3} more` : list.join(', '));
      if (atModuleScope) parts.push('other module-scope code');
      if (binding.exported) parts.push('the modules that import it');
      return parts.length > 0 ? parts.join(' and ') : 'every call in this process';
    }

    function credentialText(envNames: readonly string[], implicit: boolean, hasHardcoded: boolean): string {
      if (envNames.length > 0) {
        const names = envNames.join(', ');
        return implicit ? `${names}, which the SDK reads by itself` : names;
      }
      return hasHardcoded ? 'a hard-coded credential' : 'its credential';
    }

    const reportedVariables = new Map<Variable, ClientCreation>();
    const reportedHeaderObjects = new Set<Node>();

    function remember(binding: ModuleBinding, creation: ClientCreation): void {
      if (!binding.declarator) return;
      for (const variable of sourceCode.getDeclaredVariables(binding.declarator)) reportedVariables.set(variable, creation);
    }

    function reportCreation(creation: ClientCreation, binding: ModuleBinding, messageId: MessageIds, clientLabel: string): void {
      remember(binding, creation);
      const hardcoded = creation.credentials.some((value) => unwrapTypes(value).type === AST_NODE_TYPES.Literal);
      context.report({
        node: creation.node,
        messageId,
        data: {
          binding: binding.name,
          client: clientLabel,
          provider: creation.provider,
          credential: credentialText(creation.envNames, creation.implicit, hardcoded),
          envVar: creation.envNames.join(','),
          users: describeUsers(binding),
          exported: String(binding.exported),
          hardcoded: String(hardcoded),
        },
      });
    }

    /** A module-scope client referenced by `node` when it is evaluated (`pc.index()`, `{ llm: model }`). */
    function referencedClient(node: Creation): { variable: Variable; creation: ClientCreation } | undefined {
      if (reportedVariables.size === 0) return undefined; // clients are reported in source order: none yet, none to derive from
      const roots: TSESTree.Identifier[] = [];
      const calleeRoot = rootIdentifier(node.callee);
      if (calleeRoot) roots.push(calleeRoot);
      for (const argument of node.arguments) {
        walkEvaluated(argument, (child) => {
          if (child.type === AST_NODE_TYPES.Identifier) roots.push(child);
          if (child.type === AST_NODE_TYPES.MemberExpression && child.computed === false) {
            walkEvaluated(child.object, (inner) => void (inner.type === AST_NODE_TYPES.Identifier && roots.push(inner)));
            return false;
          }
          return undefined;
        });
      }
      for (const identifier of roots) {
        const variable = variableOf(identifier);
        const creation = variable && reportedVariables.get(variable);
        if (variable && creation) return { variable, creation };
      }
      return undefined;
    }

    /** Reports `node` when it builds a client (directly, derived, or through a local builder); true if reported. */
    function checkModuleScopeCreation(node: Creation): boolean {
      const binding = moduleBinding(node, sourceCode);
      const creation = classifyCreation(node, creationContext);
      if (creation && (creation.spec || binding)) {
        if (creation.implicit && options.implicitCredentials === false) return false;
        reportCreation(creation, binding ?? { name: 'an unnamed value', exported: false }, 'moduleScopeClient', creation.clientName);
        return true;
      }
      if (!binding) return false;
      const derived = referencedClient(node);
      if (derived) {
        reportCreation({ ...derived.creation, node }, binding, 'derivedHandle', derived.variable.name);
        return true;
      }
      const callee = unwrapTypes(node.callee);
      if (isFunction(callee)) {
        const built = builderCreation(callee);
        if (!built) return false;
        reportCreation({ ...built, node }, binding, 'createdAtLoad', iifeLabel(callee));
        return true;
      }
      if (callee.type !== AST_NODE_TYPES.Identifier) return false;
      const definition = variableOf(callee)?.defs[0]?.node;
      const built = definition && builderCreation(definition);
      if (!built) return false;
      reportCreation({ ...built, node }, binding, 'createdAtLoad', callee.name);
      return true;
    }

    /** Module-scope header maps with an auth header built from the env or a captured credential. */
    function checkHeaderProperty(property: TSESTree.Property): void {
      const object = property.parent as TSESTree.ObjectExpression;
      if (reportedHeaderObjects.has(object) || insideReportedCreation(object)) return;
      const names = envNamesBehind(property.value);
      if (names.length === 0) return;
      const binding = moduleBinding(headerHolder(object), sourceCode);
      if (!binding) return;
      reportedHeaderObjects.add(object);
      context.report({
        node: object,
        messageId: 'headerObject',
        data: {
          binding: binding.name,
          header: propertyName(property) ?? 'auth',
          credential: names.join(', '),
          users: describeUsers(binding),
          envVar: names.join(','),
          client: '',
          provider: '',
          exported: String(binding.exported),
        },
      });
    }

    /** `axios.defaults.headers.common.Authorization = `Bearer ${process.env.TOKEN}`` at load time. */
    function checkHeaderAssignment(node: HeaderAssignment): void {
      const names = envNamesBehind(node.right);
      if (names.length === 0) return;
      const binding: ModuleBinding = { name: sourceCode.getText(node.left.object), exported: false };
      context.report({
        node,
        messageId: 'headerObject',
        data: {
          binding: binding.name,
          header: propertyName(node.left) ?? 'auth',
          credential: names.join(', '),
          users: describeUsers(binding),
          envVar: names.join(','),
          client: '',
          provider: '',
          exported: 'false',
        },
      });
    }

    /** `new Headers({...})` and `Object.freeze({...})` hold the literal they wrap. */
    function headerHolder(object: Node): Node {
      const parent = object.parent;
      if ((parent?.type === AST_NODE_TYPES.NewExpression || parent?.type === AST_NODE_TYPES.CallExpression) && parent.arguments[0] === object) {
        const name = parent.callee.type === AST_NODE_TYPES.Identifier ? parent.callee.name : parent.callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(parent.callee) : undefined;
        if (name === 'Headers' || name === 'freeze') return parent;
      }
      return object;
    }

    function insideReportedCreation(node: Node): boolean {
      for (let current = node.parent; current; current = current.parent) {
        if ((current.type === AST_NODE_TYPES.NewExpression || current.type === AST_NODE_TYPES.CallExpression) && reportedCreations.has(current)) return true;
      }
      return false;
    }

    /** Env vars a header value is built from: direct reads, or module constants captured from the env. */
    function envNamesBehind(value: Node): string[] {
      const names = new Set(envReadsIn(value).map((read) => read.name));
      walkEvaluated(value, (child) => {
        if (child.type !== AST_NODE_TYPES.Identifier) return;
        const captured = capturedEnvName(child);
        if (captured) names.add(captured);
      });
      return [...names];
    }

    /** `X` declared at module scope as `process.env.NAME` (with `??`, `!`, `as`): NAME. */
    function capturedEnvName(identifier: TSESTree.Identifier): string | undefined {
      const definition = variableOf(identifier)?.defs[0]?.node;
      if (definition?.type !== AST_NODE_TYPES.VariableDeclarator || !definition.init) return undefined;
      if (!isEvaluatedAtModuleScope(definition)) return undefined;
      const reads = envReadsIn(definition.init);
      return reads.length === 1 ? reads[0]?.name : undefined;
    }

    /** Module-scope tokens captured from the env and used for an auth header inside functions. */
    function checkCapturedTokens(headerProperties: readonly TSESTree.Property[]): void {
      const reported = new Set<Node>();
      for (const property of headerProperties) {
        if (reportedHeaderObjects.has(property.parent as Node)) continue;
        walkEvaluated(property.value, (child) => {
          if (child.type !== AST_NODE_TYPES.Identifier) return;
          const variable = variableOf(child);
          const definition = variable?.defs[0]?.node;
          if (!variable || definition?.type !== AST_NODE_TYPES.VariableDeclarator || !definition.init || reported.has(definition)) return;
          if (!isEvaluatedAtModuleScope(definition) || reportedVariables.has(variable)) return;
          const name = capturedCredentialEnv(definition);
          if (!name) return;
          reported.add(definition);
          const binding: ModuleBinding = { name: variable.name, declarator: definition, exported: false };
          context.report({
            node: definition.init,
            messageId: 'capturedToken',
            data: {
              binding: variable.name,
              credential: name,
              header: propertyName(property) ?? 'auth',
              users: describeUsers(binding),
              envVar: name,
              client: '',
              provider: '',
              exported: String(definition.parent.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration),
            },
          });
        });
      }
    }

    const reportedCreations = new Set<Node>();

    // Only what runs at load time can be reported: one walk of module-scope code (function bodies are
    // entered only for builders and captured tokens, on demand) instead of listeners on every node.
    return {
      'Program:exit'(program) {
        const moduleScope = scanModuleScope(program);
        for (const node of moduleScope.creations) if (checkModuleScopeCreation(node)) reportedCreations.add(node);
        for (const property of moduleScope.headerProperties) checkHeaderProperty(property);
        for (const assignment of moduleScope.headerAssignments) checkHeaderAssignment(assignment);
        if (moduleScope.declarators.some((declarator) => capturedCredentialEnv(declarator) !== undefined)) checkCapturedTokens(authHeaderProperties(program));
      },
    };
  },
});

/** What `topLevelBuilder` can return: checked before walking a callee's body. */
const BUILDER_TYPES = new Set<string>([
  AST_NODE_TYPES.FunctionDeclaration, AST_NODE_TYPES.FunctionExpression, AST_NODE_TYPES.ArrowFunctionExpression,
  AST_NODE_TYPES.VariableDeclarator, AST_NODE_TYPES.ClassDeclaration,
]);

interface ModuleScopeCode {
  creations: Creation[];
  headerProperties: TSESTree.Property[];
  headerAssignments: HeaderAssignment[];
  declarators: TSESTree.VariableDeclarator[];
}

/** Calls, auth header properties and assignments, and variable declarations that run when the module loads. */
function scanModuleScope(program: TSESTree.Program): ModuleScopeCode {
  const found: ModuleScopeCode = { creations: [], headerProperties: [], headerAssignments: [], declarators: [] };
  walkEvaluated(program, (node) => {
    switch (node.type) {
      case AST_NODE_TYPES.NewExpression:
      case AST_NODE_TYPES.CallExpression:
        if (isEvaluatedAtModuleScope(node)) found.creations.push(node);
        break;
      case AST_NODE_TYPES.Property:
        if (isAuthHeaderProperty(node) && isEvaluatedAtModuleScope(node)) found.headerProperties.push(node);
        break;
      case AST_NODE_TYPES.AssignmentExpression:
        if (isAuthHeaderAssignment(node) && isEvaluatedAtModuleScope(node)) found.headerAssignments.push(node);
        break;
      case AST_NODE_TYPES.VariableDeclarator:
        if (isEvaluatedAtModuleScope(node)) found.declarators.push(node);
        break;
    }
  });
  return found;
}

/** Every auth header property in the file, inside functions too (where captured tokens are used). */
function authHeaderProperties(program: TSESTree.Program): TSESTree.Property[] {
  const found: TSESTree.Property[] = [];
  walk(program, (node) => void (node.type === AST_NODE_TYPES.Property && isAuthHeaderProperty(node) && found.push(node)));
  return found;
}

/** `{ Authorization: … }`, `{ 'x-api-key': … }`, and Supabase's `apikey` only inside a header map. */
function isAuthHeaderProperty(node: TSESTree.Property): boolean {
  if (node.parent.type !== AST_NODE_TYPES.ObjectExpression) return false;
  const name = propertyName(node);
  if (name === undefined || !isAuthHeaderName(name)) return false;
  return name.toLowerCase() !== 'apikey' || isUnderHeadersKey(node);
}

/** A default header set on a shared HTTP client at load time is a header object too. */
function isAuthHeaderAssignment(node: TSESTree.AssignmentExpression): node is HeaderAssignment {
  if (node.operator !== '=' || node.left.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = propertyName(node.left);
  if (name === undefined || !isAuthHeaderName(name)) return false;
  return name.toLowerCase() !== 'apikey' || isHeadersHolder(node.left.object);
}

/** `const TOKEN = process.env.API_TOKEN ?? ''`: the credential env var a constant captures, if it captures one. */
function capturedCredentialEnv(declarator: TSESTree.VariableDeclarator): string | undefined {
  if (!declarator.init) return undefined;
  const reads = envReadsIn(declarator.init);
  const name = reads.length === 1 ? reads[0]?.name : undefined;
  return name !== undefined && isCredentialEnvName(name) && isBareRead(declarator.init) ? name : undefined;
}

/** `process.env.X`, optionally with `?? ''`, `|| ''`, `!`, `as string`, `.trim()`: just the captured value. */
function isBareRead(init: Node): boolean {
  const value = unwrapValue(init);
  if (value.type === AST_NODE_TYPES.LogicalExpression) return isBareRead(value.left) && unwrapTypes(value.right).type === AST_NODE_TYPES.Literal;
  if (value.type === AST_NODE_TYPES.CallExpression && value.callee.type === AST_NODE_TYPES.MemberExpression) return isBareRead(value.callee.object);
  return envReadsIn(value).length === 1 && value.type !== AST_NODE_TYPES.ObjectExpression;
}

type HeaderAssignment = TSESTree.AssignmentExpression & { left: TSESTree.MemberExpression };

/** `x.headers.apikey = …`, `headers.apikey = …`: an object that is a header map by its name. */
function isHeadersHolder(node: Node): boolean {
  const holder = unwrapTypes(node);
  const name = holder.type === AST_NODE_TYPES.MemberExpression ? propertyName(holder) : holder.type === AST_NODE_TYPES.Identifier ? holder.name : undefined;
  return name !== undefined && isHeadersKey(name);
}

/** `{ headers: { apikey } }`: Supabase's `apikey` is a header only inside a header map. */
function isUnderHeadersKey(property: TSESTree.Property): boolean {
  const holder = property.parent.parent;
  const key = holder?.type === AST_NODE_TYPES.Property ? propertyName(holder) : undefined;
  return key !== undefined && isHeadersKey(key);
}

/**
 * The top-level function, or top-level class, that builds a client directly in its body
 * (constructor, instance field, or plain function): `export default new LlmService()` and
 * `const client = getClient()` then build it at load time.
 */
function topLevelBuilder(node: Node): Node | undefined {
  let fn: Node | undefined;
  let current: Node | undefined = node.parent;
  for (; current; current = current.parent) {
    if (isFunction(current)) {
      fn = current;
      break;
    }
    if (current.type === AST_NODE_TYPES.PropertyDefinition && !current.static) {
      const owner = current.parent.parent;
      return owner?.type === AST_NODE_TYPES.ClassDeclaration && isTopLevel(owner) ? owner : undefined;
    }
  }
  if (!fn) return undefined;
  const parent = fn.parent;
  // An IIFE runs where it is written: `export const c = (() => new OpenAI())()` builds at load time
  // when the call itself is at module scope (checked where the call is reported).
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === fn) return fn;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return isTopLevel(fn) ? fn : undefined;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && isTopLevel(parent.parent)) return parent;
  if (parent?.type === AST_NODE_TYPES.MethodDefinition && parent.kind === 'constructor') {
    const owner = parent.parent.parent;
    return owner?.type === AST_NODE_TYPES.ClassDeclaration && isTopLevel(owner) ? owner : undefined;
  }
  return undefined;
}

/** How an IIFE is named in messages: `(() => …)()`, `(async () => …)()`, `(function () { … })()`. */
function iifeLabel(fn: FunctionNode): string {
  const prefix = fn.async ? 'async ' : '';
  return fn.type === AST_NODE_TYPES.ArrowFunctionExpression ? `(${prefix}() => …)()` : `(${prefix}function () { … })()`;
}

function isTopLevel(node: Node): boolean {
  const parent = node.parent;
  return parent?.type === AST_NODE_TYPES.Program || (parent?.type === AST_NODE_TYPES.ExportNamedDeclaration || parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) && parent.parent?.type === AST_NODE_TYPES.Program;
}
