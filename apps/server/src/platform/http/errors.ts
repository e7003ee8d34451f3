import type { FastifyError, FastifyInstance } from 'fastify';
import type { TErrorBody } from '@yunce/contracts';
import { DomainError, statusOf } from '../errors';
import { localeOf } from './context';
import { fieldErrors, RequestValidationError } from './validation';

function body(
  code: string,
  message: string,
  details?: { field: string; message: string }[],
): TErrorBody {
  return { error: { code, message, ...(details ? { details } : {}) } };
}

/** One place turns every failure into `{ error: { code, message, details } }` with its status. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | DomainError | Error, request, reply) => {
    if (err instanceof DomainError) {
      if (err.retryAfter) void reply.header('retry-after', String(err.retryAfter));
      return reply.status(statusOf(err.code)).send(body(err.code, err.message, err.details));
    }
    if (err instanceof RequestValidationError) {
      const details = fieldErrors(err, localeOf(request));
      const message = details.map((d) => `${d.field}: ${d.message}`).join('; ');
      return reply.status(400).send(body('VALIDATION', message, details));
    }
    const fe = err as FastifyError;
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      // Fastify's own client errors: bad JSON, body too large, wrong content type…
      return reply.status(fe.statusCode).send(body(fe.code ?? 'BAD_REQUEST', fe.message));
    }
    request.log.error({ err }, 'unhandled error');
    return reply
      .status(500)
      .send(body('INTERNAL', 'Something went wrong on the server; it has been logged'));
  });
}
