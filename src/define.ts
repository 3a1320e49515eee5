// Registers every labelkit element. Each element also has its own entry (`labelkit/lk-image.js`)
// so a page loads only what it uses.
import './elements/lk-image/define.js';
import './elements/lk-video/define.js';
import './elements/lk-text/define.js';
import './elements/lk-dicom/define.js';
import './elements/lk-pdf/define.js';
import './elements/panels/define.js';
