import { SyntaxKind } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../src/codemod/workspace.js';

describe('Workspace', () => {
  it('gives the same parsed file for the same path', () => {
    const workspace = new Workspace('test');
    const file = { path: '/app/a.ts', text: 'export const a = 1;\n' };
    expect(workspace.sourceFile(file)).toBe(workspace.sourceFile(file));
  });

  it('keeps the top-level names of files that share a project apart, scripts included', () => {
    const workspace = new Workspace('test');
    // Neither file imports or exports: TypeScript would treat both as scripts sharing one global scope.
    const files = Array.from({ length: 3 }, (_, index) => ({ path: `/app/job-${index}.js`, text: `const client = make(${index});\nfunction run() {\n  return client.send();\n}\n` }));
    const projects = new Set(files.map((file) => workspace.sourceFile(file).getProject()));
    expect(projects.size).toBe(files.length);
    for (const file of files) {
      const sourceFile = workspace.sourceFile(file);
      const declaration = sourceFile.getVariableDeclarationOrThrow('client').getNameNode();
      const declarations = declaration.getSymbolOrThrow().getDeclarations();
      expect(declarations.map((node) => node.getSourceFile().getFilePath())).toEqual([file.path]);
      const use = sourceFile.getDescendantsOfKind(SyntaxKind.Identifier).filter((identifier) => identifier.getText() === 'client')[1];
      expect(use?.getSymbol()?.getDeclarations()[0]?.getSourceFile().getFilePath()).toBe(file.path);
    }
  });

  it('parses many files without losing earlier ones (projects are shared a few files at a time)', () => {
    const workspace = new Workspace('test');
    const files = Array.from({ length: 150 }, (_, index) => ({ path: `/app/m${index}.ts`, text: `export const value${index} = ${index};\n` }));
    const parsed = files.map((file) => workspace.sourceFile(file));
    expect(parsed.map((sourceFile, index) => sourceFile.getVariableDeclarationOrThrow(`value${index}`).getInitializerOrThrow().getText())).toEqual(files.map((_, index) => String(index)));
    const projects = new Set(parsed.map((sourceFile) => sourceFile.getProject()));
    expect(projects.size).toBeGreaterThan(1);
    expect(projects.size).toBeLessThan(10);
  });
});
