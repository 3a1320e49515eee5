// Promise 7 for <lk-dicom>: the shared roles and audit suite (kit/roles-suite.ts).
import { runRolesAndAuditSuite } from './kit/roles-suite.js';

runRolesAndAuditSuite('dicom');
