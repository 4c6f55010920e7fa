import { basename, dirname, extname, relative, sep } from 'node:path';
import type { SourceFile } from 'ts-morph';

/** What an import specifier names for a file with that extension, once compiled. */
const RUNTIME_EXTENSION: Record<string, string> = { '.ts': '.js', '.tsx': '.js', '.mts': '.mjs', '.cts': '.cjs' };

/**
 * How the file writes relative specifiers: without an extension, with the source's (`./llm.ts`) or
 * with the compiled one (`./llm.js`, the default: what Node's ES modules need).
 */
export function specifierExtension(sourceFile: SourceFile, moduleExtension: string, runtimeExtension: string): string {
  const specifiers = [...sourceFile.getImportDeclarations(), ...sourceFile.getExportDeclarations()]
    .map((declaration) => declaration.getModuleSpecifierValue())
    .filter((specifier): specifier is string => specifier?.startsWith('.') === true);
  const extensions = specifiers.map((specifier) => /\.[cm]?[jt]sx?$/.exec(basename(specifier))?.[0]);
  if (specifiers.length > 0 && extensions.every((written) => written === undefined)) return '';
  return extensions.some((written) => written?.includes('t')) ? moduleExtension : runtimeExtension;
}

/** The specifier `sourceFile` imports the project file `target` by, written the way the file writes its own. */
export function relativeSpecifier(sourceFile: SourceFile, target: string): string {
  const extension = extname(target);
  const path = relative(dirname(sourceFile.getFilePath()), target.slice(0, target.length - extension.length)).split(sep).join('/');
  const written = specifierExtension(sourceFile, extension, RUNTIME_EXTENSION[extension] ?? extension);
  // `.cjs`/`.mjs` modules are named with their extension: without one, nothing resolves them.
  const kept = written === '' && (extension === '.cjs' || extension === '.mjs') ? extension : written;
  return `${path.startsWith('.') ? '' : './'}${path}${kept}`;
}
