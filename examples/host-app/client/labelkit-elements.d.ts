// JSX types for labelkit's elements as this page uses them. React 19 sets these as properties
// (objects and functions) or attributes (strings), and `onlk-*` props listen for `lk-*` events.
// Once the package ships typed React bindings (`labelkit/react`), use those instead of this file.
import type {
  AnnotatorElement,
  LabelkitUser,
  LkErrorEvent,
  LkInvalidEvent,
  LkReadyEvent,
  LkReviewEvent,
  LkSkipEvent,
  LkSubmitEvent,
} from 'labelkit';
import type { Ref } from 'react';

interface LabelerProps {
  ref?: Ref<AnnotatorElement>;
  className?: string;
  src?: string;
  asset?: string;
  'asset-id'?: string;
  'external-id'?: string;
  'task-id'?: string;
  mode?: 'annotate' | 'review' | 'view';
  'pdfjs-base'?: string;
  ontology?: unknown;
  annotations?: unknown;
  user?: LabelkitUser;
  resolveUrl?: AnnotatorElement['resolveUrl'];
  'onlk-ready'?: (event: LkReadyEvent) => void;
  'onlk-submit'?: (event: LkSubmitEvent) => void;
  'onlk-skip'?: (event: LkSkipEvent) => void;
  'onlk-review'?: (event: LkReviewEvent) => void;
  'onlk-invalid'?: (event: LkInvalidEvent) => void;
  'onlk-error'?: (event: LkErrorEvent) => void;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'lk-image': LabelerProps;
      'lk-video': LabelerProps;
      'lk-pdf': LabelerProps;
      'lk-dicom': LabelerProps;
      'lk-text': LabelerProps;
    }
  }
}
