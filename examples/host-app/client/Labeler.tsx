import type { AnnotatorElement, LkErrorEvent, LkInvalidEvent, LkReviewEvent, LkSkipEvent, LkSubmitEvent } from 'labelkit';
import type { Ref } from 'react';
import { freshUrl, type OpenTask, type User } from './api.js';

const TAGS = { image: 'lk-image', video: 'lk-video', pdf: 'lk-pdf', dicom: 'lk-dicom', text: 'lk-text' } as const;

export interface LabelerProps {
  task: OpenTask;
  /** What to show: a draft kept from earlier in this visit, else the saved record. */
  annotations: unknown;
  user: User;
  mode: 'annotate' | 'review';
  elementRef: Ref<AnnotatorElement>;
  onSubmit(event: LkSubmitEvent): void;
  onSkip(event: LkSkipEvent): void;
  onReview(event: LkReviewEvent): void;
  onInvalid(event: LkInvalidEvent): void;
  onError(event: LkErrorEvent): void;
}

/** The labelkit element for the task's kind, wired to this host. */
export function Labeler({ task, annotations, user, mode, elementRef, onSubmit, onSkip, onReview, onInvalid, onError }: LabelerProps) {
  const Tag = TAGS[task.kind];
  return (
    <Tag
      ref={elementRef}
      className="labeler"
      asset={task.asset}
      asset-id={task.id}
      task-id={task.id}
      mode={mode}
      // pdf.js and its data from this server's copy of labelkit's dist/pdfjs/ (other elements ignore it).
      pdfjs-base="/pdfjs/"
      user={user}
      ontology={task.ontology}
      annotations={annotations ?? undefined}
      // Called when the signed URL has expired or is refused: the server signs a new one.
      resolveUrl={() => freshUrl(task.id)}
      src={task.src}
      onlk-submit={onSubmit}
      onlk-skip={onSkip}
      onlk-review={onReview}
      onlk-invalid={onInvalid}
      onlk-error={onError}
    />
  );
}
