/**
 * Orders the files of a series: by Instance Number, then by position along the slice normal
 * (Image Position Patient projected on the normal of Image Orientation Patient), then as given.
 */
import type { DicomImageInfo } from './dicom-file.js';

type Placed = Pick<DicomImageInfo, 'instanceNumber' | 'imagePosition' | 'imageOrientation'>;

/** Indices of `slices` in display order (stable). */
export function seriesOrder(slices: readonly Placed[]): number[] {
  const keyed = slices.map((slice, index) => ({ index, instance: slice.instanceNumber, position: positionAlongNormal(slice) }));
  keyed.sort((a, b) => {
    if (a.instance !== undefined && b.instance !== undefined && a.instance !== b.instance) return a.instance - b.instance;
    if (a.instance !== undefined && b.instance === undefined) return -1;
    if (a.instance === undefined && b.instance !== undefined) return 1;
    if (a.position !== undefined && b.position !== undefined && a.position !== b.position) return a.position - b.position;
    if (a.position !== undefined && b.position === undefined) return -1;
    if (a.position === undefined && b.position !== undefined) return 1;
    return a.index - b.index;
  });
  return keyed.map((entry) => entry.index);
}

function positionAlongNormal(slice: Placed): number | undefined {
  const position = slice.imagePosition;
  if (!position) return undefined;
  const o = slice.imageOrientation;
  if (!o || o.length !== 6) return position[2];
  const [r0, r1, r2, c0, c1, c2] = o as [number, number, number, number, number, number];
  const normal = [r1 * c2 - r2 * c1, r2 * c0 - r0 * c2, r0 * c1 - r1 * c0] as const;
  return position[0] * normal[0] + position[1] * normal[1] + position[2] * normal[2];
}
