/**
 * The state of an element's compare and change-history views (docs/review.md): the versions the
 * host gave in `compare`, read as `annotations` would read them, their agreement
 * (`format/compare/agreement.ts`), which versions are shown, and the reviewer's picks, each
 * written to the store as ONE user transaction (one undo step). No DOM here: the overlays and
 * the panel render from it.
 */
import type { ErrorInfo } from '../../core/errors.js';
import type { ObjectAnnotation } from '../../core/model.js';
import type { Result } from '../../core/problem.js';
import type { LabelingSession } from '../../core/session.js';
import { agreementOf, type AgreementReport, type ObjectAgreement } from '../../format/compare/agreement.js';
import { diffRecords, type RecordDiff } from '../../format/compare/diff.js';
import type { ImportedAnnotations } from '../../format/import.js';
import type { ExportRecord, StageHistoryEntry } from '../../format/types.js';
import type { CompareSource } from './compare-source.js';

/** What the compare view needs from its element. */
export interface CompareHost {
  readonly session: LabelingSession;
  /** Reads one version as `annotations` would (the element's codecs, text, pages). */
  parseVersion(record: unknown): Result<ImportedAnnotations>;
  /** The current annotations, as `export()` gives them. */
  exportRecord(): ExportRecord;
  /** The stages of the element's own record (`task.stageHistory`). */
  stageHistory(): readonly StageHistoryEntry[];
  /** Tracks: the asset's frame count, once known. */
  frameTotal(): number | undefined;
  reportError(info: ErrorInfo): void;
  requestUpdate(): void;
}

/** How source i is drawn: colours that read on photos and on the dark stage, and a dash pattern each, so colour is never the only cue. */
export const SOURCE_STYLES: readonly { color: string; dash: string; text: 'solid' | 'dashed' | 'dotted' | 'double' | 'wavy' }[] = [
  { color: '#ff1744', dash: '', text: 'solid' },
  { color: '#2979ff', dash: '10 5', text: 'dashed' },
  { color: '#00c853', dash: '2 4', text: 'dotted' },
  { color: '#ffab00', dash: '12 4 2 4', text: 'double' },
  { color: '#d500f9', dash: '6 3', text: 'wavy' },
];

export const sourceStyle = (index: number) => SOURCE_STYLES[index % SOURCE_STYLES.length]!;

export interface CompareVersion {
  label: string;
  baseline: boolean;
  /** `undefined` when the version could not be read (an `lk-error` said why). */
  imported: ImportedAnnotations | undefined;
}

/** A change-history baseline: a compare source or a stage of the element's own history. */
export type HistoryBase = { kind: 'source'; index: number } | { kind: 'stage'; index: number };

export interface HistoryView {
  diff: RecordDiff;
  /** The baseline's objects, by id (removed and moved objects are drawn from here). */
  before: Map<string, ObjectAnnotation>;
}

/**
 * The version with each object numbered in its class ("Car 2") as an import into the store would
 * number it: a number it came with is kept, the others get the next ones in order.
 */
function numbered(imported: ImportedAnnotations): ImportedAnnotations {
  const taken = new Map<string, Set<number>>();
  for (const object of imported.objects) if (object.metadata.index !== undefined) taken.set(object.schemaId, (taken.get(object.schemaId) ?? new Set()).add(object.metadata.index));
  const next = new Map<string, number>();
  const objects = imported.objects.map((object) => {
    if (object.metadata.index !== undefined) return object;
    const used = taken.get(object.schemaId) ?? new Set<number>();
    let index = next.get(object.schemaId) ?? 1;
    while (used.has(index)) index++;
    next.set(object.schemaId, index + 1);
    return { ...object, metadata: { ...object.metadata, index } };
  });
  return { ...imported, objects };
}

const percent = (value: number): string => `${Math.round(value * 100)}%`;
export { percent as formatAgreement };

export class CompareView {
  versions: CompareVersion[] = [];
  report: AgreementReport | undefined;
  /** Versions the reviewer hid (their shapes are not drawn). */
  readonly hidden = new Set<number>();
  /** The matched object whose row has the pointer or focus: its versions are drawn emphasised. */
  emphasised: number | undefined;
  historyBase: HistoryBase | undefined;
  /** Change-history highlights on the stage. */
  historyShown = true;

  private sources: readonly CompareSource[] = [];
  private history: { version: number; base: string; view: HistoryView | undefined } | undefined;
  private readonly unsubscribe: () => void;
  private readonly listeners = new Set<() => void>();
  /** The problems already reported as `lk-error`, by message. */
  private readonly reported = new Set<string>();

  constructor(private readonly host: CompareHost) {
    this.unsubscribe = host.session.subscribe((topic) => {
      // Versions are read against the ontology: a new one reads them again.
      if (topic === 'ontology') this.read();
    });
  }

  destroy(): void {
    this.unsubscribe();
    this.listeners.clear();
  }

  /** Called after every change of this view (the panel renders again). */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.host.requestUpdate();
    for (const listener of [...this.listeners]) listener();
  }

  get session(): LabelingSession {
    return this.host.session;
  }

  setSources(sources: readonly CompareSource[]): void {
    this.sources = sources;
    this.reported.clear();
    this.hidden.clear();
    this.emphasised = undefined;
    const baseline = sources.findIndex((source) => source.baseline === true);
    this.historyBase = baseline >= 0 ? { kind: 'source', index: baseline } : undefined;
    this.read();
  }

  /** Reads the versions again (the asset arrived: a video's frame count, a text to check spans against). */
  refresh(): void {
    this.read();
  }

  /** Reads every version and scores them; a version that cannot be read is reported and counted as empty. */
  private read(): void {
    const ontology = this.host.session.ontology;
    this.history = undefined;
    if (!ontology) {
      this.versions = this.sources.map((source) => ({ label: String(source.label), baseline: source.baseline === true, imported: undefined }));
      this.report = undefined;
      this.changed();
      return;
    }
    this.versions = this.sources.map((source, index) => {
      const parsed = this.host.parseVersion(source.record);
      if (!parsed.ok) {
        const message = `Compare version ${index + 1} could not be read (${parsed.problems.length} problem${parsed.problems.length === 1 ? '' : 's'}): ${parsed.problems
          .slice(0, 3)
          .map((p) => `${p.path ?? '$'}: ${p.message}`)
          .join('; ')}`;
        // Read again when the asset arrives: the same problems are not reported twice.
        if (!this.reported.has(message)) {
          this.reported.add(message);
          this.host.reportError({
            code: 'import-invalid',
            message,
            cause: { problems: parsed.problems.map(({ code, message, path }) => ({ code, message, ...(path ? { path } : {}) })) },
          });
        }
      }
      return { label: String(source.label), baseline: source.baseline === true, imported: parsed.ok ? numbered(parsed.value) : undefined };
    });
    const frameTotal = this.host.frameTotal();
    this.report = agreementOf(
      this.versions.map((version) => version.imported ?? { objects: [], classifications: [] }),
      ontology,
      { planes: this.host.session.planeModel, ...(frameTotal === undefined ? {} : { frameTotal }) },
    );
    this.changed();
  }

  /** The object version `member` of source `source`, or undefined. */
  objectOf(source: number, objectId: string): ObjectAnnotation | undefined {
    return this.versions[source]?.imported?.objects.find((object) => object.objectId === objectId);
  }

  /** The matched object a store object belongs to (by objectId, in any version). */
  clusterOf(objectId: string): number | undefined {
    const index = this.report?.objects.findIndex((cluster) => cluster.members.some((member) => member?.objectId === objectId));
    return index === undefined || index < 0 ? undefined : index;
  }

  toggleSource(index: number): void {
    if (this.hidden.has(index)) this.hidden.delete(index);
    else this.hidden.add(index);
    this.changed();
  }

  emphasise(cluster: number | undefined): void {
    if (this.emphasised === cluster) return;
    this.emphasised = cluster;
    this.changed();
  }

  /**
   * Keeps source `source`'s version of one matched object: the versions of it already in the
   * annotations (any source's objectId) are replaced by this one. One undo step.
   */
  keepObject(cluster: ObjectAgreement, source: number): void {
    const member = cluster.members[source];
    const chosen = member ? this.objectOf(source, member.objectId) : undefined;
    if (!chosen) return;
    const store = this.host.session.store;
    store.transact({ origin: 'user', reason: 'update' }, (tx) => {
      for (const other of cluster.members) if (other && tx.state.objects.has(other.objectId)) tx.removeObject(other.objectId);
      tx.putObject(chosen);
    });
    this.host.session.select([chosen.objectId]);
  }

  /** Makes source `source`'s version the annotations: its objects, answers and relations replace all. One undo step. */
  keepAll(source: number): void {
    const imported = this.versions[source]?.imported;
    if (!imported) return;
    const store = this.host.session.store;
    store.transact({ origin: 'user', reason: 'update' }, (tx) => {
      for (const id of [...tx.state.relations.keys()]) tx.removeRelation(id);
      for (const id of [...tx.state.objects.keys()]) tx.removeObject(id);
      for (const id of [...tx.state.classifications.keys()]) tx.removeClassification(id);
      for (const object of imported.objects) tx.putObject(object);
      for (const answer of imported.classifications) tx.putClassification(answer);
      for (const relation of imported.relations) tx.putRelation(relation);
    });
  }

  /** The baselines the change history can use: the compare sources, then the element's own stages. */
  historyChoices(): { base: HistoryBase; label: string }[] {
    const sources = this.versions.map((version, index) => ({ base: { kind: 'source', index } as HistoryBase, label: version.label }));
    const stages = this.host.stageHistory().map((entry, index) => ({
      base: { kind: 'stage', index } as HistoryBase,
      label: `Stage ${index + 1}: ${String(entry.stage ?? '')}${entry.completedBy ? ` (${String(entry.completedBy)})` : ''}`,
    }));
    return [...sources, ...stages];
  }

  setHistoryBase(base: HistoryBase | undefined): void {
    this.historyBase = base;
    this.changed();
  }

  /** What changed from the chosen baseline to the current annotations; recomputed when the annotations change. */
  historyView(): HistoryView | undefined {
    const base = this.historyBase;
    if (!base) return undefined;
    const key = `${base.kind}:${base.index}`;
    const version = this.host.session.store.version;
    if (this.history && this.history.version === version && this.history.base === key) return this.history.view;
    let view: HistoryView | undefined;
    const before = base.kind === 'source' ? this.sources[base.index]?.record : this.host.stageHistory()[base.index];
    const imported = base.kind === 'source' ? this.versions[base.index]?.imported : before === undefined ? undefined : this.readStage(before);
    if (before !== undefined && imported) {
      view = { diff: diffRecords(before as object, this.host.exportRecord()), before: new Map(imported.objects.map((object) => [object.objectId, object])) };
    }
    this.history = { version, base: key, view };
    return view;
  }

  private readStage(entry: unknown): ImportedAnnotations | undefined {
    const parsed = this.host.parseVersion(entry);
    return parsed.ok ? numbered(parsed.value) : undefined;
  }
}
