import { expect } from '@open-wc/testing';
import type { AuditMetadata } from '../../../src/core/model.js';
import type { ClassificationCategory } from '../../../src/core/ontology.js';
import {
  answerAt,
  sameAnswer,
  stampOf,
  stamper,
  treeEntries,
  withAnswer,
  type AnswerWriteContext,
} from '../../../src/elements/panels/classification-form/answer-tree.js';

function category(schemaId: string, tool: ClassificationCategory['tool'], extra: Partial<ClassificationCategory> = {}): ClassificationCategory {
  return { kind: 'classification', schemaId, title: schemaId, tool, required: false, options: [], treeOptions: [], frameSpecific: false, classifications: [], ...extra };
}

const child = category('child', 'text');
const conditional = category('cond', 'text', { parentOptionId: 'o-yes' });
const parent = category('parent', 'radio', {
  options: [
    { value: 'Yes', schemaId: 'o-yes' },
    { value: 'No', schemaId: 'o-no' },
  ],
  classifications: [child, conditional],
});

function context(plane = 0): AnswerWriteContext {
  let id = 0;
  return { plane, newId: () => `id-${++id}`, stamp: stamper({ at: 'T1', by: 'u1', in: 'Label' }) };
}

describe('answer tree', () => {
  it('creates the parent answer (empty) when a nested question is answered first', () => {
    const list = withAnswer([], [parent, child], 'hello', context());
    expect(list).to.deep.equal([
      {
        objectId: 'id-1',
        schemaId: 'parent',
        answer: '',
        classifications: [{ objectId: 'id-2', schemaId: 'child', answer: 'hello', classifications: [], metadata: { createdAt: 'T1', createdBy: 'u1', createdIn: 'Label' } }],
        metadata: { createdAt: 'T1', createdBy: 'u1', createdIn: 'Label' },
      },
    ]);
    // clearing the only nested answer removes the empty parent too
    expect(withAnswer(list, [parent, child], undefined, context())).to.deep.equal([]);
  });

  it('drops conditional answers when their option is no longer chosen, keeps the others', () => {
    let list = withAnswer([], [parent], 'Yes', context());
    list = withAnswer(list, [parent, conditional], 'why', context());
    list = withAnswer(list, [parent, child], 'stays', context());
    expect(answerAt(list, [parent, conditional], 0)?.answer).to.equal('why');
    list = withAnswer(list, [parent], 'No', context());
    expect(list[0]!.classifications.map((answer) => answer.schemaId)).to.deep.equal(['child']);
    // clearing the parent keeps it (empty) while a nested answer remains
    list = withAnswer(list, [parent], undefined, context());
    expect(list[0]!.answer).to.equal('');
    expect(list[0]!.classifications).to.have.length(1);
  });

  it('stamps an update on answers that change and keeps the rest untouched', () => {
    const before: AuditMetadata = { createdAt: 'T0', createdBy: 'u0', createdIn: 'Label' };
    const other = { objectId: 'x', schemaId: 'other', answer: 'A', classifications: [], metadata: before };
    const list = withAnswer([other, { objectId: 'p', schemaId: 'parent', answer: 'No', classifications: [], metadata: before }], [parent], 'Yes', context());
    expect(list[0]).to.equal(other);
    expect(list[1]!.metadata).to.deep.equal({ ...before, updatedAt: 'T1', updatedBy: 'u1', updatedIn: 'Label' });
    expect(stampOf(list[1]!.metadata)).to.deep.equal({ at: 'T1', by: 'u1', in: 'Label' });
  });

  it('keeps one answer per plane for frame-specific questions', () => {
    const perFrame = category('pf', 'checkbox', { frameSpecific: true });
    let list = withAnswer([], [perFrame], ['a'], context(2));
    list = withAnswer(list, [perFrame], ['b'], context(5));
    expect(list.map((answer) => [answer.page, answer.answer])).to.deep.equal([
      [2, ['a']],
      [5, ['b']],
    ]);
    list = withAnswer(list, [perFrame], [], context(2));
    expect(list.map((answer) => answer.page)).to.deep.equal([5]);
  });

  it('compares answers with empty as none and flattens trees into paths', () => {
    expect(sameAnswer(undefined, [])).to.equal(true);
    expect(sameAnswer('', undefined)).to.equal(true);
    expect(sameAnswer(['a', 'b'], ['b', 'a'])).to.equal(false);
    expect(sameAnswer('a', ['a'])).to.equal(false);
    const entries = treeEntries([{ title: 'Trunk', schemaId: 't', children: [{ title: 'Branch 1', schemaId: 'b', children: [] }] }]);
    expect(entries.map((entry) => [entry.path, entry.depth])).to.deep.equal([
      ['Trunk', 0],
      ['Trunk / Branch 1', 1],
    ]);
  });
});
