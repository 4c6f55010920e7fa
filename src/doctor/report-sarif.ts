import { resolve } from 'node:path';
import { sarifLocation, sarifLog, type SarifRule } from '../cli/sarif.js';
import { REPOSITORY_URL } from '../package-info.js';
import type { FindingKind } from './compare.js';
import type { DoctorView, FindingView, PlaceView } from './report-json.js';

const DOCS = `${REPOSITORY_URL}/blob/main/docs/doctor.md`;

/** One SARIF rule per kind of finding, so code scanning can filter and explain them. */
const RULES: Record<FindingKind, SarifRule> = {
  missing: { id: 'scale-auth/doctor/missing-credential', description: "A credential the deployable's code reads is not injected by its manifest", url: `${DOCS}#missing` },
  'near-miss': { id: 'scale-auth/doctor/near-miss-credential', description: 'The manifest injects a near miss of the credential name the code reads', url: `${DOCS}#near-miss` },
  unverifiable: { id: 'scale-auth/doctor/unverifiable-credential', description: 'A credential the code reads may come from a source the repository does not show', url: `${DOCS}#unverifiable` },
  stale: { id: 'scale-auth/doctor/stale-credential', description: 'The manifest injects a credential that no code of the deployable reads', url: `${DOCS}#stale` },
};

/**
 * SARIF 2.1.0: a result per finding, located at the read (the code) with the manifest entry as a
 * related location (a stale injection is located at the manifest). Files and deployables not
 * checked are tool notifications.
 */
export function doctorSarif(view: DoctorView, cwd: string): object {
  const location = (place: PlaceView) => sarifLocation(resolve(cwd, place.file), { startLine: place.line, ...(place.column === undefined ? {} : { startColumn: place.column }) }, cwd);
  const results = view.deployables.flatMap((item) =>
    item.findings.map((finding) => ({
      ruleId: RULES[finding.kind].id,
      level: finding.level,
      message: { text: message(item.id, finding) },
      locations: [location(finding.read ?? finding.manifest)],
      ...(finding.read ? { relatedLocations: [{ id: 1, ...location(finding.manifest), message: { text: `${item.id} in ${finding.manifest.file}` } }] } : {}),
    })),
  );
  const notifications = [
    ...view.notChecked.map((file) => ({ level: file.severity === 'error' ? 'error' : 'note', message: { text: `${file.file}: ${file.reason}` }, locations: [location({ file: file.file, line: file.line ?? 1 })] })),
    ...view.deployables.flatMap((item) => [
      ...(item.entry.files.length === 0 ? [{ level: 'note', message: { text: `${item.id} not checked: ${item.entry.problem ?? 'no entrypoint found'}` }, locations: [location(item.manifest)] }] : []),
      ...item.unparsed.map((file) => ({ level: 'error', message: { text: `${file.file} does not parse: ${file.message}` }, locations: [location({ file: file.file, line: 1 })] })),
    ]),
  ];
  return sarifLog(Object.values(RULES), results, notifications, cwd);
}

function message(id: string, finding: FindingView): string {
  const name = finding.alternatives ? finding.alternatives.join(' or ') : finding.name;
  const by = finding.readBy ? ` (${finding.readBy})` : '';
  switch (finding.kind) {
    case 'missing':
      return `${id} reads ${name}${by}, which ${finding.manifest.file} does not inject.`;
    case 'near-miss':
      return `${id} reads ${name}${by}, but ${finding.manifest.file} injects ${finding.injected ?? '?'}: a near miss of the name.`;
    case 'unverifiable':
      return `${id} reads ${name}${by}: provided by ${(finding.sources ?? []).join(', ')}, not verifiable here.`;
    case 'stale':
      return `${id} is given ${name} by ${finding.manifest.file}, but none of its code reads it.`;
  }
}
