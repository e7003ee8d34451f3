/** Every failure a service can report. The HTTP layer maps each code to one status. */
export type ErrorCode =
  | 'VALIDATION'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CSRF'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'COMPLIANCE_BLOCKED'
  | 'RATE_LIMITED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA';

export type ErrorDetail = { field: string; message: string };

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    /** Seconds a client should wait, for RATE_LIMITED. */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** A validation failure that names the field. */
export function invalid(field: string, message: string): DomainError {
  return new DomainError('VALIDATION', `${field}: ${message}`, [{ field, message }]);
}

export function notFound(what: string): DomainError {
  return new DomainError('NOT_FOUND', `${what} not found`);
}

export function forbidden(message = 'You do not have permission to do this'): DomainError {
  return new DomainError('FORBIDDEN', message);
}

/** HTTP status for an error code; the switch is exhaustive so a new code cannot be forgotten. */
export function statusOf(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION':
      return 400;
    case 'UNAUTHENTICATED':
      return 401;
    case 'FORBIDDEN':
    case 'CSRF':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'CONFLICT':
    case 'COMPLIANCE_BLOCKED':
      return 409;
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    case 'UNSUPPORTED_MEDIA':
      return 415;
    case 'RATE_LIMITED':
      return 429;
    default: {
      const never: never = code;
      return never;
    }
  }
}
