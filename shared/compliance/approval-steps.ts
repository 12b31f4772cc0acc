import type { Permission } from '../permissions.js';
import type { ReportStatus } from './schema.js';

/**
 * The approval workflow as data: draft -> submitted -> reviewed -> approved (on board), or
 * returned with a comment and filled again; a shore countersign after approval. Each step names
 * the permission a signer's role must hold (roles are rows, so who may approve is the role
 * matrix's business, checked again by the server), and whether the signer must be someone other
 * than the person who submitted (nobody approves their own report).
 */
export const APPROVAL_STEPS = {
  submit: { from: ['draft', 'returned'], to: 'submitted', permission: 'compliance.fill', otherThanSubmitter: false },
  review: { from: ['submitted'], to: 'reviewed', permission: 'compliance.approve', otherThanSubmitter: true },
  approve: { from: ['reviewed'], to: 'approved', permission: 'compliance.approve', otherThanSubmitter: true },
  return: {
    from: ['submitted', 'reviewed'],
    to: 'returned',
    permission: 'compliance.approve',
    otherThanSubmitter: false,
  },
  countersign: {
    from: ['approved'],
    to: 'countersigned',
    permission: 'compliance.countersign',
    otherThanSubmitter: true,
  },
} as const satisfies Record<
  string,
  { from: readonly ReportStatus[]; to: ReportStatus; permission: Permission; otherThanSubmitter: boolean }
>;

export type ApprovalStep = keyof typeof APPROVAL_STEPS;
export const APPROVAL_STEP_NAMES = Object.keys(APPROVAL_STEPS) as ApprovalStep[];

/** Statuses in which answers may still change. */
export const FILLABLE: readonly ReportStatus[] = ['draft', 'returned'];

export interface StepRefusal {
  code: 'CONFLICT' | 'FORBIDDEN' | 'VALIDATION_FAILED';
  message: string;
}

/**
 * Why this person may not take this step now, or null when they may.
 *
 * @example stepRefusal('approve', { status: 'reviewed', submittedBy: 'u1' }, { userId: 'u1', permissions: [...] })
 *   // { code: 'FORBIDDEN', message: 'Someone other than the person who submitted it must approve this report.' }
 */
export function stepRefusal(
  step: ApprovalStep,
  report: { status: ReportStatus; submittedBy: string | null },
  signer: { userId: string; permissions: readonly string[] },
  comment: string | null,
): StepRefusal | null {
  const rule = APPROVAL_STEPS[step];
  if (!(rule.from as readonly ReportStatus[]).includes(report.status))
    return { code: 'CONFLICT', message: `A ${report.status} report cannot be given the step "${step}".` };
  if (!signer.permissions.includes(rule.permission))
    return {
      code: 'FORBIDDEN',
      message: `Your role may not ${step} compliance reports (it needs ${rule.permission}).`,
    };
  if (rule.otherThanSubmitter && report.submittedBy === signer.userId)
    return { code: 'FORBIDDEN', message: `Someone other than the person who submitted it must ${step} this report.` };
  if (step === 'return' && !comment?.trim())
    return {
      code: 'VALIDATION_FAILED',
      message: 'Say why the report goes back (comment), so the person filling it knows what to fix.',
    };
  return null;
}
