import { Node, type ImportDeclaration } from 'ts-morph';
import { bindingUses } from '../../src/codemod/binding-uses.js';
import type { FileEdits } from '../../src/codemod/file-edits.js';
import type { LateCall } from './locate.js';

/**
 * Removes the import bindings that only the removed calls read (`import dotenv from "dotenv"`).
 * Edits the declarations that keep other bindings; returns those that go entirely.
 */
export function unusedImports(calls: readonly LateCall[], edits: FileEdits): ImportDeclaration[] {
  const removed = calls.map((call) => call.statement);
  const inRemoved = (node: Node): boolean => removed.some((statement) => statement.getStart() <= node.getStart() && node.getEnd() <= statement.getEnd());
  const unused = new Map<ImportDeclaration, Set<Node>>();
  for (const { statement, local } of calls.flatMap((call) => call.imports)) {
    if (!Node.isImportDeclaration(statement)) continue;
    const uses = bindingUses(edits.sourceFile, local);
    const reads = [...[...uses.byFunction.values()].flat(), ...uses.typeQueries, ...uses.exportSpecifiers, ...uses.moduleScope, ...uses.writes];
    if (reads.some((read) => !inRemoved(read))) continue;
    const parent = local.getParent();
    unused.set(statement, (unused.get(statement) ?? new Set()).add(Node.isImportSpecifier(parent) ? parent : local));
  }
  const whole: ImportDeclaration[] = [];
  for (const [declaration, bindings] of unused) {
    const all = [declaration.getDefaultImport(), declaration.getNamespaceImport(), ...declaration.getNamedImports()].filter((binding) => binding !== undefined);
    if (all.every((binding) => bindings.has(binding))) whole.push(declaration);
    else removeBindings(declaration, bindings, edits);
  }
  return whole;
}

/** `import dotenv, { parse } from "dotenv"` → `import { parse } from "dotenv"`; commas go with their binding. */
function removeBindings(declaration: ImportDeclaration, bindings: ReadonlySet<Node>, edits: FileEdits): void {
  const defaultImport = declaration.getDefaultImport();
  const namedBindings = declaration.getImportClause()?.getNamedBindings();
  if (defaultImport && namedBindings && bindings.has(defaultImport)) edits.replace(defaultImport.getStart(), namedBindings.getStart(), '');
  const namespace = declaration.getNamespaceImport();
  if (defaultImport && namespace && bindings.has(namespace)) edits.replace(defaultImport.getEnd(), namespace.getEnd(), '');

  const named = declaration.getNamedImports();
  if (defaultImport && named.length > 0 && named.every((specifier) => bindings.has(specifier))) {
    edits.replace(defaultImport.getEnd(), namedBindings?.getEnd() ?? defaultImport.getEnd(), '');
    return;
  }
  // Each run of removed specifiers takes the comma after it, or before it when it ends the list.
  for (let index = 0; index < named.length; ) {
    if (!bindings.has(named[index] as Node)) {
      index += 1;
      continue;
    }
    let end = index;
    while (end + 1 < named.length && bindings.has(named[end + 1] as Node)) end += 1;
    const next = named[end + 1];
    const previous = named[index - 1];
    if (next) edits.replace((named[index] as Node).getStart(), next.getStart(), '');
    else if (previous) edits.replace(previous.getEnd(), (named[end] as Node).getEnd(), '');
    index = end + 1;
  }
}
