import { display } from '../cli/migrate-report.js';
import type { Finding, FindingKind } from './compare.js';
import type { DoctorReport } from './run.js';
import type { Place } from './types.js';

/** A place as printed: a path relative to the folder the command ran in. */
export interface PlaceView {
  file: string;
  line: number;
  column?: number;
}

export interface FindingView {
  kind: FindingKind;
  level: 'error' | 'note';
  name: string;
  alternatives?: string[];
  read?: PlaceView;
  reads?: number;
  readBy?: string;
  manifest: PlaceView;
  injected?: string;
  sources?: string[];
  declared?: PlaceView;
}

/** What `doctor --format json` prints, and what the table is drawn from. Names and places only. */
export interface DoctorView {
  deployables: {
    id: string;
    name: string;
    manifest: PlaceView;
    /** `origin` for people: `command (k8s/worker.yaml:13) → package.json script "worker"`. */
    entry: { files: string[]; origin: string; at?: PlaceView; problem?: string; external?: boolean };
    modules: number;
    checked: number;
    findings: FindingView[];
    unparsed: { file: string; message: string }[];
  }[];
  notChecked: { file: string; line?: number; reason: string; severity: 'error' | 'skipped' }[];
  summary: { deployables: number; checked: number; notChecked: number; missing: number; nearMiss: number; unverifiable: number; stale: number; errors: number };
}

/** `missing` and `near-miss` fail the run; the others are for information. */
const FAILING: readonly FindingKind[] = ['missing', 'near-miss'];

export function where(place: PlaceView): string {
  return `${place.file}:${place.line}${place.column === undefined ? '' : `:${place.column}`}`;
}

export function doctorView(report: DoctorReport, cwd: string): DoctorView {
  const place = (at: Place): PlaceView => ({ file: display(at.file, cwd), line: at.line, ...(at.column === undefined ? {} : { column: at.column }) });
  const finding = (item: Finding): FindingView => ({
    kind: item.kind,
    level: FAILING.includes(item.kind) ? 'error' : 'note',
    name: item.name,
    ...(item.alternatives.length > 1 ? { alternatives: item.alternatives } : {}),
    ...(item.read ? { read: place(item.read), reads: item.reads } : {}),
    ...(item.readBy ? { readBy: item.readBy } : {}),
    manifest: place(item.manifest),
    ...(item.injected ? { injected: item.injected } : {}),
    ...(item.sources ? { sources: item.sources } : {}),
    ...(item.declared ? { declared: place(item.declared) } : {}),
  });
  const deployables = report.deployables.map(({ deployable, entry, modules, checked, findings, unparsed }) => ({
    id: deployable.id,
    name: deployable.name,
    manifest: place(deployable.at),
    entry: {
      files: entry.files.map((file) => display(file, cwd)),
      origin: [`${entry.via}${entry.at ? ` (${where(place(entry.at))})` : ''}`, ...entry.scripts].join(' → '),
      ...(entry.at ? { at: place(entry.at) } : {}),
      ...(entry.problem ? { problem: entry.problem } : {}),
      ...(entry.external ? { external: true } : {}),
    },
    modules,
    checked,
    findings: findings.map(finding),
    unparsed: unparsed.map((file) => ({ file: display(file.file, cwd), message: file.message })),
  }));
  const all = deployables.flatMap((item) => item.findings);
  const count = (kind: FindingKind) => all.filter((item) => item.kind === kind).length;
  const notChecked = report.skipped.map((file) => ({ ...file, file: display(file.file, cwd) }));
  return {
    deployables,
    notChecked,
    summary: {
      deployables: deployables.length,
      checked: deployables.filter((item) => item.entry.files.length > 0).length,
      notChecked: deployables.filter((item) => item.entry.files.length === 0).length,
      missing: count('missing'),
      nearMiss: count('near-miss'),
      unverifiable: count('unverifiable'),
      stale: count('stale'),
      errors: notChecked.filter((file) => file.severity === 'error').length + deployables.reduce((sum, item) => sum + item.unparsed.length, 0),
    },
  };
}
