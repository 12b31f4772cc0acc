import type { ReactNode } from 'react';

/** One figure of a dashboard: what it is, and its value large enough to read across a galley. */
export function FigureTile({ label, value, testId }: { label: string; value: ReactNode; testId?: string }) {
  return (
    <div className="figure-tile" data-testid={testId}>
      <span>{label}</span>
      <strong>{value}</strong>
    </div>
  );
}
