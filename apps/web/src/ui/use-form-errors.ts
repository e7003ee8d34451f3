import { useCallback, useState } from 'react';
import type { FormInstance } from 'antd';
import { ApiError, type ApiErrorDetail } from '../app/api';
import { mapErrorDetailsToFields, type FieldPath } from './form-errors';
import { useErrorMessage } from './use-error-message';

export interface FormLevelError {
  message: string;
  details: readonly ApiErrorDetail[];
}

/**
 * Shows an API error where the person can act on it: each `details[].field` on its form field,
 * the rest (or an error without details) above the form. `fields` must be a stable list.
 */
// Any form: the field paths are checked against the list given, not the values' type.
export function useFormErrors(form: FormInstance, fields: readonly FieldPath[]) {
  const [formError, setFormError] = useState<FormLevelError | null>(null);
  const errorMessage = useErrorMessage();

  const handleError = useCallback(
    (error: unknown) => {
      if (error instanceof ApiError && error.details.length > 0) {
        const mapped = mapErrorDetailsToFields(error.details, fields);
        form.setFields(mapped.fields);
        const first = mapped.fields[0];
        if (first) form.scrollToField(first.name, { block: 'center' });
        setFormError(
          mapped.unmatched.length > 0
            ? { message: errorMessage(error), details: mapped.unmatched }
            : null,
        );
        return;
      }
      setFormError({ message: errorMessage(error), details: [] });
    },
    [form, fields, errorMessage],
  );

  const clearError = useCallback(() => setFormError(null), []);
  return { formError, handleError, clearError };
}
