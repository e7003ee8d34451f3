import { Alert } from 'antd';
import type { FormLevelError } from './use-form-errors';

/** The part of an API error that belongs to no single field. */
export function FormErrorAlert({ error }: { error: FormLevelError | null }) {
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="form-error"
      style={{ marginBottom: 16 }}
      title={error.message}
      description={
        error.details.length > 0 ? (
          <ul className="yc-plain-list">
            {error.details.map((d) => (
              <li key={`${d.field}:${d.message}`}>
                <code>{d.field}</code>: {d.message}
              </li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}
