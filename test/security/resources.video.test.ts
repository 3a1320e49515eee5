// Promise 8 for <lk-video>: the shared resources suite (kit/resources-suite.ts).
import { runResourcesSuite } from './kit/resources-suite.js';

runResourcesSuite('video');
