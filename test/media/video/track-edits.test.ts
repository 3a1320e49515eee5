import { expect } from '@open-wc/testing';
import { shapeAtFrame, visibleRanges } from '../../../src/core/interpolation.js';
import type { ObjectAnnotation } from '../../../src/core/model.js';
import { addKeyframeAt, bringBackAt, deleteKeyframeAt, keyframesForAnswers, moveKeyframeTo, neighbourKeyframe, stopTrack } from '../../../src/media/video/track-edits.js';

const box = (x: number) => ({ type: 'bounding-box' as const, value: { x, y: 10, width: 20, height: 20 } });

function track(...keyframes: ObjectAnnotation['keyframes']): ObjectAnnotation {
  return { objectId: 'o1', schemaId: 's', keyframes, classifications: [], metadata: { createdAt: '', createdBy: '', createdIn: '' } };
}

describe('track edits', () => {
  const car = track({ frame: 0, geometry: box(0) }, { frame: 10, geometry: box(100) });

  it('stops a track on a frame with the shape it has there; it reappears at a later keyframe', () => {
    const stopped = stopTrack(car, 5)!;
    expect(stopped.keyframes.map((k) => [k.frame, k.stopped === true])).to.deep.equal([
      [0, false],
      [5, true],
      [10, false],
    ]);
    expect(stopped.keyframes[1]!.geometry).to.deep.equal(box(50));
    expect(visibleRanges(stopped.keyframes, 20)).to.deep.equal([
      [0, 4],
      [10, 19],
    ]);
    // Between the stop and the next keyframe nothing is shown, and nothing is interpolated into it.
    expect(shapeAtFrame(stopped.keyframes, 7)).to.equal(undefined);
    expect(car.keyframes.length).to.equal(2); // input untouched
  });

  it('does not stop what is not in the scene', () => {
    expect(stopTrack(track({ frame: 5, geometry: box(0) }), 2)).to.equal(undefined);
    expect(stopTrack(stopTrack(car, 5)!, 6)).to.equal(undefined);
    expect(stopTrack(stopTrack(car, 5)!, 5)).to.equal(undefined);
  });

  it('turns a keyframe into a stop when stopping on it', () => {
    const stopped = stopTrack(car, 10)!;
    expect(stopped.keyframes.map((k) => k.stopped === true)).to.deep.equal([false, true]);
    expect(visibleRanges(stopped.keyframes, 20)).to.deep.equal([[0, 9]]);
  });

  it('adds a keyframe holding the interpolated shape, only between keyframes', () => {
    const keyed = addKeyframeAt(car, 3)!;
    expect(keyed.keyframes.map((k) => k.frame)).to.deep.equal([0, 3, 10]);
    expect(keyed.keyframes[1]!.geometry).to.deep.equal(box(30));
    expect(addKeyframeAt(car, 10)).to.equal(undefined);
  });

  it('brings a stopped object back on a later frame with the shape it left with, and extends a track backwards', () => {
    const stopped = stopTrack(car, 5)!;
    const back = bringBackAt(stopped, 7)!;
    expect(back.keyframes.map((k) => [k.frame, k.stopped === true])).to.deep.equal([
      [0, false],
      [5, true],
      [7, false],
      [10, false],
    ]);
    expect(back.keyframes[2]!.geometry).to.deep.equal(box(50));
    expect(visibleRanges(back.keyframes, 20)).to.deep.equal([
      [0, 4],
      [7, 19],
    ]);
    const late = track({ frame: 5, geometry: box(0) });
    expect(bringBackAt(late, 2)!.keyframes.map((k) => [k.frame, k.geometry])).to.deep.equal([
      [2, box(0)],
      [5, box(0)],
    ]);
    // Not where it is in the scene, nor on a stop keyframe itself.
    expect(bringBackAt(car, 3)).to.equal(undefined);
    expect(bringBackAt(stopped, 5)).to.equal(undefined);
  });

  it('deletes keyframes, asking to delete the object when only stops would remain', () => {
    expect(deleteKeyframeAt(car, 10)).to.deep.equal(track({ frame: 0, geometry: box(0) }));
    expect(deleteKeyframeAt(car, 4)).to.equal(undefined);
    expect(deleteKeyframeAt(track({ frame: 0, geometry: box(0) }), 0)).to.equal('delete');
    expect(deleteKeyframeAt(stopTrack(track({ frame: 0, geometry: box(0) }), 4)!, 0)).to.equal('delete');
  });

  it('moves keyframes, refusing occupied or negative frames', () => {
    expect(moveKeyframeTo(car, 10, 20)!.keyframes.map((k) => k.frame)).to.deep.equal([0, 20]);
    expect(shapeAtFrame(moveKeyframeTo(car, 10, 20)!.keyframes, 10)!.geometry).to.deep.equal(box(50));
    expect(moveKeyframeTo(car, 10, 0)).to.equal(undefined);
    expect(moveKeyframeTo(car, 10, -1)).to.equal(undefined);
    expect(moveKeyframeTo(car, 10, 10)).to.equal(undefined);
  });

  it('finds the previous and next keyframe among objects', () => {
    const other = { ...track({ frame: 4, geometry: box(0) }, { frame: 30, geometry: box(0) }), objectId: 'o2' };
    expect(neighbourKeyframe([car, other], 5, 1)).to.equal(10);
    expect(neighbourKeyframe([car, other], 5, -1)).to.equal(4);
    expect(neighbourKeyframe([car, other], 10, 1)).to.equal(30);
    expect(neighbourKeyframe([car, other], 30, 1)).to.equal(undefined);
    expect(neighbourKeyframe([], 3, -1)).to.equal(undefined);
  });

  it('adds a keyframe where a frame-specific answer sits on an interpolated frame', () => {
    const meta = { createdAt: '', createdBy: '', createdIn: '' };
    const answered: ObjectAnnotation = {
      ...car,
      classifications: [
        { objectId: 'c1', schemaId: 'kind', answer: 'Sedan', classifications: [], metadata: meta },
        { objectId: 'c2', schemaId: 'occluded', answer: 'yes', page: 4, classifications: [{ objectId: 'c3', schemaId: 'how', answer: 'half', page: 6, classifications: [], metadata: meta }], metadata: meta },
        { objectId: 'c4', schemaId: 'occluded', answer: 'no', page: 10, classifications: [], metadata: meta },
      ],
    };
    const keyed = keyframesForAnswers(answered)!;
    expect(keyed.keyframes.map((k) => k.frame)).to.deep.equal([0, 4, 6, 10]);
    expect(keyed.keyframes[1]!.geometry).to.deep.equal(box(40));
    expect(keyframesForAnswers(keyed)).to.equal(undefined);
    expect(keyframesForAnswers(car)).to.equal(undefined);
    // Not on a frame where the object is out of the scene.
    expect(keyframesForAnswers({ ...stopTrack(car, 2)!, classifications: [{ ...answered.classifications[1]!, classifications: [] }] })).to.equal(undefined);
  });
});
