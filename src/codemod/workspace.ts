import { Project, SyntaxKind, ts, type SourceFile } from 'ts-morph';
import { FileEdits } from './file-edits.js';
import { markerComment } from './markers.js';
import type { CodemodOutput, SourceText } from './types.js';

const FILES_PER_PROJECT = 64;

/** Parsing and in-file symbols only: no type checking, lib or resolution. */
const PROJECT_OPTIONS = {
  useInMemoryFileSystem: true,
  skipLoadingLibFiles: true,
  compilerOptions: { allowJs: true, noLib: true, noResolve: true, jsx: ts.JsxEmit.Preserve },
};

/**
 * The files one codemod run touches: parsed on demand into in-memory ts-morph projects (no type
 * checking, no lib, no resolution: parsing and in-file symbols are all a text rewrite needs), one
 * `FileEdits` per file, and the files the codemod creates.
 */
export class Workspace {
  private readonly sourceFiles = new Map<string, SourceFile>();
  private readonly edits = new Map<string, FileEdits>();
  private readonly created = new Map<string, string>();
  private project: Project | undefined;
  private filesInProject = 0;

  constructor(private readonly codemod: string) {}

  /**
   * The parsed file; the same object for every call with the same path. Modules share in-memory
   * projects a few at a time: a project per file keeps a program and type checker per file (most of
   * a migration's memory), one project for all is rebuilt whenever another file is added. A script
   * (no import or export) gets a project of its own, or its top-level names would merge with the
   * other scripts' into one global scope.
   */
  sourceFile(file: SourceText): SourceFile {
    let sourceFile = this.sourceFiles.get(file.path);
    if (!sourceFile) {
      if (!this.project || this.filesInProject >= FILES_PER_PROJECT) {
        this.project = new Project(PROJECT_OPTIONS);
        this.filesInProject = 0;
      }
      sourceFile = this.project.createSourceFile(file.path, file.text);
      if (ts.isExternalModule(sourceFile.compilerNode)) {
        this.filesInProject += 1;
      } else {
        this.project.removeSourceFile(sourceFile);
        sourceFile = new Project(PROJECT_OPTIONS).createSourceFile(file.path, file.text);
      }
      this.sourceFiles.set(file.path, sourceFile);
    }
    return sourceFile;
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
