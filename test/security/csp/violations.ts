/**
 * The strict-CSP page's first script: records every `securitypolicyviolation` from the start, before
 * any labelkit module is evaluated. It imports nothing, so it runs first.
 */
export interface ViolationRecord {
  directive: string;
  blockedURI: string;
  sourceFile: string;
  line: number;
  sample: string;
}

const violations: ViolationRecord[] = [];

document.addEventListener(
  'securitypolicyviolation',
  (event) => {
    violations.push({
      directive: event.effectiveDirective || event.violatedDirective,
      blockedURI: event.blockedURI,
      sourceFile: event.sourceFile,
      line: event.lineNumber,
      sample: event.sample,
    });
  },
  true,
);

(window as unknown as { lkCspViolations: ViolationRecord[] }).lkCspViolations = violations;
