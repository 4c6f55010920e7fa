/**
 * When is an env name a near miss of another? The rules are narrow on purpose: a wrong suggestion
 * (renaming a project's own, deliberately named variable) costs more than a missed typo, so only
 * the slips seen in real code count, and never a change of meaning such as another vendor, an
 * added qualifier (`_PROD`, `_2`, `MY_`), a plural or a different service of the same vendor.
 */
export type NearMissKind = 'case' | 'separator' | 'slip' | 'missing-word' | 'extra-word' | 'suffix' | 'order';

/** Best first: when a name is a near miss of several candidates, only those of the best kind are kept. */
const RANK: readonly NearMissKind[] = ['case', 'separator', 'slip', 'missing-word', 'extra-word', 'suffix', 'order'];

/** Words people drop or add around the credential word: `OPENAI_KEY`, `MISTRAL_AI_API_KEY`, `AWS_SECRET_KEY`. */
const FILLERS = new Set(['API', 'AI', 'SECRET', 'ACCESS', 'AUTH']);
/** The credential word a dropped or added filler must stand before. */
const CREDENTIAL_TAIL = new Set(['KEY', 'TOKEN', 'API', 'APIKEY', 'APITOKEN']);
/** Interchangeable credential suffixes: `REPLICATE_API_KEY` for `REPLICATE_API_TOKEN`. */
const SUFFIXES = new Set(['KEY', 'TOKEN', 'APIKEY', 'APITOKEN']);
/** Shorter vendor words (`CO`, `HF`, `GH`) are too easy to hit by chance. */
const MIN_VENDOR = 3;
/** A one-letter slip only counts in a word at least this long (`GROK` is not `GROQ`). */
const MIN_SLIP_WORD = 5;

export interface NearMiss {
  candidate: string;
  kind: NearMissKind;
}

/** The candidates `name` is a near miss of, all of the best kind found; empty when none (or when `name` is one). */
export function nearMisses(name: string, candidates: Iterable<string>): NearMiss[] {
  const found: NearMiss[] = [];
  for (const candidate of candidates) {
    if (candidate === name) return [];
    const kind = nearMissKind(name, candidate);
    if (kind) found.push({ candidate, kind });
  }
  return bestNearMisses(found);
}

/** Of several near misses (from several candidate lists), each candidate once, only those of the best kind. */
export function bestNearMisses(found: readonly NearMiss[]): NearMiss[] {
  const best = Math.min(...found.map((miss) => RANK.indexOf(miss.kind)));
  const kept = new Map<string, NearMiss>();
  for (const miss of found) if (RANK.indexOf(miss.kind) === best && !kept.has(miss.candidate)) kept.set(miss.candidate, miss);
  return [...kept.values()];
}

/** `nearMisses` against one fixed list, remembered per name: the same names are read in file after file. */
export class NearMissIndex {
  private readonly byName = new Map<string, NearMiss[]>();

  constructor(private readonly candidates: readonly string[]) {}

  of(name: string): NearMiss[] {
    let misses = this.byName.get(name);
    if (!misses) this.byName.set(name, (misses = nearMisses(name, this.candidates)));
    return misses;
  }
}

/** How `name` misses `candidate`, if it is a near miss of it. */
export function nearMissKind(name: string, candidate: string): NearMissKind | undefined {
  const read = name.toUpperCase();
  const canonical = candidate.toUpperCase();
  if (name === candidate) return undefined;
  // A leading or trailing underscore is a deliberate mark (`_AZURE_OPENAI_API_KEY` hides a key from
  // an SDK's own env lookup), never a slip of the keyboard.
  if (/^_|_$/.test(name) !== /^_|_$/.test(candidate)) return undefined;
  if (read === canonical) return 'case';
  const r = words(read);
  const c = words(canonical);
  if (r.join('') === c.join('')) return 'separator';
  if (r.length === c.length && isSlip(r, c)) return 'slip';
  if (withoutFiller(c, r)) return 'missing-word';
  if (withoutFiller(r, c, false)) return 'extra-word';
  if (sameStemOtherSuffix(r, c)) return 'suffix';
  if (r.length >= 2 && r.length === c.length && [...r].sort().join('_') === [...c].sort().join('_')) return 'order';
  return undefined;
}

function words(name: string): string[] {
  return name.split(/[_.-]+/).filter(Boolean);
}

/** All words equal but one, which differs by one letter (swapped, wrong, missing or extra). */
function isSlip(read: readonly string[], canonical: readonly string[]): boolean {
  const differing = read.flatMap((word, index) => (word === canonical[index] ? [] : [index]));
  if (differing.length !== 1) return false;
  const index = differing[0] ?? 0;
  const a = read[index] ?? '';
  const b = canonical[index] ?? '';
  return b.length >= MIN_SLIP_WORD && isOneLetterEdit(a, b);
}

function isOneLetterEdit(a: string, b: string): boolean {
  if (a.length === b.length) {
    const diff = [...a].flatMap((char, index) => (char === b[index] ? [] : [index]));
    if (diff.length === 1) return isLetter(a[diff[0] ?? 0]) && isLetter(b[diff[0] ?? 0]);
    const [first, second] = diff;
    return diff.length === 2 && first !== undefined && second === first + 1 && a[first] === b[second] && a[second] === b[first];
  }
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  if (longer.length !== shorter.length + 1) return false;
  // A plural is another variable (`OPENAI_API_KEYS`, `AWS_REGIONS`), not a slip.
  if (longer === `${shorter}S`) return false;
  for (let index = 0; index < longer.length; index++) {
    if (longer.slice(0, index) + longer.slice(index + 1) === shorter) return isLetter(longer[index]);
  }
  return false;
}

const isLetter = (char: string | undefined): boolean => char !== undefined && /[A-Z]/.test(char);

/**
 * `longer` without one filler word equals `shorter`, compared without separators (so `CREW_AI_KEY`
 * is `CREWAI_API_KEY` without `API`). The filler is
 * never the vendor word, and stands before the credential word (`OPENAI_[API_]KEY`); a trailing `ID`
 * may be missing (`AWS_ACCESS_KEY` for `AWS_ACCESS_KEY_ID`) but never added.
 */
function withoutFiller(longer: readonly string[], shorter: readonly string[], trailingId = true): boolean {
  if ((shorter[0]?.length ?? 0) < MIN_VENDOR) return false;
  const target = shorter.join('');
  return longer.some((word, index) => {
    if (index === 0) return false;
    const next = longer[index + 1];
    const droppable = next === undefined ? trailingId && word === 'ID' : FILLERS.has(word) && CREDENTIAL_TAIL.has(next);
    return droppable && [...longer.slice(0, index), ...longer.slice(index + 1)].join('') === target;
  });
}

/** Same vendor stem, another credential suffix: `REPLICATE_API_KEY` / `REPLICATE_API_TOKEN`, `OPENAI_TOKEN` / `OPENAI_API_KEY`. */
function sameStemOtherSuffix(read: readonly string[], canonical: readonly string[]): boolean {
  const r = stemAndSuffix(read);
  const c = stemAndSuffix(canonical);
  return r !== undefined && c !== undefined && r.stem === c.stem && r.suffix !== c.suffix && r.stem.length >= MIN_VENDOR;
}

function stemAndSuffix(name: readonly string[]): { stem: string; suffix: string } | undefined {
  for (const length of [2, 1]) {
    if (name.length <= length) continue;
    const suffix = name.slice(-length).join('');
    if (SUFFIXES.has(suffix)) return { stem: name.slice(0, -length).join(''), suffix };
  }
  return undefined;
}
