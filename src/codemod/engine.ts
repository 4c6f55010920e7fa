import { existsSync, readFileSync } from 'node:fs';
import { parseError } from './collect-reports.js';
import { markersIn } from './markers.js';
import { mentionedSpecifiers, ModuleResolver } from './module-resolution.js';
import { ReportCache } from './report-cache.js';
import { codemods, isCodemodName, type CodemodName } from './registry.js';
import type { FileResult, FollowUp, MigrateOptions, MigrationResult, ReportedFile, SourceText } from './types.js';

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const BOM = '\uFEFF';

/**
 * Runs codemods over a set of files, in memory: each codemod sees the text the previous one left.
 * Nothing is written here (the CLI writes); a file that does not parse, or whose new text would
 * not parse, keeps its original text and is reported as an error.
 */
export function migrate(options: MigrateOptions): MigrationResult {
  const names = options.codemods ?? (Object.keys(codemods) as CodemodName[]);
  const unknown = names.filter((name) => !isCodemodName(name));
  if (unknown.length > 0) throw new Error(`Unknown codemod: ${unknown.join(', ')} (known: ${Object.keys(codemods).join(', ')})`);

  const original = new Map<string, string>();
  const withBom = new Set<string>();
  const current = new Map<string, string>();
  const errors = new Map<string, string>();
  for (const path of options.files) {
    try {
      // Not UTF-8 (Latin-1, UTF-16): decoding would replace bytes, and writing back would corrupt them.
      const decoded = STRICT_UTF8.decode(readFileSync(path));
      // Codemods and rule ranges see the text without its BOM (as ESLint does); it is put back on output.
      const text = decoded.startsWith(BOM) ? decoded.slice(1) : decoded;
      if (text !== decoded) withBom.add(path);
      original.set(path, text);
      current.set(path, text);
    } catch (error) {
      errors.set(path, error instanceof TypeError ? 'not valid UTF-8: left untouched' : `cannot read: ${(error as Error).message}`);
    }
  }

  const resolver = new ModuleResolver();
  const created: string[] = [];
  const followUps: FollowUp[] = [];
  const rulesToRun = [...new Set(names.map((name) => codemods[name as CodemodName].rule))];
  const scan = new ReportCache(rulesToRun, options.cwd);
  options.files.forEach((path, index) => {
    const text = current.get(path);
    if (text !== undefined) {
      const error = scan.refresh(path, text);
      if (error !== undefined) errors.set(path, error);
    }
    options.onProgress?.(index + 1, options.files.length, path);
  });

  for (const name of names as CodemodName[]) {
    const codemod = codemods[name];
    const reported: ReportedFile[] = [];
    for (const path of options.files) {
      const text = current.get(path);
      if (text === undefined || errors.has(path)) continue;
      const reports = scan.reportsOf(path, codemod.rule);
      if (reports.length > 0) reported.push({ path, text, reports });
    }
    if (reported.length === 0) continue;

    const importers = importerIndex(current, errors, resolver);
    let output;
    try {
      output = codemod.transform({
        reported,
        importersOf: (path) => importers().get(path) ?? [],
        resolve: (specifier, fromFile) => resolver.resolve(specifier, fromFile),
        crossFile: true,
        cwd: options.cwd,
        ...(options.options ? { options: options.options } : {}),
        projectFiles: () => [...current].filter(([path]) => !errors.has(path)).map(([path, text]) => ({ path, text })),
      });
      followUps.push(...(output.followUps ?? []));
    } catch (error) {
      for (const file of reported) errors.set(file.path, `${name} failed: ${(error as Error).message}`);
      continue;
    }
    // The changed files may import a created one: if it cannot be created, none of them changes.
    const refused = refusedCreation(output.created, current, options.cwd);
    if (refused) {
      for (const path of output.changed.keys()) if (current.has(path)) errors.set(path, `${name} ${refused}; file left unchanged`);
      continue;
    }
    for (const [path, text] of output.created ?? []) {
      current.set(path, text);
      created.push(path);
    }
    for (const [path, text] of output.changed) {
      if (!current.has(path) || errors.has(path)) continue;
      // Re-linting the new text both proves it parses and gives later codemods fresh reports.
      const broken = scan.refresh(path, text, true);
      if (broken) {
        errors.set(path, `${name} produced code that does not parse (${broken}); file left unchanged`);
        scan.refresh(path, current.get(path) ?? '');
      } else {
        current.set(path, text);
      }
    }
  }
  // Follow-ups are the markers in the code: left by this run or an earlier one, they are still to do.
  for (const [path, text] of current) {
    if (errors.has(path)) continue;
    for (const marker of markersIn(text)) if (names.includes(marker.codemod as CodemodName)) followUps.push({ path, ...marker });
  }

  const files: FileResult[] = options.files.map((path) => {
    const before = original.get(path);
    const error = errors.get(path);
    if (error !== undefined) return { path, status: 'error', error, ...(before === undefined ? {} : { before }) };
    const after = current.get(path) ?? '';
    const bom = withBom.has(path) ? BOM : '';
    return before === after ? { path, status: 'unchanged' } : { path, status: 'changed', before: bom + (before ?? ''), after: bom + after };
  });
  for (const path of created) files.push({ path, status: 'changed', created: true, before: '', after: current.get(path) ?? '' });
  return { files, followUps };
}

/** Why a codemod's new files cannot be added, if one cannot: it exists, or it does not parse. */
function refusedCreation(files: ReadonlyMap<string, string> | undefined, current: ReadonlyMap<string, string>, cwd: string): string | undefined {
  for (const [path, text] of files ?? []) {
    if (current.has(path) || existsSync(path)) return `would create ${path}, which exists`;
    const broken = parseError(path, text, cwd);
    if (broken) return `would create ${path} with code that does not parse (${broken})`;
  }
  return undefined;
}

/** Who imports whom, built on first use from each file's module specifiers. */
function importerIndex(texts: ReadonlyMap<string, string>, errors: ReadonlyMap<string, string>, resolver: ModuleResolver): () => Map<string, SourceText[]> {
  let index: Map<string, SourceText[]> | undefined;
  return () => {
    if (index) return index;
    index = new Map();
    for (const [path, text] of texts) {
      if (errors.has(path)) continue;
      for (const specifier of mentionedSpecifiers(text)) {
        const target = resolver.resolve(specifier, path);
        if (target === undefined || target === path || !texts.has(target)) continue;
        const list = index.get(target) ?? [];
        if (!list.some((entry) => entry.path === path)) list.push({ path, text });
        index.set(target, list);
      }
    }
    return index;
  };
}
