import type { AnnotatorElement, LkErrorEvent, LkInvalidEvent, LkReviewEvent, LkSkipEvent, LkSubmitEvent } from 'labelkit';
import { useCallback, useEffect, useRef, useState } from 'react';
import { loadQueue, loadTaskDetails, saveRecord, saveReview, type OpenTask, type QueuedTask, type Status, type User } from './api.js';
import { Labeler } from './Labeler.js';

type Role = 'labeller' | 'reviewer';
interface Notice {
  tone: 'info' | 'error';
  text: string;
}

const STATUS_TEXT: Record<Status, string> = { open: 'to do', submitted: 'submitted', skipped: 'skipped' };

function statusText(task: QueuedTask): string {
  if (task.verdict) return task.verdict === 'accept' ? 'accepted' : 'rejected';
  return STATUS_TEXT[task.status];
}

/**
 * The task queue: one task at a time, in the server's order. The queue (and its signed URLs) is
 * loaded once per visit, so a URL can expire while the labeller works: the element then asks
 * `resolveUrl` for a new one. Work not yet submitted is kept as a draft while moving between tasks.
 */
export function App() {
  const [user, setUser] = useState<User>();
  const [queue, setQueue] = useState<QueuedTask[]>([]);
  const [index, setIndex] = useState(0);
  const [open, setOpen] = useState<OpenTask>();
  const [role, setRole] = useState<Role>('labeller');
  const [notice, setNotice] = useState<Notice>();
  const element = useRef<AnnotatorElement>(null);
  const drafts = useRef(new Map<string, unknown>());

  useEffect(() => {
    loadQueue().then(
      ({ user, tasks }) => {
        setUser(user);
        setQueue(tasks);
      },
      (error: Error) => setNotice({ tone: 'error', text: `The queue could not be loaded: ${error.message}` }),
    );
  }, []);

  const current = queue[index];
  useEffect(() => {
    if (!current) return undefined;
    let stale = false;
    setOpen(undefined);
    loadTaskDetails(current.id).then(
      (details) => !stale && setOpen({ ...current, ...details }),
      (error: Error) => !stale && setNotice({ tone: 'error', text: `The task could not be loaded: ${error.message}` }),
    );
    return () => {
      stale = true;
    };
    // Only a new task id reloads; status changes of the current task do not.
  }, [current?.id]);

  /** Opens task `to`, keeping the current one's unsaved work as a draft. */
  const go = useCallback(
    (to: number) => {
      if (to < 0 || to >= queue.length) return;
      if (open && element.current) drafts.current.set(open.id, element.current.export());
      setNotice(undefined);
      setIndex(to);
    },
    [open, queue.length],
  );
  /** The element is re-created in the other mode: its unsaved work goes along as a draft. */
  const switchRole = (next: Role) => {
    if (open && element.current) drafts.current.set(open.id, element.current.export());
    setRole(next);
  };
  /** After a save the work is on the server (no draft), and the save's notice stays on. */
  const goOnAfterSave = () => {
    if (index < queue.length - 1) setIndex(index + 1);
  };

  const markTask = (id: string, change: Partial<QueuedTask>) => setQueue((tasks) => tasks.map((task) => (task.id === id ? { ...task, ...change } : task)));

  async function save(status: 'submitted' | 'skipped', record: unknown) {
    if (!open) return;
    try {
      await saveRecord(open.id, status, record);
      drafts.current.delete(open.id);
      markTask(open.id, { status, verdict: null });
      setOpen({ ...open, status, verdict: null, record });
      setNotice({ tone: 'info', text: status === 'submitted' ? `Submitted “${open.title}”.` : `Skipped “${open.title}”.` });
      goOnAfterSave();
    } catch (error) {
      setNotice({ tone: 'error', text: `Not saved: ${(error as Error).message}` });
    }
  }

  async function review(event: LkReviewEvent) {
    if (!open) return;
    const { verdict, objectIds, comment, errorCode } = event.detail;
    if (objectIds?.length) {
      setNotice({ tone: 'info', text: `Marked ${objectIds.length} object(s) ${verdict === 'accept' ? 'accepted' : 'rejected'}; accept or reject the task to save the review.` });
      return;
    }
    try {
      await saveReview(open.id, { verdict, comment, errorCode });
      markTask(open.id, { verdict });
      setNotice({ tone: 'info', text: `${verdict === 'accept' ? 'Accepted' : 'Rejected'} “${open.title}”.` });
      goOnAfterSave();
    } catch (error) {
      setNotice({ tone: 'error', text: `Review not saved: ${(error as Error).message}` });
    }
  }

  const invalid = (event: LkInvalidEvent) =>
    setNotice({ tone: 'error', text: `Not submitted: ${event.detail.problems.map((problem) => problem.message).join(' ')}` });
  // The element keeps every annotation after an error; the message never holds the signed URL.
  const failed = (event: LkErrorEvent) => setNotice({ tone: 'error', text: event.detail.message });

  return (
    <div className="app">
      <header className="bar">
        <h1>labelkit example host</h1>
        <label>
          Role{' '}
          <select value={role} onChange={(event) => switchRole(event.target.value as Role)} aria-label="Role">
            <option value="labeller">Labeller</option>
            <option value="reviewer">Reviewer</option>
          </select>
        </label>
        <span className="user">{user?.email}</span>
      </header>
      <nav className="queue" aria-label="Task queue">
        <ol>
          {queue.map((task, position) => (
            <li key={task.id}>
              <button type="button" aria-current={position === index ? 'true' : undefined} onClick={() => go(position)} data-task={task.id}>
                <span className="title">{task.title}</span>
                <span className={`status status-${task.verdict ?? task.status}`}>
                  {task.kind} · {statusText(task)}
                </span>
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <main className="task" data-task={open?.id}>
        <div className="task-bar">
          <button type="button" onClick={() => go(index - 1)} disabled={index === 0}>
            ← Previous
          </button>
          <h2>{current ? `${index + 1} / ${queue.length} · ${current.title}` : 'Loading…'}</h2>
          <button type="button" onClick={() => go(index + 1)} disabled={index >= queue.length - 1}>
            Next →
          </button>
        </div>
        <p className={`notice ${notice?.tone ?? ''}`} role={notice?.tone === 'error' ? 'alert' : 'status'}>
          {notice?.text}
        </p>
        {open && user && (
          <Labeler
            key={`${open.id}:${role}`}
            task={open}
            annotations={drafts.current.get(open.id) ?? open.record}
            user={user}
            mode={role === 'reviewer' ? 'review' : 'annotate'}
            elementRef={element}
            onSubmit={(event: LkSubmitEvent) => void save('submitted', event.detail.record)}
            onSkip={(event: LkSkipEvent) => void save('skipped', event.detail.record)}
            onReview={(event) => void review(event)}
            onInvalid={invalid}
            onError={failed}
          />
        )}
      </main>
    </div>
  );
}
