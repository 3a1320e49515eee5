// Registers every shared panel (each guarded, so loading labelkit twice does not throw).
import './toolbar/define.js';
import './classification-form/define.js';
import './object-list/define.js';
import './relations-panel/define.js';
import './task-actions/define.js';
import './display/define.js';
import './shortcut-help/define.js';
import './timeline/define.js';

export * from './index.js';
