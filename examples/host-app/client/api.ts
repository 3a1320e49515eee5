// The page's calls to its own server (server/app.mjs). Signed URLs come from here and go only
// into the element's `src` / `resolveUrl`: never into logs or the stored record.
import type { Ontology } from 'labelkit/format.js';

export type Kind = 'image' | 'video' | 'pdf' | 'dicom' | 'text';
export type Status = 'open' | 'submitted' | 'skipped';

export interface QueuedTask {
  id: string;
  kind: Kind;
  title: string;
  status: Status;
  verdict: 'accept' | 'reject' | null;
  /** The stable reference the record keeps. */
  asset: string;
  /** A signed URL, valid until `expiresAt` (epoch ms). */
  src: string;
  expiresAt: number;
}

export interface TaskDetails {
  ontology: Ontology | Record<string, unknown>;
  /** The last record saved for the task (the pre-labels to show), or null. */
  record: unknown;
}

/** A queued task with its details: what the page shows. */
export type OpenTask = QueuedTask & TaskDetails;

export interface User {
  id: string;
  email: string;
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, { ...init, headers: { 'Content-Type': 'application/json', ...init?.headers } });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: string; problems?: { message: string }[] };
    const details = body.problems?.map((problem) => problem.message).join(' ') ?? '';
    throw new Error(`${body.error ?? `The server answered ${response.status}.`} ${details}`.trim());
  }
  return (response.status === 204 ? undefined : await response.json()) as T;
}

const taskPath = (id: string) => `/api/tasks/${encodeURIComponent(id)}`;

export const loadQueue = () => call<{ user: User; tasks: QueuedTask[] }>('/api/tasks');
export const loadTaskDetails = (id: string) => call<TaskDetails>(taskPath(id));
export const freshUrl = async (id: string) => (await call<{ url: string }>(`${taskPath(id)}/url`)).url;
export const saveRecord = (id: string, status: 'submitted' | 'skipped', record: unknown) =>
  call<void>(`${taskPath(id)}/record`, { method: 'PUT', body: JSON.stringify({ status, record }) });
export const saveReview = (id: string, review: { verdict: 'accept' | 'reject'; comment?: string; errorCode?: string }) =>
  call<void>(`${taskPath(id)}/review`, { method: 'PUT', body: JSON.stringify(review) });
