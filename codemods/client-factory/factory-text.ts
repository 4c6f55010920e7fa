import { Node } from 'ts-morph';
import { quoted } from '../../src/codemod/code-style.js';
import type { FileEdits } from '../../src/codemod/file-edits.js';
import { reindent } from '../../src/codemod/prepend-statements.js';
import { REQUIRE_ENV } from '../../src/codemod/require-env.js';
import { applyEdits, type TextEdit } from '../../src/codemod/text-edits.js';
import { outerExpression, processEnvName } from '../../src/codemod/ts-nodes.js';
import type { Conversion } from './conversion.js';

/** A value the factory creates first because its initializer reads it: `const llm = createLlm();`. */
export interface Dependency {
  local: string;
  factory: string;
  isAsync: boolean;
}

export interface FactoryText {
  text: string;
  /** The body calls `requireEnv`, so the file needs the helper. */
  readsEnv: boolean;
}

/**
 * `export function createCrewClient() { return new CrewClient({ apiKey: requireEnv("…") }); }`:
 * the initializer, moved as written, with credential env reads resolved when the factory runs.
 */
export function factoryText(conversion: Conversion, dependencies: readonly Dependency[], file: FileEdits): FactoryText {
  const { style } = file;
  const { init } = conversion;
  const envEdits: TextEdit[] = [];
  const readNames = new Set<string>();
  const replaceRead = (node: Node): boolean => {
    const name = processEnvName(node);
    if (!name || !conversion.envNames.includes(name)) return false;
    readNames.add(name);
    const read = withEmptyFallback(outerExpression(node));
    const start = Math.max(read.getStart(), init.getStart());
    const end = Math.min(read.getEnd(), init.getEnd());
    envEdits.push({ start: start - init.getStart(), end: end - init.getStart(), text: `${REQUIRE_ENV}(${quoted(name, style)})` });
    return true;
  };
  // `const API_TOKEN = process.env.API_TOKEN`: the initializer is the read itself.
  if (!replaceRead(init)) {
    init.forEachDescendant((child, traversal) => {
      if (Node.isArrowFunction(child) || Node.isFunctionExpression(child) || Node.isMethodDeclaration(child) || replaceRead(child)) traversal.skip();
    });
  }
  // A value made from converted dependencies gets its credential through their factories.
  const implicit = dependencies.length > 0 ? [] : conversion.envNames.filter((name) => !readNames.has(name));
  const isAsync = conversion.isAsync || dependencies.some((dependency) => dependency.isAsync);
  const body = [
    ...dependencies.map((dependency) => file.statement(`const ${dependency.local} = ${dependency.isAsync ? 'await ' : ''}${dependency.factory}()`)),
    ...implicit.map((name) => file.statement(`${REQUIRE_ENV}(${quoted(name, style)})`)),
    file.statement(`return ${reindent(applyEdits(init.getText(), envEdits), style.indent, init)}`),
  ];
  const exportKeyword = conversion.exportKind === 'default' ? 'export default ' : conversion.exportKind === 'named' ? 'export ' : '';
  const lines = [`${exportKeyword}${isAsync ? 'async ' : ''}function ${conversion.factory}() {`, ...body.map((line) => style.indent + line), '}'];
  return { text: lines.join(style.newline), readsEnv: envEdits.length > 0 || implicit.length > 0 };
}

/** `process.env.X ?? ''` and `process.env.X || ""` only hide a missing credential: replace the whole. */
function withEmptyFallback(read: Node): Node {
  const parent = read.getParent();
  if (!Node.isBinaryExpression(parent) || parent.getLeft() !== read || !['??', '||'].includes(parent.getOperatorToken().getText())) return read;
  const right = parent.getRight();
  return (Node.isStringLiteral(right) || Node.isNoSubstitutionTemplateLiteral(right)) && right.getLiteralValue() === '' ? outerExpression(parent) : read;
}
