/** Every geometry kind and interpolated tracks: what `labelkit/format.js` and the 2D elements read and write. */
import { formatCodecs } from './geometry/codec.js';
import { nerCodec } from './geometry/ner.js';
import { pdfCodec } from './geometry/pdf.js';
import { shapeCodecs } from './geometry/shapes.js';
import { trackCodec } from './track-codec.js';

export const allFormatCodecs = formatCodecs([...shapeCodecs, nerCodec, pdfCodec], trackCodec);
