import { isBuiltin } from 'node:module';
import { Node, SyntaxKind, type Identifier, type ImportDeclaration, type SourceFile } from 'ts-morph';
import { DOTENV_MODULES } from '../../rules/no-late-dotenv.js';
import { unwrapExpression } from '../../src/codemod/ts-nodes.js';

/** A module-level name and the top-level statement that declares it. */
export interface TopLevelBinding {
  local: Identifier;
  statement: Node;
}

/** Every name the file's top-level statements declare (imports, variables, functions, classes…). */
export function topLevelBindings(sourceFile: SourceFile): Map<string, TopLevelBinding> {
  const bindings = new Map<string, TopLevelBinding>();
  const add = (statement: Node, local: Node | undefined): void => {
    if (local && Node.isIdentifier(local)) bindings.set(local.getText(), { local, statement });
  };
  for (const statement of sourceFile.getStatements()) {
    if (Node.isImportDeclaration(statement)) {
      add(statement, statement.getDefaultImport());
      add(statement, statement.getNamespaceImport());
      for (const specifier of statement.getNamedImports()) add(statement, specifier.getAliasNode() ?? specifier.getNameNode());
    } else if (Node.isVariableStatement(statement)) {
      for (const declaration of statement.getDeclarations()) {
        const name = declaration.getNameNode();
        if (Node.isIdentifier(name)) add(statement, name);
        else for (const element of name.getDescendantsOfKind(SyntaxKind.BindingElement)) add(statement, element.getNameNode());
      }
    } else if (Node.hasName(statement) || Node.isImportEqualsDeclaration(statement)) {
      add(statement, statement.getNameNode());
    }
  }
  return bindings;
}

/** The module-level bindings `node` reads (property names, `import.meta` and globals left out). */
export function readBindings(node: Node, bindings: ReadonlyMap<string, TopLevelBinding>): TopLevelBinding[] {
  const identifiers = Node.isIdentifier(node) ? [node] : node.getDescendantsOfKind(SyntaxKind.Identifier);
  const read = identifiers.filter((identifier) => {
    const parent = identifier.getParent();
    if ((Node.isPropertyAccessExpression(parent) || Node.isPropertyAssignment(parent) || Node.isMethodDeclaration(parent)) && parent.getNameNode() === identifier) return false;
    return !Node.isMetaProperty(parent);
  });
  const found = read.map((identifier) => bindings.get(identifier.getText())).filter((binding) => binding !== undefined);
  return [...new Set(found)];
}

/** Modules that can load before everything else: Node's own and the dotenv packages read no project env. */
export function isEnvFreeModule(module: string): boolean {
  return isBuiltin(module) || DOTENV_MODULES.has(module);
}

/** A value import (not `import type`) of an env-free module: it can be copied into another module. */
export function isPortableImport(binding: TopLevelBinding): binding is TopLevelBinding & { statement: ImportDeclaration } {
  const { statement, local } = binding;
  if (!Node.isImportDeclaration(statement) || statement.isTypeOnly()) return false;
  const specifier = local.getParent();
  if (Node.isImportSpecifier(specifier) && specifier.isTypeOnly()) return false;
  return isEnvFreeModule(statement.getModuleSpecifierValue());
}

/** `const dotenv = require('dotenv')`, `const { join } = require('node:path')`: safe to move first. */
export function isPortableRequire(statement: Node): boolean {
  return (
    Node.isVariableStatement(statement) &&
    !statement.hasExportKeyword() &&
    statement.getDeclarations().every((declaration) => {
      const module = requiredModule(declaration.getInitializer());
      return module !== undefined && isEnvFreeModule(module);
    })
  );
}

/** `require('m')` or `require('m').x`: 'm'. */
export function requiredModule(node: Node | undefined): string | undefined {
  let value = node && unwrapExpression(node);
  if (value && Node.isPropertyAccessExpression(value)) value = unwrapExpression(value.getExpression());
  if (!value || !Node.isCallExpression(value)) return undefined;
  const [argument] = value.getArguments();
  const isRequire = Node.isIdentifier(value.getExpression()) && value.getExpression().getText() === 'require';
  return isRequire && argument && Node.isStringLiteral(argument) ? argument.getLiteralValue() : undefined;
}
