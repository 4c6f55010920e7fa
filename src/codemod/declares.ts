import type { SourceFile } from 'ts-morph';

/** The file declares `name` at its top level, or imports it (a project's own `requireEnv`). */
export function declaresName(sourceFile: SourceFile, name: string): boolean {
  return (
    sourceFile.getFunction(name) !== undefined ||
    sourceFile.getVariableDeclaration(name) !== undefined ||
    sourceFile.getImportDeclarations().some((declaration) => declaration.getNamedImports().some((specifier) => (specifier.getAliasNode() ?? specifier.getNameNode()).getText() === name))
  );
}
