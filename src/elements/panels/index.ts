// The shared panels: classes only, importing this registers nothing (see ./define.js).
export { LkToolbar } from './toolbar/lk-toolbar.js';
export { LkClassificationForm } from './classification-form/lk-classification-form.js';
export { LkObjectList } from './object-list/lk-object-list.js';
export { LkRelationsPanel } from './relations-panel/lk-relations-panel.js';
export { LkTaskActions } from './task-actions/lk-task-actions.js';
export { LkDisplayPanel } from './display/lk-display-panel.js';
export { LkShortcutHelp, shortcutRows, type ShortcutRow } from './shortcut-help/lk-shortcut-help.js';
export { LkTimeline } from './timeline/lk-timeline.js';
export { PanelElement } from './shared/panel-element.js';
export { elementShortcutsContext, type ElementShortcut, type ElementShortcuts } from './shared/element-shortcuts.js';
