import { Project, SyntaxKind, ts, type SourceFile } from 'ts-morph';
import { FileEdits } from './file-edits.js';
import { markerComment } from './markers.js';
import type { CodemodOutput, SourceText } from './types.js';

/**
 * The files one codemod run touches: parsed on demand into an in-memory ts-morph project (no type
 * checking, no lib, no resolution: parsing is all a text rewrite needs) and one `FileEdits` per file.
 */
export class Workspace {
  private readonly project = new Project({
    useInMemoryFileSystem: true,
    skipLoadingLibFiles: true,
    compilerOptions: { allowJs: true, noLib: true, noResolve: true, jsx: ts.JsxEmit.Preserve },
  });
  private readonly edits = new Map<string, FileEdits>();
  private readonly created = new Map<string, string>();

  constructor(private readonly codemod: string) {}

  /** The parsed file; the same object for every call with the same path. */
  sourceFile(file: SourceText): SourceFile {
    return this.project.getSourceFile(file.path) ?? this.project.createSourceFile(file.path, file.text, { overwrite: false });
  }

  editsFor(sourceFile: SourceFile): FileEdits {
    const path = sourceFile.getFilePath();
    let edits = this.edits.get(path);
    if (!edits) {
      edits = new FileEdits(sourceFile);
      this.edits.set(path, edits);
    }
    return edits;
  }

  /** The marker line to write above a spot that needs a person (it becomes a follow-up). */
  marker(message: string): string {
    return markerComment(this.codemod, message);
  }

  /** Every name declared or referenced in the file, so generated names never collide. */
  takenNames(sourceFile: SourceFile): Set<string> {
    return new Set(sourceFile.getDescendantsOfKind(SyntaxKind.Identifier).map((identifier) => identifier.getText()));
  }

  /** Adds a new file; the codemod has checked that nothing exists at `path`. */
  create(path: string, text: string): void {
    this.created.set(path, text);
  }

  /** The text of a file created earlier in this run, if any. */
  createdText(path: string): string | undefined {
    return this.created.get(path);
  }

  output(): CodemodOutput {
    const changed = new Map<string, string>();
    for (const [path, edits] of this.edits) if (edits.changed) changed.set(path, edits.apply());
    return this.created.size > 0 ? { changed, created: new Map(this.created) } : { changed };
  }
}
