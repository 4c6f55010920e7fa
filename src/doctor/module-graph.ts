import { readFileSync } from 'node:fs';
import { isSourceFile } from '../cli/discover.js';
import { ModuleResolver } from '../codemod/module-resolution.js';
import type { ScaleAuthSettings } from '../settings.js';
import { sourceFacts, type SdkDefault, type SourceFacts } from './source-facts.js';
import type { Place } from './types.js';

/** Everything the code reachable from a deployable's entrypoints needs from the environment. */
export interface CodeNeeds {
  /** The project's own files reached, entrypoints first. */
  files: string[];
  reads: { name: string; at: Place }[];
  sdkDefaults: SdkDefault[];
  /** Packages the reached files import (`@langchain/openai`, not `@langchain/openai/x`). */
  packages: Set<string>;
  unparsed: { file: string; message: string }[];
}

/**
 * Walks the module graph of the project's own files (relative imports and tsconfig `paths`
 * aliases; packages are not entered) from the entrypoints. Facts are cached per file, since web
 * and worker share most of their modules.
 */
export class ModuleGraph {
  private readonly resolver = new ModuleResolver();
  private readonly facts = new Map<string, SourceFacts>();

  constructor(private readonly settings: ScaleAuthSettings) {}

  needs(entries: readonly string[]): CodeNeeds {
    const needs: CodeNeeds = { files: [], reads: [], sdkDefaults: [], packages: new Set(), unparsed: [] };
    const seen = new Set<string>();
    const queue = [...entries];
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
      if (seen.has(file)) continue;
      seen.add(file);
      needs.files.push(file);
      const facts = this.factsOf(file);
      if (facts.parseError !== undefined) needs.unparsed.push({ file, message: facts.parseError });
      needs.reads.push(...facts.reads);
      needs.sdkDefaults.push(...facts.sdkDefaults);
      for (const specifier of facts.specifiers) {
        const resolved = this.resolver.resolve(specifier, file);
        // Declaration files and JSON hold no code that runs.
        if (resolved !== undefined) {
          if (isSourceFile(resolved)) queue.push(resolved);
        }
        else if (!specifier.startsWith('.') && !specifier.startsWith('/')) needs.packages.add(packageName(specifier));
      }
    }
    return needs;
  }

  private factsOf(file: string): SourceFacts {
    let facts = this.facts.get(file);
    if (!facts) {
      facts = sourceFacts(file, readFileSync(file, 'utf8'), this.settings);
      this.facts.set(file, facts);
    }
    return facts;
  }
}

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`; `node:fs` stays. */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}
