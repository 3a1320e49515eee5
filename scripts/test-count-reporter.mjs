// A web-test-runner reporter that writes the run's test counts as JSON to the file named by
// LK_TEST_SUMMARY (scripts/test.mjs prints them as its `N passed, M failed` line). Silent otherwise.
import { writeFileSync } from 'node:fs';

function countSuite(suite, counts) {
  for (const test of suite.tests) {
    if (test.skipped) counts.skipped += 1;
    else if (test.passed) counts.passed += 1;
    else counts.failed += 1;
  }
  for (const child of suite.suites) countSuite(child, counts);
}

/**
 * Counts every test of every session. A session that failed without a failing test (a file
 * that did not load, an error outside any test) counts as one failure, so M is never 0 when
 * the run failed.
 */
export function countTests(sessions) {
  const counts = { passed: 0, failed: 0, skipped: 0, files: sessions.length };
  for (const session of sessions) {
    const before = counts.failed;
    if (session.testResults) countSuite(session.testResults, counts);
    if (session.passed === false && counts.failed === before) counts.failed += 1;
  }
  return counts;
}

export function testCountReporter({ file = process.env.LK_TEST_SUMMARY } = {}) {
  return {
    onTestRunFinished({ sessions }) {
      if (file) writeFileSync(file, JSON.stringify(countTests(sessions)));
    },
  };
}
