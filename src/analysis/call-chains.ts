import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { matchesModulePattern } from '../catalog/module-pattern.js';
import { isFunction, propertyName, unwrapTypes, unwrapValue, type FunctionNode } from './ast.js';
import { bindingPath } from './binding-path.js';
import { resolveCallee, type ModuleImport } from './imports.js';
import { isProjectModule, projectExportChain } from './project-exports.js';

type Node = TSESTree.Node;

/**
 * How a value was made, as text: `new Queue()` (built from bullmq's `Queue`), `connect().createChannel()`,
 * `new Inngest().createFunction():param0.step` (a callback's parameter), `default-export.fetch:param1`
 * (a parameter of a method of the module's default-exported object). Matched against catalog patterns.
 */
export interface Chain {
  /** Package of the root import; undefined for runtime roots (`default-export`). */
  module?: string;
  text: string;
  /** The last call or construction in the chain (`new Queue("jobs")`), for names read from it. */
  creation?: TSESTree.CallExpression | TSESTree.NewExpression;
}

export interface ChainContext {
  sourceCode: Readonly<TSESLint.SourceCode>;
  imports: ReadonlyMap<string, ModuleImport>;
  filename: string;
}

const MAX_DEPTH = 10;

/** Resolves values to chains through imports, locals (destructuring included), type annotations and callback parameters. */
export class CallChains {
  private readonly memo = new Map<Node, Chain | null>();
  private typeImports: Map<string, { module: string; imported: string }> | undefined;

  constructor(private readonly context: ChainContext) {}

  of(node: Node, depth = 0): Chain | undefined {
    const value = unwrapValue(node);
    if (depth > MAX_DEPTH) return undefined;
    if (this.memo.has(value)) return this.memo.get(value) ?? undefined;
    this.memo.set(value, null);
    const found = this.resolve(value, depth);
    this.memo.set(value, found ?? null);
    return found;
  }

  private resolve(value: Node, depth: number): Chain | undefined {
    switch (value.type) {
      case AST_NODE_TYPES.Identifier:
        return this.identifier(value, depth);
      case AST_NODE_TYPES.MemberExpression: {
        const resolved = this.imported(value);
        if (resolved) return { module: resolved.module, text: resolved.exportName };
        if (value.object.type === AST_NODE_TYPES.ThisExpression) return this.classMember(value, depth);
        const object = this.of(value.object, depth + 1);
        return object && { ...object, text: `${object.text}.${propertyName(value) ?? '*'}` };
      }
      case AST_NODE_TYPES.NewExpression: {
        const resolved = this.imported(value.callee);
        return resolved && { module: resolved.module, text: `new ${resolved.exportName}()`, creation: value };
      }
      case AST_NODE_TYPES.CallExpression: {
        const resolved = this.imported(value.callee);
        if (resolved) return { module: resolved.module, text: `${resolved.exportName}()`, creation: value };
        const callee = unwrapTypes(value.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
        const inner = this.of(callee, depth + 1);
        return inner && { ...inner, text: `${inner.text}()`, creation: value };
      }
      default:
        return undefined;
    }
  }

  /** A package's export (`Queue`, `bullmq.Queue`, `amqp.connect`); a project module's exports are followed as values instead. */
  private imported(node: Node): ReturnType<typeof resolveCallee> {
    const resolved = resolveCallee(node, this.context.imports, this.context.sourceCode);
    return resolved && !isProjectModule(resolved.module) ? resolved : undefined;
  }

  private identifier(identifier: TSESTree.Identifier, depth: number): Chain | undefined {
    const { imports, sourceCode, filename } = this.context;
    const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
    const definition = variable?.defs[0];
    if (definition?.type === 'ImportBinding' || (definition?.type === 'Variable' && imports.get(identifier.name)?.definition === definition.node)) {
      const found = imports.get(identifier.name);
      if (!found) return undefined;
      if (isProjectModule(found.module)) return projectExportChain(filename, found.module, found.imported);
      return { module: found.module, text: found.imported === '*' ? 'default' : found.imported };
    }
    if (!variable || !definition) return undefined;
    if (definition.type === 'Parameter') return this.parameter(definition.name as TSESTree.Identifier, definition.node as FunctionNode, depth);
    if (definition.type !== 'Variable') return undefined;
    const typed = this.annotated(definition.name);
    if (typed) return typed;
    for (const reference of variable.references) {
      if (!reference.isWrite()) continue;
      const bound = bindingPath(reference.identifier as TSESTree.Identifier);
      if (!bound?.value || bound.path.some((key) => /^\d+$/.test(key))) continue;
      const chain = this.of(bound.value, depth + 1);
      if (chain) return bound.path.length > 0 ? { ...chain, text: [chain.text, ...bound.path].join('.') } : chain;
    }
    return undefined;
  }

  /** A parameter: typed with an imported class (`queue: Queue`), or a callback's parameter (`(job) => …`). */
  private parameter(name: TSESTree.Identifier, fn: FunctionNode, depth: number): Chain | undefined {
    const typed = this.annotated(name);
    if (typed) return typed;
    const bound = bindingPath(name);
    if (!bound || !isFunction(fn)) return undefined;
    const index = fn.params.indexOf(bound.root as TSESTree.Parameter);
    if (index < 0) return undefined;
    const owner = this.functionOwner(fn, depth);
    return owner && { ...owner, text: [`${owner.text}:param${index}`, ...bound.path].join('.') };
  }

  /** What a function is handed to: `queue.process(fn)` → `….process()`; `export default { fetch() {} }` → `default-export.fetch`. */
  private functionOwner(fn: FunctionNode, depth: number): Chain | undefined {
    const { parent, child } = outerValue(fn);
    if ((parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) && parent.arguments.includes(child as TSESTree.CallExpressionArgument)) {
      return this.of(parent, depth + 1);
    }
    if (parent?.type !== AST_NODE_TYPES.Property || parent.value !== child) return undefined;
    const key = propertyName(parent) ?? '*';
    const holder = outerValue(parent.parent);
    if (holder.parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return { text: `default-export.${key}` };
    if (holder.parent?.type === AST_NODE_TYPES.CallExpression || holder.parent?.type === AST_NODE_TYPES.NewExpression) {
      const call = this.of(holder.parent, depth + 1);
      return call && { ...call, text: `${call.text}.${key}` };
    }
    return undefined;
  }

  /** `this.queue`: a class field's initialiser or type, or a constructor parameter property's type (NestJS injection). */
  private classMember(member: TSESTree.MemberExpression, depth: number): Chain | undefined {
    const name = propertyName(member);
    let current: Node | undefined = member.parent;
    while (current && current.type !== AST_NODE_TYPES.ClassBody) current = current.parent;
    if (!current || name === undefined) return undefined;
    for (const element of current.body) {
      if (element.type === AST_NODE_TYPES.PropertyDefinition && propertyName(element) === name) {
        return this.annotatedType(element.typeAnnotation) ?? (element.value ? this.of(element.value, depth + 1) : undefined);
      }
      if (element.type === AST_NODE_TYPES.MethodDefinition && element.kind === 'constructor') {
        for (const parameter of element.value.params) {
          if (parameter.type === AST_NODE_TYPES.TSParameterProperty && parameter.parameter.type === AST_NODE_TYPES.Identifier && parameter.parameter.name === name) {
            return this.annotated(parameter.parameter);
          }
        }
      }
    }
    return undefined;
  }

  private annotated(name: Node): Chain | undefined {
    return name.type === AST_NODE_TYPES.Identifier ? this.annotatedType(name.typeAnnotation) : undefined;
  }

  /** An instance of an imported class, by its type annotation (type-only imports count): `queue: Queue`. */
  private annotatedType(annotation: TSESTree.TSTypeAnnotation | undefined): Chain | undefined {
    const type = annotation?.typeAnnotation;
    if (type?.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
    const typeName = type.typeName;
    const local = typeName.type === AST_NODE_TYPES.Identifier ? typeName.name : typeName.type === AST_NODE_TYPES.TSQualifiedName && typeName.left.type === AST_NODE_TYPES.Identifier ? typeName.left.name : undefined;
    const found = local === undefined ? undefined : this.importsWithTypes().get(local);
    if (!found) return undefined;
    const exportName = typeName.type === AST_NODE_TYPES.TSQualifiedName ? typeName.right.name : found.imported === '*' ? 'default' : found.imported;
    return { module: found.module, text: `new ${exportName}()` };
  }

  private importsWithTypes(): Map<string, { module: string; imported: string }> {
    if (this.typeImports) return this.typeImports;
    this.typeImports = new Map();
    for (const statement of this.context.sourceCode.ast.body) {
      if (statement.type !== AST_NODE_TYPES.ImportDeclaration) continue;
      for (const specifier of statement.specifiers) {
        const imported = specifier.type === AST_NODE_TYPES.ImportSpecifier ? (specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value) : specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier ? 'default' : '*';
        this.typeImports.set(specifier.local.name, { module: statement.source.value, imported });
      }
    }
    return this.typeImports;
  }
}

/** The parent of a value, skipping wrappers that do not change it (`as`, `satisfies`, parentheses). */
function outerValue(node: Node): { parent: Node | undefined; child: Node } {
  let child = node;
  let parent = node.parent;
  while (parent && unwrapTypes(parent) !== parent && unwrapTypes(parent) === unwrapTypes(child)) {
    child = parent;
    parent = parent.parent;
  }
  return { parent, child };
}

const patternCache = new Map<string, RegExp>();

/** Does `chain` match a catalog pattern: same text (`*` is any one segment) from a matching module? */
export function matchesChain(pattern: string, module: string | undefined, chain: Chain): boolean {
  if (module === undefined ? chain.module !== undefined : chain.module === undefined || !matchesModulePattern(module, chain.module)) return false;
  let regex = patternCache.get(pattern);
  if (!regex) {
    regex = new RegExp(`^${pattern.replace(/[.()$^+?[\]{}|\\]/g, '\\$&').replace(/\*/g, '[^.():]+')}$`);
    patternCache.set(pattern, regex);
  }
  return regex.test(chain.text);
}
