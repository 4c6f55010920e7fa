import { Project, SyntaxKind, ts, type SourceFile } from 'ts-morph';
import { FileEdits } from './file-edits.js';
import { markerComment } from './markers.js';
import type { CodemodOutput, FollowUp, SourceText } from './types.js';

/**
 * The files one codemod run touches: parsed on demand into an in-memory ts-morph project (no type
 * checking, no lib, no resolution: parsing is all a text rewrite needs), one `FileEdits` per file,
 * and the follow-ups, whose lines are only known once the new text exists.
 */
export class Workspace {
  private readonly project = new Project({
    useInMemoryFileSystem: true,
    skipLoadingLibFiles: true,
    compilerOptions: { allowJs: true, noLib: true, noResolve: true, jsx: ts.JsxEmit.Preserve },
  });
  private readonly edits = new Map<string, FileEdits>();
  private readonly pending: { path: string; marker: string; message: string }[] = [];

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

  /** The marker line to write above a spot, recorded as a follow-up at the line where it lands. */
  marker(sourceFile: SourceFile, message: string): string {
    const marker = markerComment(this.codemod, message);
    this.pending.push({ path: sourceFile.getFilePath(), marker, message });
    return marker;
  }

  /** Records a follow-up for a marker that is already in the file (a spot marked by an earlier run). */
  remark(sourceFile: SourceFile, message: string): void {
    this.pending.push({ path: sourceFile.getFilePath(), marker: markerComment(this.codemod, message), message });
  }

  /** Every name declared or referenced in the file, so generated names never collide. */
  takenNames(sourceFile: SourceFile): Set<string> {
    return new Set(sourceFile.getDescendantsOfKind(SyntaxKind.Identifier).map((identifier) => identifier.getText()));
  }

  output(): CodemodOutput {
    const changed = new Map<string, string>();
    for (const [path, edits] of this.edits) if (edits.changed) changed.set(path, edits.apply());
    const followUps: FollowUp[] = [];
    const seen = new Map<string, number>();
    for (const { path, marker, message } of this.pending) {
      const text = changed.get(path) ?? this.project.getSourceFile(path)?.getFullText() ?? '';
      const key = `${path}\0${marker}`;
      const occurrence = seen.get(key) ?? 0;
      seen.set(key, occurrence + 1);
      followUps.push({ path, line: lineOf(text, marker, occurrence), codemod: this.codemod, message });
    }
    return { changed, followUps };
  }
}

/** The 1-based line of the `occurrence`-th appearance of `needle` (line 1 when absent). */
function lineOf(text: string, needle: string, occurrence: number): number {
  let index = -1;
  for (let found = 0; found <= occurrence; found += 1) {
    const next = text.indexOf(needle, index + 1);
    if (next === -1) break;
    index = next;
  }
  return index === -1 ? 1 : text.slice(0, index).split('\n').length;
}
