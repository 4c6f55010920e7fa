import { basename, dirname, extname, join } from 'node:path';
import { Node, type ImportDeclaration, type SourceFile } from 'ts-morph';
import { quoted } from '../../src/codemod/code-style.js';
import type { FileEdits } from '../../src/codemod/file-edits.js';
import type { CodemodInput } from '../../src/codemod/types.js';
import type { Workspace } from '../../src/codemod/workspace.js';
import type { TopLevelBinding } from './bindings.js';
import { statementLines } from './lines.js';
import type { LateCall } from './locate.js';

/** The created module's extension for each source extension. */
const MODULE_EXTENSION: Record<string, string> = { '.tsx': '.ts', '.jsx': '.js' };
/** What an import specifier names for a file with that extension, once compiled. */
const RUNTIME_EXTENSION: Record<string, string> = { '.ts': '.js', '.mts': '.mjs', '.cts': '.cjs' };

/**
 * `config({ path: '.env.local' })` keeps its options in a sibling module that the file imports
 * first (`import "./load-env.js"`): the calls as written, with the imports they read.
 * Returns the specifier to import; a module with the same text made earlier in the run is reused.
 */
export function loadEnvModule(calls: readonly LateCall[], edits: FileEdits, input: CodemodInput, workspace: Workspace): string {
  const { sourceFile, style } = edits;
  const path = sourceFile.getFilePath();
  const extension = extname(path);
  const moduleExtension = MODULE_EXTENSION[extension] ?? extension;
  const runtimeExtension = RUNTIME_EXTENSION[moduleExtension] ?? moduleExtension;
  const imports = [...importLines(calls.flatMap((call) => call.imports), edits)];
  const body = calls.map((call) => {
    const lines = statementLines(call.statement);
    return `${lines.leading}${lines.code}${lines.trailing}`;
  });
  const text = [...imports, ...(imports.length > 0 ? [''] : []), ...body, ''].join(style.newline);

  for (let attempt = 1; ; attempt += 1) {
    const name = attempt === 1 ? 'load-env' : `load-env-${attempt}`;
    const modulePath = join(dirname(path), `${name}${moduleExtension}`);
    const earlier = workspace.createdText(modulePath);
    if (earlier !== undefined && earlier !== text) continue;
    if (earlier === undefined) {
      if (input.resolve(`./${name}`, path) ?? input.resolve(`./${name}${runtimeExtension}`, path)) continue;
      workspace.create(modulePath, text);
    }
    return `./${name}${specifierExtension(sourceFile, moduleExtension, runtimeExtension)}`;
  }
}

/** The imports `bindings` come from, one line per declaration, in the file's order and style. */
function* importLines(bindings: readonly TopLevelBinding[], edits: FileEdits): Generator<string> {
  const byDeclaration = new Map<ImportDeclaration, Node[]>();
  for (const { statement, local } of bindings) {
    if (!Node.isImportDeclaration(statement)) continue;
    const parent = local.getParent();
    const binding = Node.isImportSpecifier(parent) ? parent : local;
    const list = byDeclaration.get(statement) ?? [];
    if (!list.includes(binding)) list.push(binding);
    byDeclaration.set(statement, list);
  }
  const declarations = [...byDeclaration.keys()].sort((a, b) => a.getStart() - b.getStart());
  for (const declaration of declarations) {
    const bound = (byDeclaration.get(declaration) ?? []).sort((a, b) => a.getStart() - b.getStart());
    const named = bound.filter((binding) => Node.isImportSpecifier(binding)).map((binding) => binding.getText());
    const parts = [
      ...bound.filter((binding) => binding === declaration.getDefaultImport()).map((binding) => binding.getText()),
      ...bound.filter((binding) => binding === declaration.getNamespaceImport()).map((binding) => `* as ${binding.getText()}`),
      ...(named.length > 0 ? [`{ ${named.join(', ')} }`] : []),
    ];
    yield edits.statement(`import ${parts.join(', ')} from ${quoted(declaration.getModuleSpecifierValue(), edits.style)}`);
  }
}

/**
 * How the file writes relative specifiers: without an extension, with the source's (`./llm.ts`) or
 * with the compiled one (`./llm.js`, the default: what Node's ES modules need).
 */
function specifierExtension(sourceFile: SourceFile, moduleExtension: string, runtimeExtension: string): string {
  const specifiers = [...sourceFile.getImportDeclarations(), ...sourceFile.getExportDeclarations()]
    .map((declaration) => declaration.getModuleSpecifierValue())
    .filter((specifier): specifier is string => specifier?.startsWith('.') === true);
  const extensions = specifiers.map((specifier) => /\.[cm]?[jt]sx?$/.exec(basename(specifier))?.[0]);
  if (specifiers.length > 0 && extensions.every((written) => written === undefined)) return '';
  return extensions.some((written) => written?.includes('t')) ? moduleExtension : runtimeExtension;
}
