/**
 * One geometry kind of FORMAT.md §2.1 in both directions: read from untrusted input, written as
 * its export payload. An element carries the codecs of the kinds it labels, so a page with only
 * `<lk-text>` downloads no box, polygon or PDF code; `labelkit/format.js` carries them all.
 */
import type { Geometry, GeometryOf, Keyframe } from '../../core/model.js';
import type { ObjectAnnotation } from '../../core/model.js';
import type { ImportWalk, Path, TextOffsets, ToolEntry } from '../import-reader.js';
import type { Walk } from './read.js';
import type { GeometryKey, GeometryPayloads } from '../types.js';

export interface GeometryCodec<K extends GeometryKey = GeometryKey> {
  readonly key: K;
  /**
   * The geometry in `value` (the item at `at` holds it under `key`), or undefined after reporting
   * why not (`bad-geometry` at the offending path, under `at.key`).
   */
  parse(walk: Walk, value: unknown, at: Path): Extract<Geometry, { type: K }> | undefined;
  /** The export payload; without it, a JSON copy of the stored value (which is already in export shape). */
  export?(value: GeometryOf<K>, context?: ExportGeometryContext): GeometryPayloads[K];
}

/** What an export payload may depend on beyond the geometry: the document text and its offset unit (`ner`). */
export interface ExportGeometryContext {
  text?: TextOffsets;
  /** Polyline measurements (labelkit `measurement` beside the geometry); none without it. */
  measurements?: MeasurementContext;
}

/** How an element measures: the pixel spacing of a plane, and which polylines get a `measurement`. */
export interface MeasurementContext {
  /** DICOM PixelSpacing order `[row, column]` in mm for the plane (page), undefined for pixels. */
  spacingOf(page: number | undefined): readonly [number, number] | undefined;
  /** Every polyline (lk-dicom), or only those whose class has `measure`. */
  everyPolyline: boolean;
}

/** A frame of a track as exported: its shape there, whether the user set it, whether the track leaves there. */
export interface TrackFrame {
  page: number;
  geometry: Geometry;
  keyframe: boolean;
  stopped: boolean;
}

/** The frames a track (planes `track`, video) exports: every frame it is on, or keyframes and stops only. */
export type TrackFrames = (keyframes: readonly Keyframe[], frameTotal: number, keyframesOnly: boolean) => TrackFrame[];

/** Tracks (video) both ways: export frame by frame, and the flat entries of one objectId read as one track. */
export interface TrackCodec {
  frames: TrackFrames;
  /** Objects from entries read in input order; ids claimed in `ids` (first use), problems reported. */
  objects(walk: Pick<ImportWalk, 'problems'>, entries: readonly ToolEntry[], ids: Map<string, Path>): ObjectAnnotation[];
}

export type GeometryCodecs = { readonly [K in GeometryKey]?: GeometryCodec<K> };

/** A codec of any one kind. */
export type AnyGeometryCodec = { [K in GeometryKey]: GeometryCodec<K> }[GeometryKey];

/** What an element reads and writes beyond the format's common parts. */
export interface FormatCodecs {
  readonly geometry: GeometryCodecs;
  /** Tracks; without it a track exports its keyframes alone and each imported entry is an object. */
  readonly tracks?: TrackCodec;
}

export function formatCodecs(geometry: readonly AnyGeometryCodec[], tracks?: TrackCodec): FormatCodecs {
  // A plain object (fast property lookups, once per object on large imports and exports), frozen.
  const byKey = Object.freeze(Object.fromEntries(geometry.map((codec) => [codec.key, codec]))) as GeometryCodecs;
  return Object.freeze({ geometry: byKey, ...(tracks ? { tracks } : {}) });
}

/** The codec for a geometry key, or undefined (never a property the object inherits). */
export function codecFor<K extends GeometryKey>(codecs: FormatCodecs | undefined, key: K): GeometryCodec<K> | undefined {
  return codecs && Object.hasOwn(codecs.geometry, key) ? (codecs.geometry[key] as GeometryCodec<K> | undefined) : undefined;
}
