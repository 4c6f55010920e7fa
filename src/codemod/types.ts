/** A rule report as the engine hands it to a codemod: where, which message, and the rule's `data`. */
export interface RuleReport {
  ruleId: string;
  messageId: string;
  /** Offsets of the reported node in the file's text. */
  range: [number, number];
  line: number;
  /** 1-based, as in ESLint's messages. */
  column: number;
  data: Record<string, string>;
}

/** Something a codemod could not rewrite safely; also left in the code as a marker comment. */
export interface FollowUp {
  path: string;
  line: number;
  codemod: string;
  message: string;
}

export interface FileResult {
  path: string;
  status: 'changed' | 'unchanged' | 'error';
  /** A file a codemod added (its `before` is empty): written like a changed file. */
  created?: boolean;
  before?: string;
  after?: string;
  /** The parser's message (or the codemod's) when status is 'error'. */
  error?: string;
}

export interface MigrationResult {
  /** Every scanned file, in the order given, then the files codemods created. */
  files: FileResult[];
  followUps: FollowUp[];
}

/**
 * Options users give codemods (`--option name=value`, `--require-env-module`, jscodeshift flags); each
 * codemod reads the names it knows: `requireEnvModule` (require-env: import `requireEnv` from this
 * module, a package or alias as written or an absolute path), `serviceEnv` and `serviceEnv.<Client>`
 * (service-credential: the env var holding the service's own credential).
 */
export type CodemodOptions = Readonly<Record<string, string>>;

export interface MigrateOptions {
  /** Project root: module resolution, tsconfig lookup and `allow` globs are relative to it. */
  cwd: string;
  /** Absolute paths of every source file in scope (the engine finds importers among them). */
  files: string[];
  /** Codemod names to run, in order; all registered codemods when omitted. */
  codemods?: string[];
  /** Called after each file is scanned, for progress bars. */
  onProgress?: (done: number, total: number, path: string) => void;
  /** Codemod options, module paths already made absolute (`resolveCodemodOptions`). */
  options?: CodemodOptions;
}

/** A file as a codemod sees it: its current text and, when it has any, its reports. */
export interface SourceText {
  path: string;
  text: string;
}

export interface ReportedFile extends SourceText {
  reports: RuleReport[];
}

export interface CodemodInput {
  /** Files with reports of the codemod's paired rule. */
  reported: ReportedFile[];
  /** Project files that import `path` (direct importers only); empty when `crossFile` is false. */
  importersOf(path: string): SourceText[];
  /** Resolves an import specifier written in `fromFile` to a project file. */
  resolve(specifier: string, fromFile: string): string | undefined;
  /** False under jscodeshift: only the reported file may change, other files become follow-ups. */
  crossFile: boolean;
  /** The folder the run covers: a codemod looks at no file above it. */
  cwd: string;
  options?: CodemodOptions;
  /** Every project file in scope, as it is now (a job's consumer is in a file nobody imports); absent when `crossFile` is false. */
  projectFiles?(): SourceText[];
}

export interface CodemodOutput {
  /** Follow-ups in files a codemod does not rewrite (env files, manifests, docs); markers in code are found by the engine. */
  followUps?: FollowUp[];
  /** New text by path, for files that changed. Spots left for a person carry a marker comment. */
  changed: Map<string, string>;
  /** New files by path (a module that a changed file now imports); never a path that exists. */
  created?: Map<string, string>;
}

export interface Codemod {
  name: string;
  /** The rule whose reports drive it, without the `scale-auth/` prefix. */
  rule: import('../../rules/index.js').RuleName;
  /** One line, shown in the README's codemods table. */
  description: string;
  transform(input: CodemodInput): CodemodOutput;
}
