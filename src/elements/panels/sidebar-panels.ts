// The panels an element shows on its first paint: toolbar, side panel sections, Submit / Skip and
// the shortcut help. The display panel loads apart (base/display-panel-load.ts) and the timeline
// only with `<lk-video>`; `panels/define.ts` (the public `panels.js`) still registers all of them.
import './toolbar/define.js';
import './classification-form/define.js';
import './object-list/define.js';
import './relations-panel/define.js';
import './task-actions/define.js';
import './shortcut-help/define.js';
