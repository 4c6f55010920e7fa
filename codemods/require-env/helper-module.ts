import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, sep } from 'node:path';
import { Node, SyntaxKind, type SourceFile } from 'ts-morph';
import { lineEnd, quoted } from '../../src/codemod/code-style.js';
import type { FileEdits } from '../../src/codemod/file-edits.js';
import { relativeSpecifier } from '../../src/codemod/relative-specifier.js';
import { REQUIRE_ENV, requireEnvHelper } from '../../src/codemod/require-env.js';
import type { CodemodInput } from '../../src/codemod/types.js';
import type { Workspace } from '../../src/codemod/workspace.js';
import { insertionOffset, isDirective } from '../dotenv-first/lines.js';

/** The module systems a helper module can be written in, by the files that import it. */
type Flavour = 'ts' | 'js' | 'mjs' | 'cjs';

const EXTENSION: Record<Flavour, string> = { ts: '.ts', js: '.js', mjs: '.mjs', cjs: '.cjs' };
const FLAVOUR_OF_EXTENSION: Record<string, Flavour> = { '.ts': 'ts', '.tsx': 'ts', '.mts': 'ts', '.cts': 'ts', '.mjs': 'mjs', '.cjs': 'cjs' };
const MODULE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const MODULE_NAME = 'require-env';

/**
 * Gives files that now call `requireEnv` the helper: an import from the module the user named
 * (`requireEnvModule`), or from a small module created once per package and module system, in the
 * folder the files share. Files that already have a `requireEnv` keep theirs. Without cross-file
 * edits (jscodeshift) and nothing to import, each file gets the helper at its end instead.
 */
export function provideRequireEnv(files: readonly FileEdits[], input: CodemodInput, workspace: Workspace): void {
  const option = input.options?.requireEnvModule;
  const groups = new Map<string, { flavour: Flavour; files: FileEdits[] }>();
  for (const edits of files) {
    if (declaresRequireEnv(edits.sourceFile)) continue;
    const flavour = flavourOf(edits.sourceFile);
    if (!flavour) edits.append(requireEnvHelper(edits.style, edits.typescript));
    // A package or an alias (`@/lib/env`): imported as written.
    else if (option !== undefined && !isAbsolute(option)) addImport(edits, option, flavour);
    else if (!input.crossFile && (option === undefined || existingModule(option) === undefined)) edits.append(requireEnvHelper(edits.style, edits.typescript));
    else {
      const key = option ?? `${flavour}\0${packageRoot(edits.sourceFile.getFilePath(), input.cwd)}`;
      const group = groups.get(key) ?? { flavour, files: [] };
      group.files.push(edits);
      groups.set(key, group);
    }
  }
  for (const { flavour, files: group } of groups.values()) {
    const target = option === undefined ? createdModule(group, flavour, workspace) : namedModule(option, group, flavour, workspace);
    for (const edits of group) addImport(edits, relativeSpecifier(edits.sourceFile, target), flavourOf(edits.sourceFile) ?? flavour);
  }
}

/** The module the user named, by path: checked when it exists, created (in its extension's module system) when not. */
function namedModule(path: string, files: readonly FileEdits[], flavour: Flavour, workspace: Workspace): string {
  const existing = existingModule(path);
  if (existing !== undefined) {
    if (!readFileSync(existing, 'utf8').includes(REQUIRE_ENV)) throw new Error(`${existing} does not define ${REQUIRE_ENV}`);
    return existing;
  }
  const created = extname(path) === '' ? path + EXTENSION[flavour] : path;
  if (workspace.createdText(created) === undefined) workspace.create(created, moduleText(files, FLAVOUR_OF_EXTENSION[extname(created)] ?? flavour));
  return created;
}

/** `path` as written, or with the extension it lacks. */
function existingModule(path: string): string | undefined {
  return [path, ...MODULE_EXTENSIONS.map((extension) => path + extension)].find((candidate) => statSync(candidate, { throwIfNoEntry: false })?.isFile());
}

/** `require-env.ts` in the folder the files share; one from an earlier run is reused, another module's name is not taken. */
function createdModule(files: readonly FileEdits[], flavour: Flavour, workspace: Workspace): string {
  const folder = commonFolder(files.map((edits) => edits.sourceFile.getFilePath()));
  const text = moduleText(files, flavour);
  for (let attempt = 1; ; attempt += 1) {
    const base = join(folder, attempt === 1 ? MODULE_NAME : `${MODULE_NAME}-${attempt}`);
    const path = base + EXTENSION[flavour];
    const earlier = workspace.createdText(path);
    if (earlier === text) return path;
    if (earlier !== undefined) continue;
    if (existsSync(path) && readFileSync(path, 'utf8').includes(`function ${REQUIRE_ENV}`)) return path;
    // `./require-env.js` must name one file only.
    if (MODULE_EXTENSIONS.some((extension) => existsSync(base + extension) || workspace.createdText(base + extension) !== undefined)) continue;
    workspace.create(path, text);
    return path;
  }
}

function moduleText(files: readonly FileEdits[], flavour: Flavour): string {
  const style = (files[0] as FileEdits).style;
  if (flavour !== 'cjs') return requireEnvHelper(style, flavour === 'ts', true) + style.newline;
  const exportLine = `module.exports = { ${REQUIRE_ENV} }${style.semicolons ? ';' : ''}`;
  return requireEnvHelper(style, false) + style.newline + style.newline + exportLine + style.newline;
}

/** `import { requireEnv } from "…";` after the file's imports, or `const { requireEnv } = require("…");` after its requires. */
function addImport(edits: FileEdits, specifier: string, flavour: Flavour): void {
  const { sourceFile, style } = edits;
  const source = quoted(specifier, style);
  const code = edits.statement(flavour === 'cjs' ? `const { ${REQUIRE_ENV} } = require(${source})` : `import { ${REQUIRE_ENV} } from ${source}`);
  const statements = sourceFile.getStatements();
  const imports = flavour === 'cjs' ? statements.filter((statement) => Node.isVariableStatement(statement) && /^\s*(const|let|var)\b[^=]*=\s*require\(/.test(statement.getText())) : sourceFile.getImportDeclarations();
  const last = imports.at(-1);
  if (last) {
    edits.insert(lineEnd(sourceFile.getFullText(), last.getEnd()), style.newline + code);
    return;
  }
  const anchor = statements.find((statement) => !isDirective(statement));
  // Above the file's opening comments, but never between a statement and its own JSDoc.
  if (anchor) edits.insert(Math.min(insertionOffset(anchor), anchor.getStart(true)), code + style.newline + style.newline);
  else edits.insert(sourceFile.getEnd(), style.newline + code + style.newline);
}

/** The module system a file imports with; undefined for a script that shows none. */
function flavourOf(sourceFile: SourceFile): Flavour | undefined {
  const known = FLAVOUR_OF_EXTENSION[extname(sourceFile.getFilePath())];
  if (known) return known;
  const text = sourceFile.getFullText();
  if (/^\s*(import|export)\b/m.test(text)) return 'js';
  return /\brequire\s*\(|\bmodule\.exports\b|\bexports\.\w+\s*=/.test(text) ? 'cjs' : undefined;
}

/** The file already has a `requireEnv`: its own function, an import or a require of one. */
function declaresRequireEnv(sourceFile: SourceFile): boolean {
  if (sourceFile.getFunction(REQUIRE_ENV)) return true;
  if (sourceFile.getImportDeclarations().some((declaration) => declaration.getNamedImports().some((specifier) => (specifier.getAliasNode() ?? specifier.getNameNode()).getText() === REQUIRE_ENV))) return true;
  return sourceFile.getVariableDeclarations().some((declaration) => {
    const name = declaration.getNameNode();
    return Node.isIdentifier(name) ? name.getText() === REQUIRE_ENV : name.getDescendantsOfKind(SyntaxKind.BindingElement).some((element) => element.getNameNode().getText() === REQUIRE_ENV);
  });
}

function commonFolder(paths: readonly string[]): string {
  const [first, ...rest] = paths.map((path) => dirname(path).split(sep));
  let common = first ?? [];
  for (const parts of rest) {
    let length = 0;
    while (length < common.length && common[length] === parts[length]) length += 1;
    common = common.slice(0, length);
  }
  return common.join(sep) || sep;
}

/** The nearest folder with a package.json, up to the run's folder: helper modules never cross packages. */
function packageRoot(path: string, cwd: string): string {
  let folder = dirname(path);
  while (!existsSync(join(folder, 'package.json')) && folder !== cwd && dirname(folder) !== folder) folder = dirname(folder);
  return folder;
}
