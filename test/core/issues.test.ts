import { expect } from '@open-wc/testing';
import { createIssueBoard, type IssueBoardChange } from '../../src/core/issue-board.js';
import { orderIssues, parseErrorCodes, parseIssues, type Issue } from '../../src/core/issues.js';

const message = (text: string, at: string) => ({ text, by: 'rev', at });
const issue = (issueId: string, status: Issue['status'], at: string): Issue => ({ issueId, errorCodes: [], status, thread: [message(issueId, at)] });

describe('review issues (pure)', () => {
  it('reads a valid list and copies only the known fields', () => {
    const result = parseIssues([{ issueId: 'a', page: 2, position: { x: 1.5, y: 2 }, errorCodes: ['e'], status: 'open', thread: [message('hi', 't')], extra: 1 }]);
    expect(result).to.deep.equal({ ok: true, value: [{ issueId: 'a', page: 2, position: { x: 1.5, y: 2 }, errorCodes: ['e'], status: 'open', thread: [message('hi', 't')] }] });
  });

  it('refuses a malformed list whole, with a JSON path per fault', () => {
    const result = parseIssues([
      { issueId: 'a', errorCodes: [], status: 'open', thread: [] },
      { issueId: 'a', errorCodes: [3], status: 'done', thread: [{ text: 1 }], position: { x: 'left' }, span: { start: 4, end: 2 }, page: -1 },
      null,
    ]);
    expect(result.ok).to.equal(false);
    const paths = result.ok ? [] : result.problems.map((p) => p.path);
    expect(paths).to.deep.equal(['$[1].issueId', '$[1].page', '$[1].position', '$[1].span', '$[1].errorCodes', '$[1].status', '$[1].thread[0]', '$[2]']);
    expect(parseIssues({}).ok).to.equal(false);
  });

  it('reads error codes given as strings or { code, title } and refuses duplicates', () => {
    expect(parseErrorCodes([{ category: 'Wrong', codes: ['a', { code: 'b', title: 'B' }] }])).to.deep.equal({ ok: true, value: [{ category: 'Wrong', codes: [{ code: 'a' }, { code: 'b', title: 'B' }] }] });
    const twice = parseErrorCodes([{ category: 'Wrong', codes: ['a'] }, { category: 'Missing', codes: ['a'] }]);
    expect(twice.ok ? [] : twice.problems.map((p) => p.path)).to.deep.equal(['$[1].codes[0]']);
  });

  it('orders open issues first, each group by when it was raised', () => {
    const ordered = orderIssues([issue('r1', 'resolved', '1'), issue('o2', 'open', '3'), issue('o1', 'open', '2'), issue('r0', 'resolved', '0')]);
    expect(ordered.map((i) => i.issueId)).to.deep.equal(['o1', 'o2', 'r0', 'r1']);
  });

  it('the board makes the next issue of each action and reports it; permissions gate them', () => {
    let clock = 0;
    const board = createIssueBoard({ stamp: () => ({ by: 'me', at: `t${++clock}` }), newId: () => `n${clock}` });
    const changes: IssueBoardChange[] = [];
    board.subscribe((change) => changes.push(change));
    board.setDraft({ position: { x: 1, y: 2 } });
    expect(board.draft).to.equal(undefined, 'no draft without permission');
    board.setPermissions({ canRaise: true, canDiscuss: true });
    board.setDraft({ page: 3, position: { x: 1, y: 2 } });
    expect(board.create([], '  ')).to.equal(undefined, 'nothing to say');
    const created = board.create(['e1', 'e1'], ' Loose box ')!;
    expect(created).to.deep.equal({ issueId: 'n0', page: 3, position: { x: 1, y: 2 }, errorCodes: ['e1'], status: 'open', thread: [{ text: 'Loose box', by: 'me', at: 't1' }] });
    expect(board.draft).to.equal(undefined);
    const resolved = board.resolve(created.issueId)!;
    expect(resolved).to.include({ status: 'resolved', resolvedBy: 'me', resolvedAt: 't2' });
    expect(board.resolve(created.issueId)).to.equal(undefined, 'already resolved');
    const reopened = board.reopen(created.issueId)!;
    expect(reopened.status).to.equal('open');
    expect(reopened).not.to.have.property('resolvedBy');
    expect(board.reply(created.issueId, 'Fixed')!.thread.map((m) => m.text)).to.deep.equal(['Loose box', 'Fixed']);
    board.setPermissions({ canRaise: false, canDiscuss: false });
    expect(board.reply(created.issueId, 'no')).to.equal(undefined);
    expect(board.remove(created.issueId)).to.equal(undefined);
    expect(changes.filter((c) => c.action).map((c) => c.action)).to.deep.equal(['create', 'resolve', 'reopen', 'reply']);
  });
});
