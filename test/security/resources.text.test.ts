// Promise 8 for <lk-text>: the shared resources suite (kit/resources-suite.ts).
import { runResourcesSuite } from './kit/resources-suite.js';

runResourcesSuite('text');
