import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { propertyName, staticString, unwrapTypes, unwrapValue } from './ast.js';
import { perFile } from './per-file.js';

type Node = TSESTree.Node;

/** A value imported from a module: `imported` is an export name, `default`, or `*` (namespace). */
export interface ModuleImport {
  module: string;
  imported: string;
  /** The node that defines the local binding, to tell it from a shadowing local. */
  definition: Node;
}

/** The export a callee refers to: `new OpenAI()` → { module: 'openai', exportName: 'default' }. */
export interface ResolvedCallee {
  module: string;
  exportName: string;
  /** The name as written at the call site, for messages (`OpenAI`, `createClient`). */
  localName: string;
}

/** `require('m')` / `await import('m')` → 'm'. */
function moduleLoaded(node: Node): string | undefined {
  const value = unwrapValue(node);
  if (value.type === AST_NODE_TYPES.ImportExpression) return staticString(value.source);
  if (
    value.type === AST_NODE_TYPES.CallExpression &&
    value.callee.type === AST_NODE_TYPES.Identifier &&
    value.callee.name === 'require' &&
    value.arguments.length === 1
  ) {
    return staticString(value.arguments[0]);
  }
  return undefined;
}

/** `require('m')` → { m, '*' }; `require('m').X` / `(await import('m')).X` → { m, X }. */
function moduleValue(node: Node): { module: string; imported: string } | undefined {
  const whole = moduleLoaded(node);
  if (whole !== undefined) return { module: whole, imported: '*' };
  const value = unwrapValue(node);
  if (value.type === AST_NODE_TYPES.MemberExpression) {
    const module = moduleLoaded(value.object);
    const name = propertyName(value);
    if (module !== undefined && name !== undefined) return { module, imported: name };
  }
  return undefined;
}

function addPattern(imports: Map<string, ModuleImport>, pattern: Node, source: { module: string; imported: string }, definition: Node): void {
  if (pattern.type === AST_NODE_TYPES.Identifier) {
    imports.set(pattern.name, { ...source, definition });
    return;
  }
  if (pattern.type !== AST_NODE_TYPES.ObjectPattern || source.imported !== '*') return;
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const name = propertyName(property);
    const local = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
    if (name !== undefined && local.type === AST_NODE_TYPES.Identifier) {
      imports.set(local.name, { module: source.module, imported: name, definition });
    }
  }
}

/**
 * Value bindings that top-level statements import: ESM (default, named, renamed, namespace),
 * `require` in all its shapes, and `await import()`. Type-only imports are left out.
 */
export function collectImports(program: TSESTree.Program): ReadonlyMap<string, ModuleImport> {
  return importsOfProgram(program, undefined);
}

/** Most rules ask for the same file's imports: collected once per program. */
const importsOfProgram = perFile(findImports);

function findImports(program: TSESTree.Program): Map<string, ModuleImport> {
  const imports = new Map<string, ModuleImport>();
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      if (statement.importKind === 'type') continue;
      const module = statement.source.value;
      for (const specifier of statement.specifiers) {
        if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
          if (specifier.importKind === 'type') continue;
          const imported = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
          imports.set(specifier.local.name, { module, imported, definition: specifier });
        } else {
          const imported = specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier ? 'default' : '*';
          imports.set(specifier.local.name, { module, imported, definition: specifier });
        }
      }
      continue;
    }
    const declaration =
      statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of declaration.declarations) {
      if (!declarator.init) continue;
      const source = moduleValue(declarator.init);
      if (source) addPattern(imports, declarator.id, source, declarator);
    }
  }
  return imports;
}

/** Does `identifier` refer to the module-level binding `definition` (and not a shadowing local)? */
export function refersTo(sourceCode: Readonly<TSESLint.SourceCode>, identifier: TSESTree.Identifier, definition: Node): boolean {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  return variable?.defs.some((def) => def.node === definition) ?? false;
}

/**
 * Which module export `callee` is, through the file's imports: `OpenAI`, `openai.OpenAI`,
 * `require('stripe')`, `require('openai').OpenAI`. `undefined` for anything else.
 */
export function resolveCallee(
  callee: Node,
  imports: ReadonlyMap<string, ModuleImport>,
  sourceCode: Readonly<TSESLint.SourceCode>,
): ResolvedCallee | undefined {
  const target = unwrapTypes(callee);
  const direct = moduleValue(target);
  if (direct) {
    return { module: direct.module, exportName: direct.imported === '*' ? 'default' : direct.imported, localName: direct.imported === '*' ? direct.module : direct.imported };
  }
  if (target.type === AST_NODE_TYPES.Identifier) {
    const found = imports.get(target.name);
    if (!found || !refersTo(sourceCode, target, found.definition)) return undefined;
    const exportName = found.imported === '*' ? 'default' : found.imported;
    return { module: found.module, exportName, localName: target.name };
  }
  if (target.type === AST_NODE_TYPES.MemberExpression) {
    const object = unwrapTypes(target.object);
    const name = propertyName(target);
    if (object.type !== AST_NODE_TYPES.Identifier || name === undefined) return undefined;
    const found = imports.get(object.name);
    if (!found || (found.imported !== '*' && found.imported !== 'default')) return undefined;
    if (!refersTo(sourceCode, object, found.definition)) return undefined;
    return { module: found.module, exportName: name, localName: name };
  }
  return undefined;
}
