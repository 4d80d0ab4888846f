import type { ReactNode } from 'react';

interface AlertProps {
  tone: 'error' | 'warning' | 'success' | 'info';
  children: ReactNode;
  action?: ReactNode;
  testId?: string;
}

/** A message in a box. Errors and warnings interrupt screen readers; the rest wait politely. */
export function Alert({ tone, children, action, testId }: AlertProps) {
  const urgent = tone === 'error' || tone === 'warning';
  return (
    <div className={`alert alert--${tone}`} role={urgent ? 'alert' : 'status'} data-testid={testId}>
      <div className="alert__body">{children}</div>
      {action && <div className="alert__action">{action}</div>}
    </div>
  );
}
