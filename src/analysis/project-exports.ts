import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse } from '@typescript-eslint/parser';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { propertyName, unwrapValue } from './ast.js';
import type { Chain } from './call-chains.js';
import { collectImports, type ModuleImport } from './imports.js';

type Node = TSESTree.Node;

/**
 * One hop into another project file: queues and event clients are usually created once in their own
 * module (`export const inngest = new Inngest(...)`, as Inngest's docs put it) and imported where
 * jobs are sent. Only called for a receiver imported from a project module, so a file is read and
 * parsed rarely; results are cached by path and modification time.
 */
export function projectExportChain(fromFile: string, specifier: string, exportName: string): Chain | undefined {
  const path = resolveProjectFile(fromFile, specifier);
  if (!path) return undefined;
  const module = load(path);
  if (!module) return undefined;
  if (!module.chains.has(exportName)) module.chains.set(exportName, exportedChain(module.program, module.imports, exportName) ?? null);
  return module.chains.get(exportName) ?? undefined;
}

interface LoadedModule {
  stamp: string;
  program: TSESTree.Program;
  imports: ReadonlyMap<string, ModuleImport>;
  chains: Map<string, Chain | null>;
}

const modules = new Map<string, LoadedModule | null>();
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '.jsx'];

function load(path: string): LoadedModule | undefined {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats) return undefined;
  const stamp = `${stats.mtimeMs}:${stats.size}`;
  const cached = modules.get(path);
  if (cached !== undefined && (cached === null || cached.stamp === stamp)) return cached ?? undefined;
  try {
    const program = parse(readFileSync(path, 'utf8'), { range: true, jsx: /x$/.test(path) }) as TSESTree.Program;
    const loaded: LoadedModule = { stamp, program, imports: collectImports(program), chains: new Map() };
    modules.set(path, loaded);
    return loaded;
  } catch {
    // A module that does not parse is the linter's business when it lints that file.
    modules.set(path, null);
    return undefined;
  }
}

/** Relative paths and the usual path aliases: the project's own modules. */
export function isProjectModule(source: string): boolean {
  return /^(\.{1,2}\/|@\/|~\/)/.test(source);
}

/** `./queues`, `../jobs/queue.js` (written for `.ts`), `@/lib/inngest` (`src/` or the project root). */
function resolveProjectFile(fromFile: string, specifier: string): string | undefined {
  const bases = specifier.startsWith('.') ? [resolve(dirname(fromFile), specifier)] : projectAliasBases(fromFile, specifier.slice(2));
  for (const base of bases) {
    const stem = base.replace(/\.(m|c)?js$/, '');
    for (const candidate of [base, ...EXTENSIONS.map((extension) => stem + extension), ...EXTENSIONS.map((extension) => join(base, `index${extension}`))]) {
      if (statSync(candidate, { throwIfNoEntry: false })?.isFile()) return candidate;
    }
  }
  return undefined;
}

function projectAliasBases(fromFile: string, rest: string): string[] {
  for (let directory = dirname(resolve(fromFile)); ; directory = dirname(directory)) {
    if (statSync(join(directory, 'package.json'), { throwIfNoEntry: false }) || statSync(join(directory, 'tsconfig.json'), { throwIfNoEntry: false })) {
      return [join(directory, 'src', rest), join(directory, rest)];
    }
    if (dirname(directory) === directory) return [];
  }
}

/** The chain of what the module exports under `exportName`, when it is built directly from an import. */
function exportedChain(program: TSESTree.Program, imports: ReadonlyMap<string, ModuleImport>, exportName: string): Chain | undefined {
  for (const statement of program.body) {
    if (exportName === 'default' && statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) return foreignChain(statement.declaration, program, imports, 0);
    if (statement.type !== AST_NODE_TYPES.ExportNamedDeclaration) continue;
    if (statement.declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
      const declarator = statement.declaration.declarations.find((candidate) => candidate.id.type === AST_NODE_TYPES.Identifier && candidate.id.name === exportName);
      if (declarator?.init) return foreignChain(declarator.init, program, imports, 0);
    }
    for (const specifier of statement.source ? [] : statement.specifiers) {
      const exported = specifier.exported.type === AST_NODE_TYPES.Identifier ? specifier.exported.name : specifier.exported.value;
      if (exported === exportName && specifier.local.type === AST_NODE_TYPES.Identifier) return foreignChain(specifier.local, program, imports, 0);
    }
  }
  return undefined;
}

/** Without scope analysis: top-level constants and imports of the other file, a few steps deep. */
function foreignChain(node: Node, program: TSESTree.Program, imports: ReadonlyMap<string, ModuleImport>, depth: number): Chain | undefined {
  const value = unwrapValue(node);
  if (depth > 4) return undefined;
  if (value.type === AST_NODE_TYPES.Identifier) {
    const imported = imports.get(value.name);
    if (imported) return isProjectModule(imported.module) ? undefined : { module: imported.module, text: imported.imported === '*' ? 'default' : imported.imported };
    const init = topLevelInit(program, value.name);
    return init && foreignChain(init, program, imports, depth + 1);
  }
  if (value.type === AST_NODE_TYPES.MemberExpression) {
    const object = foreignChain(value.object, program, imports, depth + 1);
    const name = propertyName(value) ?? '*';
    if (!object) return undefined;
    // `bullmq.Queue` on a namespace or default import is the export itself.
    return object.text === 'default' && value.object.type === AST_NODE_TYPES.Identifier && imports.has(value.object.name) ? { ...object, text: name } : { ...object, text: `${object.text}.${name}` };
  }
  if (value.type === AST_NODE_TYPES.NewExpression || value.type === AST_NODE_TYPES.CallExpression) {
    const callee = foreignChain(value.callee, program, imports, depth + 1);
    if (!callee) return undefined;
    return { ...callee, text: value.type === AST_NODE_TYPES.NewExpression ? `new ${callee.text}()` : `${callee.text}()`, creation: value };
  }
  return undefined;
}

function topLevelInit(program: TSESTree.Program, name: string): Node | undefined {
  for (const statement of program.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    const declarator = declaration.declarations.find((candidate) => candidate.id.type === AST_NODE_TYPES.Identifier && candidate.id.name === name);
    if (declarator?.init) return declarator.init;
  }
  return undefined;
}
