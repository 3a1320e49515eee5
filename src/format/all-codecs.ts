/** Every geometry kind and interpolated tracks: what `labelkit/format.js` and the 2D elements read and write. */
import { trackFrames } from './export-track.js';
import { formatCodecs } from './geometry/codec.js';
import { nerCodec } from './geometry/ner.js';
import { pdfCodec } from './geometry/pdf.js';
import { shapeCodecs } from './geometry/shapes.js';

export const allFormatCodecs = formatCodecs([...shapeCodecs, nerCodec, pdfCodec], trackFrames);
