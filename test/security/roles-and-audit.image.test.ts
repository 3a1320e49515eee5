// Promise 7 for <lk-image>: the shared roles and audit suite (kit/roles-suite.ts).
import { runRolesAndAuditSuite } from './kit/roles-suite.js';

runRolesAndAuditSuite('image');
