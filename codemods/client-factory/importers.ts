import { Node, SyntaxKind, type Identifier, type SourceFile } from 'ts-morph';
import { pascalCase, unusedName } from '../../src/codemod/naming.js';
import type { CodemodInput } from '../../src/codemod/types.js';
import type { Workspace } from '../../src/codemod/workspace.js';
import type { Dependency } from './factory-text.js';
import { rebind } from './rebind.js';

/** An export that turns from a value into a factory: `client` (or `default`) of `path` becomes `factory`. */
export interface ChangedExport {
  path: string;
  exported: string;
  factory: string;
  isAsync: boolean;
}

export interface ImporterContext {
  input: CodemodInput;
  workspace: Workspace;
  /** Converted statements per file, which take reads of imported clients as dependencies. */
  hostsIn(sourceFile: SourceFile): ReadonlyMap<Node, Dependency[]>;
}

/**
 * What to do with the importers of a changed export: `survey` only answers whether every one of
 * them can switch to the factory; `apply` rewrites them; `mark` leaves markers where they cannot.
 */
export type ImporterMode = 'survey' | 'apply' | 'mark';

/**
 * Follows a changed export to every file that imports it (through `export … from` barrels too).
 * Returns false when some importer needs the value itself (a namespace import that reads it,
 * `import()` or `require()` of the module): then the export has to stay.
 */
export function rewriteImporters(context: ImporterContext, changed: ChangedExport, mode: ImporterMode): boolean {
  const { input, workspace } = context;
  let rewritable = true;
  const obstacle = (sourceFile: SourceFile, node: Node, message: string): void => {
    rewritable = false;
    if (mode === 'mark') markImporter(context, sourceFile, node, message);
  };
  const queue: ChangedExport[] = [changed];
  const visited = new Set<string>();
  for (let next = queue.shift(); next; next = queue.shift()) {
    const key = `${next.path}\0${next.exported}`;
    if (visited.has(key)) continue;
    visited.add(key);
    for (const importer of input.importersOf(next.path)) {
      const sourceFile = workspace.sourceFile(importer);
      const current = next;
      const resolvesHere = (specifier: string | undefined): boolean => specifier !== undefined && input.resolve(specifier, importer.path) === current.path;
      for (const declaration of sourceFile.getImportDeclarations()) {
        if (declaration.isTypeOnly() || !resolvesHere(declaration.getModuleSpecifierValue())) continue;
        const defaultImport = declaration.getDefaultImport();
        if (mode === 'apply' && current.exported === 'default' && defaultImport) rebindImport(context, sourceFile, defaultImport, defaultImport, current);
        for (const specifier of declaration.getNamedImports()) {
          const local = specifier.getAliasNode() ?? specifier.getNameNode();
          if (mode === 'apply' && !specifier.isTypeOnly() && specifier.getName() === current.exported && Node.isIdentifier(local)) {
            rebindImport(context, sourceFile, specifier.getNameNode(), local, current);
          }
        }
        const namespace = declaration.getNamespaceImport();
        if (namespace && readsMember(namespace, current.exported)) {
          obstacle(sourceFile, declaration, `\`${namespace.getText()}.${current.exported}\` is the instance built at load time: call \`${namespace.getText()}.${current.factory}()\` where it is used instead`);
        }
      }
      for (const declaration of sourceFile.getExportDeclarations()) {
        if (declaration.isTypeOnly() || !resolvesHere(declaration.getModuleSpecifierValue())) continue;
        if (!declaration.hasNamedExports()) {
          if (!declaration.getNamespaceExport()) queue.push({ ...current, path: importer.path });
          continue;
        }
        for (const specifier of declaration.getNamedExports()) {
          if (specifier.getName() !== current.exported) continue;
          const alias = specifier.getAliasNode()?.getText();
          const renamed = alias ? `create${pascalCase(alias)}` : current.factory;
          if (mode === 'apply') {
            workspace.editsFor(sourceFile).replace(specifier.getStart(), specifier.getEnd(), alias ? `${current.factory} as ${renamed}` : current.factory);
          }
          queue.push({ ...current, path: importer.path, exported: alias ?? current.factory, factory: renamed });
        }
      }
      for (const call of loadsByCall(sourceFile, resolvesHere)) {
        obstacle(sourceFile, call, `this loads a module whose \`${current.exported}\` should become \`${current.factory}()\`: call the factory where the client is used`);
      }
    }
  }
  return rewritable;
}

/**
 * `import { client } from` → `import { createClient } from`, each function that reads `client`
 * creates its own, and reads at load time keep one module-level instance, marked.
 */
function rebindImport(context: ImporterContext, sourceFile: SourceFile, imported: Node, local: Identifier, changed: ChangedExport): void {
  const edits = context.workspace.editsFor(sourceFile);
  const taken = context.workspace.takenNames(sourceFile);
  const factory = taken.has(changed.factory) ? unusedName([changed.factory], taken) : changed.factory;
  const isDefault = imported === local && changed.exported === 'default';
  const renamed = isDefault || factory === changed.factory ? factory : `${changed.factory} as ${factory}`;
  const result = rebind(edits, { nameNode: local, factory, isAsync: changed.isAsync }, context.hostsIn(sourceFile));
  // `{ client as llm }` keeps naming the local `llm`, now the factory's: replace the whole specifier.
  const specifier = imported.getParent();
  if (!isDefault && Node.isImportSpecifier(specifier)) edits.replace(specifier.getStart(), specifier.getEnd(), renamed);
  else edits.replace(imported.getStart(), imported.getEnd(), renamed);

  const keeps = result.loadTimeReads + result.exportSpecifiers.length + result.defaultExports.length;
  if (keeps === 0) return;
  const lastImport = sourceFile.getImportDeclarations().at(-1);
  const at = lastImport?.getEnd() ?? 0;
  const { newline } = edits.style;
  const marker = context.workspace.marker(`\`${local.getText()}\` is still read when the module loads: move those reads into functions and call ${factory}() there`);
  edits.insert(at, `${newline}${newline}${marker}${newline}${edits.statement(`const ${local.getText()} = ${changed.isAsync ? 'await ' : ''}${factory}()`)}`);
}

function readsMember(namespace: Identifier, member: string): boolean {
  const name = namespace.getText();
  return namespace
    .getSourceFile()
    .getDescendantsOfKind(SyntaxKind.PropertyAccessExpression)
    .some((access) => access.getName() === member && access.getExpression().getText() === name);
}

/** `import('./llm')` and `require('./llm')` calls of the module. */
function loadsByCall(sourceFile: SourceFile, resolvesHere: (specifier: string | undefined) => boolean): Node[] {
  return sourceFile.getDescendants().filter((node) => {
    if (!Node.isCallExpression(node)) return false;
    const callee = node.getExpression();
    const isLoader = callee.getKind() === SyntaxKind.ImportKeyword || (Node.isIdentifier(callee) && callee.getText() === 'require');
    const argument = node.getArguments()[0];
    return isLoader && argument !== undefined && Node.isStringLiteral(argument) && resolvesHere(argument.getLiteralValue());
  });
}

function markImporter(context: ImporterContext, sourceFile: SourceFile, node: Node, message: string): void {
  const edits = context.workspace.editsFor(sourceFile);
  const statement = node.getFirstAncestor((ancestor) => Node.isStatement(ancestor) && !Node.isBlock(ancestor)) ?? node;
  const start = Node.isStatement(node) ? node.getStart() : statement.getStart();
  const indent = sourceFile.getFullText().slice(sourceFile.getFullText().lastIndexOf('\n', start - 1) + 1, start);
  edits.insert(start, `${context.workspace.marker(message)}${edits.style.newline}${/^\s*$/.test(indent) ? indent : ''}`);
}
