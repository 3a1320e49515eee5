import { consume } from '@lit/context';
import { LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { LabelingSession, SessionTopic } from '../../../core/session.js';
import { sessionContext } from '../../base/session-context.js';

/**
 * Keys a focused control in a panel uses itself; they must not also reach the element's shortcuts
 * (Tab there selects the next object, which would trap keyboard users in the panel).
 */
const CONTROL_KEYS = new Set([
  'Tab',
  'Enter',
  ' ',
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  'Delete',
  'Backspace',
]);

/**
 * What every shared panel does with its session: take it from the `session` property (hosts that
 * place a panel themselves) or else from the nearest labelkit element through context, and render
 * again whenever the session or its store changes.
 */
export abstract class PanelElement extends LitElement {
  /** The session to show; wins over the one the surrounding labelkit element provides. */
  @property({ attribute: false }) session: LabelingSession | undefined;

  @consume({ context: sessionContext, subscribe: true })
  @state()
  protected contextSession: LabelingSession | undefined;

  private subscribedTo: LabelingSession | undefined;
  private unsubscribers: Array<() => void> = [];

  constructor() {
    super();
    this.addEventListener('keydown', this.containControlKeys);
  }

  /** The session in use: the `session` property, else the context's. */
  protected get currentSession(): LabelingSession | undefined {
    return this.session ?? this.contextSession;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.bindSession();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unbindSession();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.bindSession();
  }

  /** Called for every session topic before the panel renders again. */
  protected sessionChanged(_topic: SessionTopic): void {}

  private bindSession(): void {
    const session = this.currentSession;
    if (!this.isConnected || session === this.subscribedTo) return;
    this.unbindSession();
    this.subscribedTo = session;
    if (!session) return;
    this.unsubscribers = [
      session.subscribe((topic) => {
        this.sessionChanged(topic);
        this.requestUpdate();
      }),
      session.store.subscribe(() => this.requestUpdate()),
      session.issues.subscribe(() => this.requestUpdate()),
    ];
  }

  private unbindSession(): void {
    for (const unsubscribe of this.unsubscribers) unsubscribe();
    this.unsubscribers = [];
    this.subscribedTo = undefined;
  }

  /**
   * Tab, arrows, Enter, Space and Delete on a control in this panel belong to that control: the
   * element around the panel would otherwise also select, nudge, finish or delete with them.
   */
  private readonly containControlKeys = (event: KeyboardEvent) => {
    const target = event.composedPath()[0];
    if (target === this || !(target instanceof HTMLElement)) return;
    if (CONTROL_KEYS.has(event.key) && !event.ctrlKey && !event.metaKey) event.stopPropagation();
  };
}
