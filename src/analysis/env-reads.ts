import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { propertyName, rootIdentifier, staticString, unwrapTypes, valueParent, walk, walkEvaluated } from './ast.js';
import { perFile } from './per-file.js';

type Node = TSESTree.Node;

/** `process.env`, `import.meta.env`, `Bun.env`: the objects whose properties are env vars. */
export function isEnvObject(node: Node): boolean {
  const target = unwrapTypes(node);
  if (target.type !== AST_NODE_TYPES.MemberExpression || propertyName(target) !== 'env') return false;
  const object = unwrapTypes(target.object);
  if (object.type === AST_NODE_TYPES.Identifier) return object.name === 'process' || object.name === 'Bun';
  return object.type === AST_NODE_TYPES.MetaProperty && object.meta.name === 'import' && object.property.name === 'meta';
}

/**
 * The env var name `node` reads, if it is a direct read with a constant name:
 * `process.env.X`, `process.env['X']`, `import.meta.env.X`, `Bun.env.X`, `Deno.env.get('X')`.
 */
export function envReadName(node: Node): string | undefined {
  const target = unwrapTypes(node);
  if (target.type === AST_NODE_TYPES.MemberExpression) {
    return isEnvObject(target.object) ? propertyName(target) : undefined;
  }
  if (target.type === AST_NODE_TYPES.CallExpression && target.arguments.length === 1) {
    const callee = unwrapTypes(target.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || propertyName(callee) !== 'get') return undefined;
    const env = unwrapTypes(callee.object);
    if (env.type !== AST_NODE_TYPES.MemberExpression || propertyName(env) !== 'env') return undefined;
    const deno = unwrapTypes(env.object);
    if (deno.type === AST_NODE_TYPES.Identifier && deno.name === 'Deno') return staticString(target.arguments[0]);
  }
  return undefined;
}

/** Every constant-named env read evaluated by `root` (not inside nested functions), in source order. */
export function envReadsIn(root: Node): { node: Node; name: string }[] {
  const reads: { node: Node; name: string }[] = [];
  walkEvaluated(root, (node) => {
    if (node.type !== AST_NODE_TYPES.MemberExpression && node.type !== AST_NODE_TYPES.CallExpression) return;
    const name = envReadName(node);
    if (name === undefined) return;
    reads.push({ node, name });
    return false;
  });
  return reads;
}

/** How a read spells the variable's name, which decides how a rename is written. */
export type EnvReadForm =
  /** `process.env.X`, `import.meta.env.X`, `Bun.env.X`, `env.X` through an alias. */
  | 'member'
  /** `process.env['X']`, ``process.env[`X`]``. */
  | 'computed'
  /** `const { X, Y: y = '' } = process.env`. */
  | 'destructured'
  /** `Deno.env.get('X')`. */
  | 'get-call'
  /** SvelteKit's `import { X } from '$env/static/private'`. */
  | 'import'
  /** A helper named in settings: `requireEnv('X')`. */
  | 'helper';

export interface EnvRead {
  name: string;
  form: EnvReadForm;
  /** The node that spells the name: a property, a string, a destructured key, an imported name, a helper's argument. */
  nameNode: Node;
  /** The whole read: the member or call expression, the destructuring property, the import specifier. */
  node: Node;
}

/** `requireEnv` is what the client-factory codemod generates: its reads stay visible after a migration. */
const DEFAULT_ENV_HELPERS = ['requireEnv'];

/** SvelteKit's env modules: static ones export each variable, dynamic ones an `env` object. */
const SVELTEKIT_STATIC = new Set(['$env/static/private', '$env/static/public']);
const SVELTEKIT_DYNAMIC = new Set(['$env/dynamic/private', '$env/dynamic/public']);

/** Cheap test for a file worth walking. */
const ENV_HINT = /\benv\b|\$env\//;

/**
 * Every env read with a constant name in the file, in source order: all the forms of `EnvReadForm`,
 * through aliases (`const env = process.env`, `const { env } = process`, SvelteKit's dynamic `env`).
 * Writes (`process.env.X = …`, `delete process.env.X`) and computed names that are not constant are
 * skipped, not guessed. `helpers` are the function names of `settings['scale-auth'].envHelpers`.
 */
export function collectEnvReads(sourceCode: Readonly<TSESLint.SourceCode>, helpers: readonly string[] = []): readonly EnvRead[] {
  return envReadsOfFile(sourceCode, helpers);
}

/** Two rules and doctor ask for the same file's reads: walked once per helper list. */
const envReadsOfFile = perFile(findEnvReads);

function findEnvReads(sourceCode: Readonly<TSESLint.SourceCode>, helpers: readonly string[]): EnvRead[] {
  const helperNames = new Set([...DEFAULT_ENV_HELPERS, ...helpers]);
  const text = sourceCode.text;
  if (!ENV_HINT.test(text) && ![...helperNames].some((helper) => text.includes(helper))) return [];
  const reads: EnvRead[] = [];
  const isGlobal = (identifier: TSESTree.Identifier): boolean =>
    (ASTUtils.findVariable(sourceCode.getScope(identifier), identifier)?.defs.length ?? 0) === 0;

  /** What is read from `expression`, an env object (`kind: 'object'`) or `Deno.env` (`kind: 'deno'`). */
  const usesOf = (expression: Node, kind: 'object' | 'deno'): void => {
    const { parent, child } = valueParent(expression);
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === child) {
      if (kind === 'deno') {
        const call = parent.parent;
        const name = call?.type === AST_NODE_TYPES.CallExpression && call.callee === parent && propertyName(parent) === 'get' ? staticString(call.arguments[0]) : undefined;
        if (name !== undefined && call?.type === AST_NODE_TYPES.CallExpression && call.arguments[0]) reads.push({ name, form: 'get-call', nameNode: call.arguments[0], node: call });
        return;
      }
      const name = propertyName(parent);
      if (name === undefined || isWriteOrCall(parent)) return;
      reads.push({ name, form: parent.computed ? 'computed' : 'member', nameNode: parent.property, node: parent });
    } else if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === child) {
      if (parent.id.type === AST_NODE_TYPES.Identifier) aliasUses(parent, parent.id.name, kind);
      else if (kind === 'object') destructured(parent.id);
    } else if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === child && kind === 'object') {
      destructured(parent.left);
    }
  };

  const destructured = (pattern: Node): void => {
    if (pattern.type !== AST_NODE_TYPES.ObjectPattern) return;
    for (const property of pattern.properties) {
      if (property.type !== AST_NODE_TYPES.Property) continue;
      const name = propertyName(property);
      if (name !== undefined) reads.push({ name, form: 'destructured', nameNode: property.key, node: property });
    }
  };

  /** Reads through a variable that holds an env object. */
  const aliasUses = (declaration: Node, local: string, kind: 'object' | 'deno'): void => {
    const variable = sourceCode.getDeclaredVariables(declaration).find((candidate) => candidate.name === local);
    for (const reference of variable?.references ?? []) if (!reference.init && reference.isRead()) usesOf(reference.identifier, kind);
  };

  const mentions = mentionOffsets(text, [...helperNames].map((helper) => helper.split('.').at(-1) ?? helper));
  walk(sourceCode.ast, (node) => {
    // Every read spells `env` (or a helper's name) inside its own range: skip subtrees that spell neither.
    if (!mentions.within(node.range[0], node.range[1])) return false;
    switch (node.type) {
      case AST_NODE_TYPES.MemberExpression: {
        const kind = envObjectKind(node);
        const root = kind && rootIdentifier(node);
        if (kind && (!root || isGlobal(root))) usesOf(node, kind);
        break;
      }
      case AST_NODE_TYPES.VariableDeclarator: {
        // `const { env } = process`: `env` is process.env.
        const init = node.init && unwrapTypes(node.init);
        if (node.id.type !== AST_NODE_TYPES.ObjectPattern || init?.type !== AST_NODE_TYPES.Identifier) break;
        if (!['process', 'Bun', 'Deno'].includes(init.name) || !isGlobal(init)) break;
        for (const property of node.id.properties) {
          if (property.type !== AST_NODE_TYPES.Property || propertyName(property) !== 'env') continue;
          const local = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
          if (local.type === AST_NODE_TYPES.Identifier) aliasUses(node, local.name, init.name === 'Deno' ? 'deno' : 'object');
        }
        break;
      }
      case AST_NODE_TYPES.ImportDeclaration:
        if (node.importKind === 'type') break;
        for (const specifier of node.specifiers) {
          if (specifier.type !== AST_NODE_TYPES.ImportSpecifier || specifier.importKind === 'type') continue;
          const name = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
          if (SVELTEKIT_STATIC.has(node.source.value)) reads.push({ name, form: 'import', nameNode: specifier.imported, node: specifier });
          else if (SVELTEKIT_DYNAMIC.has(node.source.value) && name === 'env') aliasUses(specifier, specifier.local.name, 'object');
        }
        break;
      case AST_NODE_TYPES.CallExpression: {
        const callee = dottedName(node.callee);
        const argument = node.arguments[0];
        const name = staticString(argument);
        if (callee !== undefined && helperNames.has(callee) && argument && name !== undefined) reads.push({ name, form: 'helper', nameNode: argument, node });
        break;
      }
    }
  });
  return reads.sort((a, b) => a.nameNode.range[0] - b.nameNode.range[0]);
}

/** Where `text` spells the word `env` or one of `names`, sorted, to ask whether a range holds any. */
function mentionOffsets(text: string, names: readonly string[]): { within(start: number, end: number): boolean } {
  const offsets: number[] = [];
  for (const match of text.matchAll(/\benv\b/g)) offsets.push(match.index);
  for (const name of names) for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) offsets.push(at);
  offsets.sort((a, b) => a - b);
  return {
    within(start, end) {
      let low = 0;
      let high = offsets.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if ((offsets[middle] as number) < start) low = middle + 1;
        else high = middle;
      }
      return low < offsets.length && (offsets[low] as number) < end;
    },
  };
}

/** `process.env`, `import.meta.env`, `Bun.env` are env objects; `Deno.env` has `get`. */
function envObjectKind(node: TSESTree.MemberExpression): 'object' | 'deno' | undefined {
  if (isEnvObject(node)) return 'object';
  const object = unwrapTypes(node.object);
  return propertyName(node) === 'env' && object.type === AST_NODE_TYPES.Identifier && object.name === 'Deno' ? 'deno' : undefined;
}

/** `process.env.X = v`, `delete process.env.X`, `process.env.X++`, `process.env.hasOwnProperty(…)`: not reads of X. */
function isWriteOrCall(member: TSESTree.MemberExpression): boolean {
  const { parent, child } = valueParent(member);
  if (!parent) return false;
  if (parent.type === AST_NODE_TYPES.AssignmentExpression) return parent.left === child;
  if (parent.type === AST_NODE_TYPES.UpdateExpression) return true;
  if (parent.type === AST_NODE_TYPES.UnaryExpression) return parent.operator === 'delete';
  return parent.type === AST_NODE_TYPES.CallExpression && parent.callee === child;
}

/** `getEnv` → 'getEnv', `config.env.get` → 'config.env.get'; anything computed → undefined. */
function dottedName(node: Node): string | undefined {
  const target = unwrapTypes(node);
  if (target.type === AST_NODE_TYPES.Identifier) return target.name;
  if (target.type !== AST_NODE_TYPES.MemberExpression || target.computed || target.property.type !== AST_NODE_TYPES.Identifier) return undefined;
  const object = dottedName(target.object);
  return object === undefined ? undefined : `${object}.${target.property.name}`;
}

/** The forms of env read besides `process.env` (each spells `env`); a file without any reads no env (a rule's cheap bail-out). */
const OTHER_ENV_FORMS = /import\.meta\.env|\bBun\.env|\bDeno\.env|\$env\//;

export function mentionsEnvRead(text: string, envHelpers: readonly string[] = []): boolean {
  // `includes` first (most files have no `env` at all); then `process.env`, `process['env']`, `const { env } = process`:
  // both words, not just `process`, which library code mentions everywhere.
  const envForm = text.includes('env') && ((/\bprocess\b/.test(text) && /\benv\b/.test(text)) || OTHER_ENV_FORMS.test(text));
  return envForm || text.includes('requireEnv') || envHelpers.some((helper) => text.includes(helper));
}

/** `mentionsEnvRead` of a file's text, tested once for both env rules. */
export const fileMentionsEnvRead = perFile((sourceCode: Readonly<TSESLint.SourceCode>, helpers: readonly string[]): boolean => mentionsEnvRead(sourceCode.text, helpers));
