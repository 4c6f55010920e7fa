export declare const root: string;
export declare const CORPUS_PACKAGES: readonly string[];
export declare function corpusFiles(): string[];
export declare function corpusSlice(count: number): string[];
export declare function lineCount(paths: readonly string[]): number;
export declare const relativeToRoot: (path: string) => string;
export declare function copyCorpus(files: readonly string[], destination: string): string[];
