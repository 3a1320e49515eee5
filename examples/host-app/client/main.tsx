import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Each element registers itself; the heavy parts (pixi.js, pdf.js, the DICOM codecs) load only
// when a task of that kind opens.
import 'labelkit/lk-image.js';
import 'labelkit/lk-video.js';
import 'labelkit/lk-pdf.js';
import 'labelkit/lk-dicom.js';
import 'labelkit/lk-text.js';
import { App } from './App.js';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
