import { createContext } from '@lit/context';
import type { LabelingSession } from '../../core/session.js';

/**
 * The session of the nearest labelkit element. The value is stable for the element's lifetime;
 * consumers subscribe to the session itself for changes (context re-notifies only on replacement).
 */
export const sessionContext = createContext<LabelingSession>(Symbol('lk-session'));
