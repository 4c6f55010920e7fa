import { dirname } from 'node:path';
import { ts } from 'ts-morph';

/** Module specifiers a file mentions: `from '…'`, `import '…'`, `import('…')`, `require('…')`. */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)(["'])([^"'\n]+)\1/gm;

export function mentionedSpecifiers(text: string): string[] {
  return [...new Set([...text.matchAll(SPECIFIER)].map((match) => match[2] ?? ''))];
}

/**
 * Resolves specifiers the way the project's TypeScript does: relative paths, `.js` written for
 * `.ts`, index files, and `paths` aliases such as `@/lib/openai` from the nearest tsconfig.json.
 */
export class ModuleResolver {
  private readonly optionsByDirectory = new Map<string, ts.CompilerOptions>();

  resolve(specifier: string, fromFile: string): string | undefined {
    if (!specifier.startsWith('.') && !specifier.startsWith('/') && this.isBarePackage(specifier, fromFile)) return undefined;
    const resolved = ts.resolveModuleName(specifier, fromFile, this.optionsFor(fromFile), ts.sys).resolvedModule;
    if (!resolved || resolved.isExternalLibraryImport) return undefined;
    return resolved.resolvedFileName;
  }

  /** Packages never resolve to project files unless an alias says so; skip the lookup. */
  private isBarePackage(specifier: string, fromFile: string): boolean {
    const paths = this.optionsFor(fromFile).paths ?? {};
    return !Object.keys(paths).some((pattern) => specifier.startsWith(pattern.replace(/\*$/, '')));
  }

  private optionsFor(file: string): ts.CompilerOptions {
    const directory = dirname(file);
    let options = this.optionsByDirectory.get(directory);
    if (!options) {
      options = readCompilerOptions(directory);
      this.optionsByDirectory.set(directory, options);
    }
    return options;
  }
}

const DEFAULT_OPTIONS: ts.CompilerOptions = {
  allowJs: true,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  module: ts.ModuleKind.ESNext,
  jsx: ts.JsxEmit.Preserve,
};

function readCompilerOptions(directory: string): ts.CompilerOptions {
  const configPath = ts.findConfigFile(directory, ts.sys.fileExists, 'tsconfig.json') ?? ts.findConfigFile(directory, ts.sys.fileExists, 'jsconfig.json');
  if (!configPath) return DEFAULT_OPTIONS;
  const { config, error } = ts.readConfigFile(configPath, ts.sys.readFile);
  if (error) return DEFAULT_OPTIONS;
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, dirname(configPath), undefined, configPath);
  // JS importers of TS modules resolve too, whatever the project's own allowJs says.
  return { ...parsed.options, allowJs: true };
}
